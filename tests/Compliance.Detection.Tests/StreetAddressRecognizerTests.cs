using SpecialistPlatform.Compliance.Detection.Recognizers;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// Street lines as each locale family writes them (invented addresses), found with the exact span: the house number,
/// the street and the flat part, never the town after a comma or the postcode. Ordinary phrases with street words
/// and no house number must not fire.
/// </summary>
public class StreetAddressRecognizerTests
{
    private static readonly StreetAddressRecognizer Recognizer = new();

    private static readonly PersonalDataDetector Detector = PersonalDataDetector.Create([]);

    private static List<string> Streets(string text) =>
        OverlapResolver.Resolve(Recognizer.Recognize(text)).Select(f => f.ValueIn(text)).ToList();

    [Theory]
    // English, US, UK, Irish, Australian, anglophone Africa and India
    [InlineData("Please send it to 27 Kingsley Road, Leeds LS6 2AB.", "27 Kingsley Road")]
    [InlineData("Flat 3, 27 Kingsley Road\nLeeds", "Flat 3, 27 Kingsley Road")]
    [InlineData("Ship to 4410 Maple Grove Drive, Denver, CO 80205", "4410 Maple Grove Drive")]
    [InlineData("The office is at 1600 Pennsylvania Avenue NW, Washington.", "1600 Pennsylvania Avenue NW")]
    [InlineData("Address: 221b Baker St, London", "221b Baker St")]
    [InlineData("Mail goes to 88 Harbour View Crescent Apt 5B, Cork", "88 Harbour View Crescent Apt 5B")]
    [InlineData("She lives at 12 Adeola Odeku Street, Victoria Island, Lagos.", "12 Adeola Odeku Street")]
    [InlineData("Plot 5, Admiralty Way, Lekki", "Plot 5, Admiralty Way")]
    [InlineData("Deliver to No. 14, Nehru Nagar, Pune 411001", "No. 14, Nehru Nagar")]
    [InlineData("We are at #45, 3rd Main Road, Bengaluru", "#45, 3rd Main Road")]
    [InlineData("15 George Street, Sydney NSW 2000", "15 George Street")]
    // German, Austrian, Swiss
    [InlineData("Hauptstraße 112, 70173 Stuttgart", "Hauptstraße 112")]
    [InlineData("Anschrift: Berliner Straße 5a, 10115 Berlin", "Berliner Straße 5a")]
    [InlineData("Karl-Marx-Str. 12-14\n10243 Berlin", "Karl-Marx-Str. 12-14")]
    [InlineData("Wir wohnen in der Lindengasse 7/3, Wien.", "Lindengasse 7/3")]
    // Dutch
    [InlineData("Bezorgen op Prinsengracht 263, 1016 GV Amsterdam", "Prinsengracht 263")]
    [InlineData("Ons kantoor: Vondellaan 14 B, Utrecht", "Vondellaan 14 B")]
    // Nordic, Icelandic, Finnish
    [InlineData("Nørrebrogade 45, 3. th., 2200 København N", "Nørrebrogade 45, 3. th.")]
    [InlineData("Adresse: Karl Johans gate 22, 0159 Oslo", "Karl Johans gate 22")]
    [InlineData("Drottninggatan 53, 111 21 Stockholm", "Drottninggatan 53")]
    [InlineData("Järnvägsallén 9, 582 22 Linköping", "Järnvägsallén 9")]
    [InlineData("Heimilisfang: Laugavegur 28, 101 Reykjavík", "Laugavegur 28")]
    [InlineData("Osoite: Mannerheimintie 5 A 12, 00100 Helsinki", "Mannerheimintie 5 A")]
    // French, Italian, Spanish, Portuguese
    [InlineData("Envoyez-le au 12, rue de la Paix, 75002 Paris.", "12, rue de la Paix")]
    [InlineData("Livraison : 73 place d'Abbeville, Lyon", "73 place d'Abbeville")]
    [InlineData("Indirizzo: Via Giuseppe Garibaldi 45, 10122 Torino", "Via Giuseppe Garibaldi 45")]
    [InlineData("consegna in Piazza della Signoria 5, Firenze", "Piazza della Signoria 5")]
    [InlineData("Dirección: C/ Alcalá, 45, 3º B, 28014 Madrid", "C/ Alcalá, 45, 3º B")]
    [InlineData("Avda. de la Constitución 12, Sevilla", "Avda. de la Constitución 12")]
    [InlineData("Morada: Rua Augusta, nº 12, 2º Esq., 1100-053 Lisboa", "Rua Augusta, nº 12, 2º Esq.")]
    // Polish, Czech, Slovak, Hungarian, Romanian, South Slavic
    [InlineData("ul. Piotrkowska 104/12, 90-006 Łódź", "ul. Piotrkowska 104/12")]
    [InlineData("Adres: al. Jerozolimskie 45 m. 14, Warszawa", "al. Jerozolimskie 45 m. 14")]
    [InlineData("Bydlím na adrese náměstí Míru 15, 120 00 Praha 2", "náměstí Míru 15")]
    [InlineData("Cím: Andrássy út 60, 1062 Budapest", "Andrássy út 60")]
    [InlineData("Váci u. 12. 2. em. 5., Budapest", "Váci u. 12. 2. em. 5.")]
    [InlineData("Adresa: Str. Lipscani nr. 12, București", "Str. Lipscani nr. 12")]
    [InlineData("Slovenska cesta 5, 1000 Ljubljana", "Slovenska cesta 5")]
    // Baltic, Turkish, Greek, Hebrew, Cyrillic, Vietnamese
    [InlineData("Brīvības iela 55, Rīga", "Brīvības iela 55")]
    [InlineData("Gedimino pr. 9, Vilnius", "Gedimino pr. 9")]
    [InlineData("Pärnu mnt 10, Tallinn", "Pärnu mnt 10")]
    [InlineData("Adres: Bağdat Cad. No:45 D:3, Kadıköy İstanbul", "Bağdat Cad. No:45 D:3")]
    [InlineData("Odos Ermou 15, Athina", "Odos Ermou 15")]
    [InlineData("Rothschild Blvd 22, Tel Aviv", "Rothschild Blvd 22")]
    [InlineData("Rehov Herzl 12, Haifa", "Rehov Herzl 12")]
    [InlineData("адрес: ул. Ленина, д. 5, Москва", "ул. Ленина, д. 5")]
    [InlineData("вул. Хрещатик, 22, Київ", "вул. Хрещатик, 22")]
    [InlineData("бул. Витоша 45, София", "бул. Витоша 45")]
    [InlineData("Giao đến 123 Đường Lê Lợi, Quận 1", "123 Đường Lê Lợi")]
    // Korean and Japanese, romanised
    [InlineData("Office: Teheran-ro 152, Gangnam-gu, Seoul", "Teheran-ro 152")]
    [InlineData("Address: 2-chome 3-ban 4-go, Shinjuku, Tokyo", "2-chome 3-ban 4-go")]
    [InlineData("Tanaka Hiroshi, Roppongi 3-chome 5-12, Minato-ku", "Roppongi 3-chome 5-12")]
    public void Finds_the_street_line(string text, string expected) =>
        string.Join(" | ", Streets(text)).ShouldBe(expected, $"in \"{text}\"");

    [Theory]
    [InlineData("Take the high road and you will be there.")]
    [InlineData("There was nobody on the street last night.")]
    [InlineData("I walked down Main Street with my dog.")]
    [InlineData("The Supreme Court ruled 5 to 4.")]
    [InlineData("We stayed at the Plaza Hotel 5 stars, lovely.")]
    [InlineData("In 2019 Oxford Road was closed for repairs.")]
    [InlineData("Kowalski et al. 2019 found the opposite.")]
    [InlineData("The 3rd Brigade 2 weeks ago moved on.")]
    [InlineData("I have been waiting 2 weeks for my card.")]
    [InlineData("Why was I charged 3 times by the ATM on the road?")]
    [InlineData("Spring 2024 collection is out.")]
    [InlineData("Order #12345 shipped via the road network.")]
    public void Does_not_fire_without_an_address(string text) =>
        string.Join(" | ", Streets(text)).ShouldBeEmpty($"in \"{text}\"");

    [Theory]
    // Streets with no type word, known by the postal line after them (next line or after a comma)
    [InlineData("Vinohradská 1511/230, 130 00 Praha 3", "Vinohradská 1511/230")]
    [InlineData("Ilica 10\n10000 Zagreb\nCroatia", "Ilica 10")]
    [InlineData("Jan Novák\nKorunní 88\n120 00 Praha 2", "Korunní 88")]
    [InlineData("Ship to: 1500 Broadway, New York, NY 10036", "1500 Broadway")]
    [InlineData("Kungsholmstorg 5 B\n112 21 Stockholm", "Kungsholmstorg 5 B")]
    [InlineData("Adresa: Titova 7, 71000 Sarajevo", "Titova 7")]
    [InlineData("We moved to Mariahilfer 44, A-1070 Wien last spring.", "Mariahilfer 44")]
    [InlineData("Piccadilly 181\nLondon W1A 1ER", "Piccadilly 181")]
    [InlineData("350 Fifth, Manhattan, NY 10118", "350 Fifth")]
    public void Finds_a_street_without_a_type_word_above_a_postal_line(string text, string expected) =>
        string.Join(" | ", Streets(text)).ShouldBe(expected, $"in \"{text}\"");

    [Theory]
    [InlineData("Room 12\n10115 Berlin")]
    [InlineData("PO Box 445\n8001 Zürich")]
    [InlineData("Postfach 12 03\n80331 München")]
    [InlineData("The launch was on March 12, 2024 Berlin time.")]
    [InlineData("Order 4521, 10 Items shipped")]
    [InlineData("My iPhone 12, Paris, FR edition, is broken.")]
    [InlineData("Terminal 2, 1000 Passengers a day")]
    [InlineData("Chapter 12, 2019 Edition")]
    [InlineData("Windows 10\nVersion 22H2")]
    public void Does_not_take_other_numbered_lines_for_streets(string text) =>
        string.Join(" | ", Streets(text)).ShouldBeEmpty($"in \"{text}\"");

    [Fact]
    public void Through_the_detector_an_address_with_no_break_spaces_is_found_and_keeps_the_town_and_postcode_apart()
    {
        var text = "Lieferadresse: Hauptstraße\u00A0112,\u00A070173 Stuttgart";
        var findings = Detector.Detect(text);
        var street = findings.Single(f => f.Type == PersonalDataTypes.StreetAddress);
        street.ValueIn(text).ShouldBe("Hauptstraße\u00A0112");
        findings.ShouldContain(f => f.Type == PersonalDataTypes.ZipCode && f.ValueIn(text) == "70173");
    }

    [Fact]
    public void Through_the_detector_an_english_address_with_narrow_spaces_is_one_finding()
    {
        var text = "Ship to: Flat\u202F3, 27\u00A0Kingsley\u2009Road, Leeds";
        var streets = Detector.Detect(text).Where(f => f.Type == PersonalDataTypes.StreetAddress).ToList();
        streets.Count.ShouldBe(1);
        streets[0].ValueIn(text).ShouldBe("Flat\u202F3, 27\u00A0Kingsley\u2009Road");
    }

    [Fact]
    public void A_title_like_street_type_inside_the_line_is_not_a_title()
    {
        var text = "Send it to 14 Oak Dr. please";
        var findings = Detector.Detect(text);
        findings.ShouldContain(f => f.Type == PersonalDataTypes.StreetAddress && f.ValueIn(text) == "14 Oak Dr.");
        findings.ShouldNotContain(f => f.Type == PersonalDataTypes.Title);
    }

    [Fact]
    public void A_tagger_street_span_is_joined_with_a_flat_part_but_never_with_the_town()
    {
        const string text = "Nørrebrogade 45, 3. th., København";
        var rule = new Finding(PersonalDataTypes.StreetAddress, 0, 15, 0.65, nameof(StreetAddressRecognizer));
        var taggerStreet = new Finding(PersonalDataTypes.StreetAddress, 0, 34, 0.8, "entity-tagger");
        OverlapResolver.CombineStreetLines(text, [rule, taggerStreet], "entity-tagger")
            .Select(f => (f.Type, f.ValueIn(text))).ShouldBe([(PersonalDataTypes.Location, "København"), (PersonalDataTypes.StreetAddress, "Nørrebrogade 45, 3. th.")]);

        const string swedish = "Undre Idrottsgatan 198, 113 52 Stockholm";
        var compound = new Finding(PersonalDataTypes.StreetAddress, 6, 22, 0.65, nameof(StreetAddressRecognizer));
        var wider = new Finding(PersonalDataTypes.StreetAddress, 0, 22, 0.8, "entity-tagger");
        OverlapResolver.CombineStreetLines(swedish, [compound, wider], "entity-tagger")
            .Single().ValueIn(swedish).ShouldBe("Undre Idrottsgatan 198");

        const string town = "Hauptstraße 112, Stuttgart";
        var street = new Finding(PersonalDataTypes.StreetAddress, 0, 15, 0.65, nameof(StreetAddressRecognizer));
        var location = new Finding(PersonalDataTypes.Location, 0, town.Length, 0.8, "entity-tagger");
        OverlapResolver.CombineStreetLines(town, [street, location], "entity-tagger")
            .Select(f => (f.Type, f.ValueIn(town))).ShouldBe([(PersonalDataTypes.Location, "Stuttgart"), (PersonalDataTypes.StreetAddress, "Hauptstraße 112")]);
    }
}
