using SpecialistPlatform.Compliance.Detection.Recognizers;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// Issue 16: real towns, regions and countries found by <see cref="KnownPlaceRecognizer"/> with their exact spans, per
/// region of the world; and given names, common words, e-mail addresses, URLs and company names that must not fire.
/// Sentences written here; every address is made up.
/// </summary>
public class KnownPlaceRecognizerTests
{
    private static readonly KnownPlaceRecognizer Recognizer = new();

    private static List<string> Places(string text) =>
        Recognizer.Recognize(text).Where(f => f.Score >= PersonalDataDetector.DefaultMinimumScore).Select(f => f.ValueIn(text)).ToList();

    [Theory]
    // Central and Eastern Europe
    [InlineData("Mieszkam w Krakowie? Nie, w Łódź od dwóch lat, wcześniej Kraków.", new[] { "Łódź", "Kraków" })]
    [InlineData("ul. Piotrkowska 104, 90-001 Łódź, Polska", new[] { "Łódź", "Polska" })]
    [InlineData("Přijedu z Plzeň do Brno v pondělí, pak Česká republika opouštím.", new[] { "Plzeň", "Brno", "Česká republika" })]
    [InlineData("Hlavná 14, 040 01 Košice, Slovensko", new[] { "Košice", "Slovensko" })]
    [InlineData("Our office moved from Cluj-Napoca to București last May.", new[] { "Cluj-Napoca", "București" })]
    [InlineData("Andrássy út 12, 1061 Budapest, Magyarország", new[] { "Budapest", "Magyarország" })]
    [InlineData("Sent from Kyiv, Україна, to Lviv.", new[] { "Kyiv", "Україна", "Lviv" })]
    // Western and Northern Europe
    [InlineData("I grew up in München but studied in Munich's twin, Zürich.", new[] { "München", "Munich", "Zürich" })]
    [InlineData("Flights from København to Göteborg and Gothenburg to Tampere are cheap.", new[] { "København", "Göteborg", "Gothenburg", "Tampere" })]
    [InlineData("We spent a week in Akureyri, Ísland, and two days in Reykjavík.", new[] { "Akureyri", "Ísland", "Reykjavík" })]
    [InlineData("Narva mnt 7, 10115 Tallinn; my sister lives in Tartu, Eesti.", new[] { "Tallinn", "Tartu", "Eesti" })]
    [InlineData("Kaunas or Vilnius? Both in Lietuva.", new[] { "Kaunas", "Vilnius", "Lietuva" })]
    [InlineData("Rue Neuve 10, 1000 Bruxelles, Belgique", new[] { "Bruxelles", "Belgique" })]
    [InlineData("The conference is in Den Haag, Nederland, not in Deutschland.", new[] { "Den Haag", "Nederland", "Deutschland" })]
    // Southern Europe and Turkey
    [InlineData("Vivo a Bologna, ma sono nato in Italia, vicino a Napoli.", new[] { "Bologna", "Italia", "Napoli" })]
    [InlineData("Ermou 20, 105 57 Athens, Ελλάδα; then Thessaloniki.", new[] { "Athens", "Ελλάδα", "Thessaloniki" })]
    [InlineData("Kargo İzmir şubesinden İstanbul adresine, Türkiye.", new[] { "İzmir", "İstanbul", "Türkiye" })]
    [InlineData("Ilica 10, 10000 Zagreb, Hrvatska", new[] { "Zagreb", "Hrvatska" })]
    // Middle East, Asia
    [InlineData("Rothschild Blvd 22, Tel Aviv 6688218, Israel", new[] { "Tel Aviv", "Israel" })]
    [InlineData("She commutes from Be'er Sheva to Haifa twice a month.", new[] { "Be'er Sheva", "Haifa" })]
    [InlineData("Chúng tôi ở Đà Nẵng, Việt Nam, gần Hà Nội.", new[] { "Đà Nẵng", "Việt Nam", "Hà Nội" })]
    [InlineData("The parcel went from Cebu to Surabaya via Kuala Lumpur.", new[] { "Cebu", "Surabaya", "Kuala Lumpur" })]
    [InlineData("I relocated from Pune to Chennai, India.", new[] { "Pune", "Chennai", "India" })]
    [InlineData("Our team sits in Tokyo and Seoul; HQ is in Nippon, sorry, Japan.", new[] { "Tokyo", "Seoul", "Nippon", "Japan" })]
    // Africa
    [InlineData("He was born in Ibadan and now works in Port Harcourt, Nigeria.", new[] { "Ibadan", "Port Harcourt", "Nigeria" })]
    [InlineData("Ship to 12 Florida Rd, Durban 4001, South Africa", new[] { "Durban", "South Africa" })]
    [InlineData("Moving from Nairobi to Addis Ababa next month.", new[] { "Nairobi", "Addis Ababa" })]
    // Americas
    [InlineData("Av. Vallarta 1234, Guadalajara, Jalisco, México", new[] { "Guadalajara", "Jalisco", "México" })]
    [InlineData("Trabajo en Medellín pero mi familia vive en Rosario, Argentina.", new[] { "Medellín", "Rosario", "Argentina" })]
    [InlineData("Rua dos Andradas 1000, Porto Alegre, Brasil", new[] { "Porto Alegre", "Brasil" })]
    [InlineData("I flew from New York to Rio de Janeiro via São Paulo.", new[] { "New York", "Rio de Janeiro", "São Paulo" })]
    [InlineData("Our warehouse is in Ontario, Canada, and another in Texas.", new[] { "Ontario", "Canada", "Texas" })]
    // Oceania, and German Länder
    [InlineData("She lives in Queensland now, formerly New South Wales.", new[] { "Queensland", "New South Wales" })]
    [InlineData("Zwei Filialen in Baden-Württemberg und eine in Nordrhein-Westfalen.", new[] { "Baden-Württemberg", "Nordrhein-Westfalen" })]
    // Names that are also words or given names, in a locative context
    [InlineData("We moved to Nice last year.", new[] { "Nice" })]
    [InlineData("Obala 5, Split 21000, Hrvatska", new[] { "Split", "Hrvatska" })]
    [InlineData("bul. Vitosha 15, 1000 Sofia", new[] { "Sofia" })]
    [InlineData("The office is at 5 Main St, Austin, TX 78701.", new[] { "Austin" })]
    [InlineData("Greetings from Georgia!", new[] { "Georgia" })]
    [InlineData("Melbourne, Victoria, Australia", new[] { "Melbourne", "Victoria", "Australia" })]
    // A shipping label in capitals
    [InlineData("MARIA NOWAK\nUL. DŁUGA 5\n80-831 GDAŃSK\nPOLSKA", new[] { "GDAŃSK", "POLSKA" })]
    // A chat in lower case: after a place word only, and only on a line without capitals
    [InlineData("hope: wait paris is moving?? to atlanta??", new[] { "atlanta" })]
    [InlineData("what time is it in buenos aires", new[] { "buenos aires" })]
    public void Finds_each_place_with_its_exact_span(string text, string[] expected) =>
        Places(text).ToArray().ShouldBe(expected, $"in: {text}");

    [Theory]
    // Given names and common words
    [InlineData("Sofia said she would call back tomorrow.")]
    [InlineData("Florence and Victoria are coming to dinner.")]
    [InlineData("Nice to meet you, Jordan.")]
    [InlineData("Split the bill three ways, please.")]
    [InlineData("Reading is my favourite hobby.")]
    [InlineData("Mobile: 0770 123 4567")]
    [InlineData("Most of my cards were declined.")]
    [InlineData("Chad asked about the refund.")]
    [InlineData("Turkey sandwiches for lunch.")]
    [InlineData("Georgia Smith approved the transfer.")]
    // E-mail addresses, URLs, domains
    [InlineData("Write to Berlin.Office@example.com or Paris@example.fr.")]
    [InlineData("See https://example.com/London/offices and www.Madrid-hotels.com")]
    // Streets named after places, compounds
    [InlineData("Deliver to the shop on London Road.")]
    [InlineData("Berliner Luft and Hamburger are not places.")]
    // Beside another capitalised word without a locative context: a name or a company
    [InlineData("Ben Rhodes and Shanon Sevilla booked a table; Oporto Patisserie confirmed.")]
    [InlineData("We had dinner at the Duke of York.")]
    // A place naming money
    [InlineData("I changed Russian Ruble into UK pounds and US dollars.")]
    // Lower case: a common word, an ambiguous name, no place word, or a line with capitals
    [InlineData("we went to nice places and to reading groups")]
    [InlineData("tell paris the kids table is ready")]
    [InlineData("I moved to atlanta last year.")]
    public void Does_not_fire(string text) =>
        Places(text).ShouldBeEmpty($"in: {text}");

    [Theory]
    [InlineData("Photos from Paris Hilton at the party.", "Paris Hilton")]
    [InlineData("He banks with Bank of Georgia and flies Air France.", "Air France")]
    [InlineData("She works at University of Toronto.", "University of Toronto")]
    public void A_confident_tagger_name_or_company_over_the_place_wins(string text, string name)
    {
        if (name == "Paris Hilton")
            Recognizer.Recognize(text).ShouldContain(f => f.ValueIn(text) == "Paris" && f.Score == 0.4);
        var start = text.IndexOf(name, StringComparison.Ordinal);
        var tagger = new Finding(PersonalDataTypes.Person, start, start + name.Length, 0.85 * 0.6, "EntityTagger");
        var resolved = OverlapResolver.Resolve([.. Recognizer.Recognize(text), tagger]);
        resolved.ShouldContain(tagger);
        resolved.ShouldNotContain(f => f.Type == PersonalDataTypes.Location && f.Start < tagger.End && tagger.Start < f.End);
    }

    [Fact]
    public void Runs_through_the_detector_on_folded_text_with_original_offsets()
    {
        var text = "Sent from\u00a0Kraków,\u2009Polska.";
        var detector = PersonalDataDetector.Create([]);
        detector.Detect(text).Where(f => f.Type == PersonalDataTypes.Location).Select(f => f.ValueIn(text)).ShouldBe(["Kraków", "Polska"]);
        var decomposed = "Sent from Krako\u0301w.";
        detector.Detect(decomposed).Where(f => f.Type == PersonalDataTypes.Location).Select(f => f.ValueIn(decomposed)).ShouldBe(["Krako\u0301w"]);
    }

    [Fact]
    public void Every_listed_name_is_found_alone_after_in()
    {
        foreach (var name in KnownPlaces.Countries.Concat(KnownPlaces.Regions).Concat(KnownPlaces.Cities).Except(KnownPlaces.Ambiguous))
        {
            var text = $"We live in {name} now.";
            Places(text).ShouldBe([name], $"in: {text}");
        }
    }
}
