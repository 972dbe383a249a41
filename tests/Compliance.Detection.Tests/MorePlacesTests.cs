using SpecialistPlatform.Compliance.Detection.Recognizers;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// The longer place list (regional and second-tier cities, first-level regions, city districts) and the administrative
/// unit patterns of <see cref="AdminUnitRecognizer"/>: exact spans and types of real places per country, and words,
/// names and companies that must not be found. Sentences written here; every address is made up.
/// </summary>
public class MorePlacesTests
{
    private static readonly IRecognizer[] Recognizers = [new KnownPlaceRecognizer(), new AdminUnitRecognizer()];

    private static List<(int Start, int End, string Type)> Found(string text) =>
        OverlapResolver.Resolve(Recognizers.SelectMany(r => r.Recognize(text)))
            .Where(f => f.Score >= PersonalDataDetector.DefaultMinimumScore)
            .Select(f => (f.Start, f.End, f.Type)).ToList();

    private static List<(int Start, int End, string Type)> Spans(string text, string[] values)
    {
        var spans = new List<(int, int, string)>();
        var from = 0;
        foreach (var v in values)
        {
            var at = text.IndexOf(v, from, StringComparison.Ordinal);
            at.ShouldBeGreaterThanOrEqualTo(0, $"'{v}' not in: {text}");
            spans.Add((at, at + v.Length, PersonalDataTypes.Location));
            from = at + v.Length;
        }
        return spans;
    }

    [Theory]
    // United Kingdom, Ireland
    [InlineData("We moved from Wolverhampton to Milton Keynes in May.", new[] { "Wolverhampton", "Milton Keynes" })]
    [InlineData("Her flat is in Shoreditch, his in Notting Hill.", new[] { "Shoreditch", "Notting Hill" })]
    [InlineData("The cottage near Killarney belongs to a cousin in Drogheda.", new[] { "Killarney", "Drogheda" })]
    [InlineData("She was born in County Cork and lives in Co. Kerry.", new[] { "County Cork", "Co. Kerry" })]
    // France, Belgium, Netherlands
    [InlineData("Il habite à Nîmes, près de Montmartre l'hiver.", new[] { "Nîmes", "Montmartre" })]
    [InlineData("De vergadering is in Amersfoort, daarna naar Kortrijk.", new[] { "Amersfoort", "Kortrijk" })]
    // Germany, Austria, Switzerland
    [InlineData("Ich wohne in Kreuzberg und arbeite in Ludwigshafen.", new[] { "Kreuzberg", "Ludwigshafen" })]
    [InlineData("Wir ziehen nach Mitte, weg aus Tübingen.", new[] { "Mitte", "Tübingen" })]
    [InlineData("Filiale in Dornbirn, Lager bei Schaffhausen.", new[] { "Dornbirn", "Schaffhausen" })]
    // Nordics, Baltics
    [InlineData("Vi flyttade från Växjö till Södermalm.", new[] { "Växjö", "Södermalm" })]
    [InlineData("He studied in Lappeenranta and works in Jūrmala.", new[] { "Lappeenranta", "Jūrmala" })]
    // Iberia, Italy, Greece
    [InlineData("Vivo en Albacete pero trabajo en Alcalá de Henares.", new[] { "Albacete", "Alcalá de Henares" })]
    [InlineData("Moro em Matosinhos, perto de Vila Nova de Gaia.", new[] { "Matosinhos", "Vila Nova de Gaia" })]
    [InlineData("Abito a Monza, lavoro a Piacenza, estate in Puglia.", new[] { "Monza", "Piacenza", "Puglia" })]
    [InlineData("The ferry from Piraeus to Santorini was late.", new[] { "Piraeus", "Santorini" })]
    // Poland, Czechia, Hungary, Balkans, Romania
    [InlineData("Mieszkam w Bielsko-Biała, województwo Śląskie.", new[] { "Bielsko-Biała", "Śląskie" })]
    [InlineData("Pracuję w Mokotów, rodzina w Małopolskie.", new[] { "Mokotów", "Małopolskie" })]
    [InlineData("Jedu z Kladna do Českého? Ne, do Znojmo.", new[] { "Znojmo" })]
    [InlineData("We hiked from Budva to Kotor and on to Šibenik.", new[] { "Budva", "Kotor", "Šibenik" })]
    [InlineData("Locuiesc în Târgu Mureș, lângă Sighișoara.", new[] { "Târgu Mureș", "Sighișoara" })]
    // Ukraine, Russia, Caucasus, Central Asia
    [InlineData("She fled from Mariupol to Lviv Oblast in 2022.", new[] { "Mariupol", "Lviv Oblast" })]
    [InlineData("He grew up in Krasnodar Krai, near Novorossiysk.", new[] { "Krasnodar Krai", "Novorossiysk" })]
    [InlineData("Our supplier is in Rustavi; another in Karaganda.", new[] { "Rustavi", "Karaganda" })]
    // Turkey, Middle East
    [InlineData("Kadıköy'de değil, Beşiktaş tarafında oturuyorum; ailem Çanakkale'de.", new[] { "Beşiktaş" })]
    [InlineData("I live in Kadıköy and commute to Şişli.", new[] { "Kadıköy", "Şişli" })]
    [InlineData("The driver took us from Jumeirah to Al Ain.", new[] { "Jumeirah", "Al Ain" })]
    [InlineData("He moved from Ashkelon to Tiberias.", new[] { "Ashkelon", "Tiberias" })]
    // Africa
    [InlineData("Deliver to our shop in Ikeja, not the one in Lekki.", new[] { "Ikeja", "Lekki" })]
    [InlineData("She is from Kakamega and studies in Eldoret.", new[] { "Kakamega", "Eldoret" })]
    [InlineData("The clinic in Sandton referred him to Polokwane.", new[] { "Sandton", "Polokwane" })]
    [InlineData("We toured Essaouira, Chefchaouen and Hurghada.", new[] { "Essaouira", "Chefchaouen", "Hurghada" })]
    // South Asia
    [InlineData("My office is in Bandra; I live in Koramangala now.", new[] { "Bandra", "Koramangala" })]
    [InlineData("Transferred from Jamshedpur, Jharkhand to Gandhinagar.", new[] { "Jamshedpur", "Jharkhand", "Gandhinagar" })]
    [InlineData("Our family is in Sialkot and Khyber Pakhtunkhwa.", new[] { "Sialkot", "Khyber Pakhtunkhwa" })]
    [InlineData("He moved from Dhanmondi to Gulshan.", new[] { "Dhanmondi", "Gulshan" })]
    // East Asia
    [InlineData("The store is at Gangnam-gu, near Yeoksam-dong.", new[] { "Gangnam-gu", "Yeoksam-dong" })]
    [InlineData("She lives in Suwon-si, Gyeonggi-do.", new[] { "Suwon-si", "Gyeonggi-do" })]
    [InlineData("Office: Minato-ku, Tokyo; warehouse in Aichi Prefecture.", new[] { "Minato-ku", "Tokyo", "Aichi Prefecture" })]
    [InlineData("We met in Shinjuku and later moved to Hokkaido.", new[] { "Shinjuku", "Hokkaido" })]
    [InlineData("The factory is in Dongguan, Guangdong; HQ in Pudong.", new[] { "Dongguan", "Guangdong", "Pudong" })]
    // South-east Asia
    [InlineData("Nhà tôi ở Quận 1, gần Phường Bến Nghé.", new[] { "Quận 1", "Phường Bến Nghé" })]
    [InlineData("I stay in Hoi An, then Phu Quoc.", new[] { "Hoi An", "Phu Quoc" })]
    [InlineData("Alamat: Kecamatan Menteng, Kabupaten Bogor.", new[] { "Kecamatan Menteng", "Kabupaten Bogor" })]
    [InlineData("He works in Petaling Jaya and lives in Cheras.", new[] { "Petaling Jaya", "Cheras" })]
    // Americas
    [InlineData("Ship it to Harris County, then to Chattanooga.", new[] { "Harris County", "Chattanooga" })]
    [InlineData("We moved from Brooklyn to Hoboken last year.", new[] { "Brooklyn", "Hoboken" })]
    [InlineData("Vivo en Tlaquepaque, Jalisco, cerca de Zapopan.", new[] { "Tlaquepaque", "Jalisco", "Zapopan" })]
    [InlineData("Moro em Osasco e trabalho em Pinheiros.", new[] { "Osasco", "Pinheiros" })]
    [InlineData("She flew from Iquique to Bahía Blanca.", new[] { "Iquique", "Bahía Blanca" })]
    [InlineData("Our branch in Burnaby moved to Kitchener, Ontario.", new[] { "Burnaby", "Kitchener", "Ontario" })]
    // Oceania
    [InlineData("They live in Parramatta; she works in Fremantle.", new[] { "Parramatta", "Fremantle" })]
    [InlineData("He grew up in Palmerston North, Manawatu? No, in Whanganui.", new[] { "Palmerston North", "Whanganui" })]
    public void Finds_each_place_with_its_exact_span_and_type(string text, string[] expected) =>
        Found(text).ShouldBe(Spans(text, expected), $"in: {text}");

    [Theory]
    // Words and names that are also new places, without a locative context
    [InlineData("Karen asked about the refund.")]
    [InlineData("Delta flights were delayed again.")]
    [InlineData("Toyota sent the invoice yesterday.")]
    [InlineData("Worcester sauce is on the shopping list.")]
    [InlineData("Wedding photos are attached.")]
    [InlineData("Mitte des Monats zahle ich.")]
    [InlineData("Capri pants and Copacabana dresses are on sale.")]
    [InlineData("Contagem de pontos: 12.")]
    [InlineData("Slough off the old skin.")]
    [InlineData("Fargo is a great film.")]
    // Organisation units and generic phrases before a unit word
    [InlineData("The Sales Region and the Customer District reports are due.")]
    [InlineData("Call the Police Department or the Fire Department.")]
    [InlineData("Our School District closed; the Central District office too.")]
    [InlineData("A Tae-kwon-do class starts at six.")]
    [InlineData("Write to Harris.County@example.com.")]
    public void Does_not_fire(string text) =>
        Found(text).ShouldBeEmpty($"in: {text}");

    [Theory]
    [InlineData("Kent County Council approved the plan.", "Kent County Council")]
    [InlineData("Orange County Choppers built a bike.", "Orange County Choppers")]
    public void A_unit_inside_a_company_name_scores_low_so_a_tagger_organization_wins(string text, string company)
    {
        var unit = new AdminUnitRecognizer().Recognize(text).ShouldHaveSingleItem();
        unit.Score.ShouldBe(0.4);
        var tagger = new Finding(PersonalDataTypes.Organization, 0, company.Length, 0.85 * 0.6, "EntityTagger");
        var resolved = OverlapResolver.Resolve([.. Recognizers.SelectMany(r => r.Recognize(text)), tagger]);
        resolved.ShouldBe([tagger]);
    }

    [Fact]
    public void Every_new_listed_name_is_found_alone_after_in_and_every_new_ambiguous_one_only_there()
    {
        var ambiguous = KnownPlaces.Ambiguous.Concat(KnownPlaces.MoreAmbiguous).ToHashSet(StringComparer.Ordinal);
        var recognizer = new KnownPlaceRecognizer();
        foreach (var name in KnownPlaces.MoreRegions.Concat(KnownPlaces.MoreCities).Concat(KnownPlaces.MoreAmbiguous).Distinct())
        {
            var text = $"We live in {name} now.";
            recognizer.Recognize(text).Where(f => f.Score >= PersonalDataDetector.DefaultMinimumScore)
                .Select(f => (f.Start, f.End, f.Type)).ShouldBe([(11, 11 + name.Length, PersonalDataTypes.Location)], $"in: {text}");
            if (ambiguous.Contains(name))
                recognizer.Recognize($"{name} is what we talked about.").ShouldBeEmpty($"alone: {name}");
        }
    }
}
