namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// Postcodes of Asia, Latin America, Africa and the Middle East where addresses put them: after a city the gazetteer
/// lacks but <c>KnownPlaces</c> holds ("Shanghai 200040", "Nairobi 00100"), an Indian PIN in two groups, Japanese
/// postcodes before "Japan", Asian postcode labels; and look-alike numbers (counts, years, phone pieces, orders) beside
/// the same places that must not fire. Written from general knowledge of postal formats; all addresses are made up.
/// </summary>
public class WorldPostcodeTests
{
    private static readonly PersonalDataDetector Detector = PersonalDataDetector.Create([]);

    private static List<(int Start, int End)> Spans(string text) =>
        Detector.Detect(text).Where(f => f.Type == PersonalDataTypes.ZipCode).Select(f => (f.Start, f.End)).ToList();

    [Theory]
    // India: a PIN in two groups after a known place; a state name before it
    [InlineData("Koramangala, Bengaluru 560 034", "560 034")]
    [InlineData("5th Cross, Indiranagar, Bengaluru 560 038", "560 038")]
    [InlineData("Anna Salai, Chennai 600 002", "600 002")]
    [InlineData("Chennai, Tamil Nadu 600001", "600001")]
    // China, Korea, Japan: after or before a known city, before "Japan" or a Japanese city, after Asian labels
    [InlineData("Shanghai 200040", "200040")]
    [InlineData("Jing'an District, Shanghai 200040, China", "200040")]
    [InlineData("200040 Shanghai", "200040")]
    [InlineData("100020 Beijing, China", "100020")]
    [InlineData("Seoul 06236, Korea", "06236")]
    [InlineData("150-0001 Japan", "150-0001")]
    [InlineData("530-0001 Osaka", "530-0001")]
    [InlineData("郵便番号 150-0001", "150-0001")]
    [InlineData("우편번호 06236", "06236")]
    [InlineData("邮编 200040", "200040")]
    // Singapore, Malaysia, Thailand, Vietnam, Indonesia
    [InlineData("Singapore 238859", "238859")]
    [InlineData("Kuala Lumpur 50450", "50450")]
    [InlineData("Poskod 50450", "50450")]
    [InlineData("Bangkok 10110", "10110")]
    [InlineData("Sukhumvit Road, Bangkok 10110, Thailand", "10110")]
    [InlineData("Hanoi 100000", "100000")]
    [InlineData("Jakarta 12190", "12190")]
    [InlineData("Kode pos 12190", "12190")]
    // Pakistan, Bangladesh, Sri Lanka
    [InlineData("Karachi 75500", "75500")]
    [InlineData("Clifton Block 5, Karachi 75600, Pakistan", "75600")]
    [InlineData("Dhaka 1212", "1212")]
    [InlineData("Gulshan Avenue, Dhaka 1212, Bangladesh", "1212")]
    [InlineData("Colombo 00700", "00700")]
    [InlineData("Galle Road, Colombo 00300, Sri Lanka", "00300")]
    // Portugal after its name or town; Colombia, Peru
    [InlineData("Portugal 1100-053", "1100-053")]
    [InlineData("Lisboa 1100-053", "1100-053")]
    [InlineData("Bogotá 110111", "110111")]
    [InlineData("Carrera 7 # 71-21, Bogotá 110231, Colombia", "110231")]
    [InlineData("Lima 15074", "15074")]
    [InlineData("Av. Larco 345, Miraflores, Lima 15074", "15074")]
    [InlineData("Nairobi 00100", "00100")]
    [InlineData("Moi Avenue, Nairobi 00100, Kenya", "00100")]
    // Kenya, Saudi Arabia, a US state name, Israel on the town line, Morocco, Egypt, Ghana, Chile
    [InlineData("Riyadh 12271", "12271")]
    [InlineData("King Fahd Road, Riyadh 12271, Saudi Arabia", "12271")]
    [InlineData("Springfield, Illinois 62704", "62704")]
    [InlineData("Rothschild Blvd 22\nTel Aviv 6688218", "6688218")]
    [InlineData("Rabat 10000", "10000")]
    [InlineData("Cairo 11511", "11511")]
    [InlineData("Accra, Ghana 00233", "00233")]
    [InlineData("Santiago 8320000", "8320000")]
    // Labels in more languages, and Latin American, African, Middle Eastern and Central Asian capitals
    [InlineData("الرمز البريدي: 12271", "12271")]
    [InlineData("पिन कोड: 560034", "560034")]
    [InlineData("C.A.P. 00184", "00184")]
    [InlineData("Cód. postal 1100-053", "1100-053")]
    [InlineData("Ciudad de México 06700", "06700")]
    [InlineData("Rua Augusta 100, São Paulo 01310-100", "01310-100")]
    [InlineData("Montevideo 11000", "11000")]
    [InlineData("Quito 170150", "170150")]
    [InlineData("Casablanca 20250", "20250")]
    [InlineData("Amman 11118", "11118")]
    [InlineData("Kathmandu 44600", "44600")]
    [InlineData("Almaty 050000", "050000")]
    public void Finds_the_postcode_with_its_exact_span(string text, string postcode)
    {
        var at = text.IndexOf(postcode, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, "the test's postcode is not in its text");
        Spans(text).ShouldBe([(at, at + postcode.Length)], $"in: {text}");
    }

    [Theory]
    [InlineData("The score was India 245 123")]
    [InlineData("555-1234 Chicago")]
    [InlineData("Shanghai 2024")]
    [InlineData("Tokyo 2020")]
    [InlineData("The population of Tokyo 13960000 people.")]
    [InlineData("Mumbai 022 1234")]
    [InlineData("Order 560 034 from Bengaluru")]
    [InlineData("Room 150-0001 Japan")]
    [InlineData("Flight Shanghai 20040 is late")]
    [InlineData("I paid Dubai 12000 dirhams")]
    [InlineData("Beijing 100000 visitors.")]
    [InlineData("It cost 1100-053 euros")]
    [InlineData("He scored 560 034 points in Delhi")]
    [InlineData("Call 555-1234 Tokyo office")]
    [InlineData("Table 150-0001 Osaka branch")]
    [InlineData("Invoice 200040 Shanghai")]
    [InlineData("Order #12190 Jakarta")]
    [InlineData("We shipped 5000 units to Nairobi")]
    [InlineData("I live in Lima and I have 15074 followers")]
    [InlineData("Ticket 10110, Bangkok")]
    [InlineData("Only 12271 left in Riyadh")]
    [InlineData("In Hanoi 2019 was hot")]
    [InlineData("Doha 0000")]
    [InlineData("PIN: 4821 Nairobi branch")]
    public void A_number_beside_a_place_in_ordinary_text_is_no_postcode(string text) =>
        Spans(text).ShouldBeEmpty($"in: {text}");
}
