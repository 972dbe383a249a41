namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// Issue 16: postcodes of about forty countries in the positions they are written (before the town, after it, alone on
/// a postal block's line, after a label or a country prefix), each with its exact span; and numbers in ordinary text
/// that must not fire. Lines written here from general knowledge of postal formats; all addresses are made up.
/// </summary>
public class PostcodeCoverageTests
{
    private static readonly PersonalDataDetector Detector = PersonalDataDetector.Create([]);

    private static List<(int Start, int End)> Spans(string text) =>
        Detector.Detect(text).Where(f => f.Type == PersonalDataTypes.ZipCode).Select(f => (f.Start, f.End)).ToList();

    private static void ShouldFindExactly(string text, string postcode)
    {
        var at = text.IndexOf(postcode, StringComparison.Ordinal);
        at.ShouldBeGreaterThanOrEqualTo(0, "the test's postcode is not in its text");
        Spans(text).ShouldBe([(at, at + postcode.Length)], $"in: {text}");
    }

    [Theory]
    // Poland, Czechia, Slovakia, Hungary
    [InlineData("ul. Marszałkowska 12/4\n00-950 Warszawa", "00-950")]
    [InlineData("Adres: ul. Długa 5, 80-831 Gdańsk", "80-831")]
    [InlineData("Na Příkopě 33\n110 00 Praha 1", "110 00")]
    [InlineData("Hlavná 14, 040 01 Košice", "040 01")]
    [InlineData("Andrássy út 12.\n1051 Budapest", "1051")]
    [InlineData("She moved to 75008 Paris, rue du Faubourg 12.", "75008")]
    [InlineData("27 Kingsley Road\nBristol BS65AE", "BS65AE")]
    // Switzerland, Germany, Austria with and without a country prefix
    [InlineData("Bahnhofstrasse 21\n8001 Zürich", "8001")]
    [InlineData("Bahnhofstrasse 21, CH-8001 Zürich", "CH-8001")]
    [InlineData("Invalidenstraße 7, D-10115 Berlin", "D-10115")]
    [InlineData("Kärntner Ring 5, A-1010 Wien", "A-1010")]
    [InlineData("ul. Długa 5, PL-80-831 Gdańsk", "PL-80-831")]
    // Netherlands, Belgium, France, Spain, Italy, Portugal
    [InlineData("Damrak 70\n1012 AB Amsterdam", "1012 AB")]
    [InlineData("Rue Neuve 10, 1000 Bruxelles", "1000")]
    [InlineData("12 rue du Faubourg Saint-Honoré\n75008 Paris", "75008")]
    [InlineData("Calle Mayor 4, 28013 Madrid", "28013")]
    [InlineData("Via Roma 3, 00184 Roma", "00184")]
    [InlineData("Rua Augusta 100\n1000-001 Lisboa\nPortugal", "1000-001")]
    // Nordic
    [InlineData("Laugavegur 28, 101 Reykjavík", "101")]
    [InlineData("Mannerheimintie 5\n00100 Helsinki", "00100")]
    [InlineData("Drottninggatan 5\n114 55 Stockholm\nSweden", "114 55")]
    [InlineData("Karl Johans gate 1, 0150 Oslo", "0150")]
    [InlineData("Østerbrogade 12\n2100 København Ø", "2100")]
    // Baltic
    [InlineData("Brīvības iela 21, LV-1010 Rīga", "LV-1010")]
    [InlineData("Gedimino pr. 9, LT-01103 Vilnius", "LT-01103")]
    [InlineData("Narva mnt 7\n10115 Tallinn\nEstonia", "10115")]
    // South-eastern Europe, Greece, Turkey
    [InlineData("Calea Victoriei 12, 010011 București", "010011")]
    [InlineData("bul. Vitosha 15\n1000 Sofia", "1000")]
    [InlineData("Ilica 10, 10000 Zagreb", "10000")]
    [InlineData("Knez Mihailova 5, 11000 Beograd", "11000")]
    [InlineData("Slovenska cesta 9, 1000 Ljubljana", "1000")]
    [InlineData("Ermou 20, 105 57 Athens", "105 57")]
    [InlineData("İstiklal Caddesi 45\n34000 İstanbul", "34000")]
    // Israel, before or after the town
    [InlineData("Rothschild Blvd 22, 6688218 Tel Aviv", "6688218")]
    [InlineData("Send it to Rothschild Blvd 22, Tel Aviv 6688218, Israel.", "6688218")]
    // After the town: UK, Ireland, Canada, US, Australia
    [InlineData("10 Downing Street, London SW1A 2AA", "SW1A 2AA")]
    [InlineData("12 Merrion Square, Dublin 2, D02 X285", "D02 X285")]
    [InlineData("Apt 4, 12 Main St, Dublin D07 X2K4", "D07 X2K4")]
    [InlineData("290 Bremner Blvd, Toronto ON M5V 2T6", "M5V 2T6")]
    [InlineData("1100 Congress Ave, Austin, TX 78701-1234", "78701-1234")]
    [InlineData("15 George Street, Sydney NSW 2000", "2000")]
    // India, Brazil, Mexico, Argentina
    [InlineData("14 MG Road, Bengaluru 560034", "560034")]
    [InlineData("14 MG Road, Koramangala, Bengaluru - 560034", "560034")]
    [InlineData("Av. Paulista, 1000 - Bela Vista, São Paulo - SP, 01310-100", "01310-100")]
    [InlineData("Av. Reforma 222, Col. Juárez, C.P. 06700, Ciudad de México", "06700")]
    [InlineData("Av. Santa Fe 1234, C1425 CABA", "C1425")]
    [InlineData("Av. Santa Fe 1234\nC1425DKF Buenos Aires", "C1425DKF")]
    // Japan, Korea, Vietnam, Philippines, Indonesia, Nigeria, South Africa, New Zealand
    [InlineData("〒150-0001 東京都渋谷区神宮前3-14-7", "150-0001")]
    [InlineData("3-14-7 Jingumae, Shibuya-ku, Tokyo 150-0001", "150-0001")]
    [InlineData("123 Teheran-ro, Gangnam-gu, Seoul 06236", "06236")]
    [InlineData("25 Tràng Tiền, Hoàn Kiếm, Hà Nội 100000", "100000")]
    [InlineData("12 Ayala Avenue, Makati 1226", "1226")]
    [InlineData("Jl. Kemang Raya No. 18, Jakarta Selatan 12730", "12730")]
    [InlineData("12 Awolowo Road, Ikoyi, Lagos 101233", "101233")]
    [InlineData("5 Long Street, Cape Town 8001", "8001")]
    [InlineData("Flat 2, 9 Cuba Street, Wellington 6011", "6011")]
    // On its own line in a postal block, and after labels
    [InlineData("Jane Roe\n12 Harbour Road\nAuckland\n1010", "1010")]
    [InlineData("Postcode: 2100", "2100")]
    [InlineData("PLZ 10115, Ort: Berlin", "10115")]
    [InlineData("Code postal : 75008", "75008")]
    [InlineData("PSČ: 110 00", "110 00")]
    [InlineData("Irányítószám: 1051", "1051")]
    [InlineData("ZIP 78701", "78701")]
    [InlineData("CP 28013 Madrid", "28013")]
    // Typed in lower case in a chat, after a street segment and a comma
    [InlineData("my address is ul. długa 5, 80-831 gdańsk", "80-831")]
    [InlineData("send it to hauptstraße 5, 10115 berlin, thanks", "10115")]
    [InlineData("im at 14 mg road, bengaluru 560034", "560034")]
    [InlineData("ship to 1100 congress ave, austin, tx 78701", "78701")]
    public void Finds_the_postcode_with_its_exact_span(string text, string postcode) =>
        ShouldFindExactly(text, postcode);

    [Theory]
    [InlineData("Room 1051 is on the second floor.")]
    [InlineData("We met in 2021 and again in 2023.")]
    [InlineData("In 2021 Berlin hosted the summit.")]
    [InlineData("Please cancel order 75008 today.")]
    [InlineData("It costs 1000 EUR per month.")]
    [InlineData("It costs 1000 Euro per month.")]
    [InlineData("Please call 0150 later.")]
    [InlineData("We sold 70173 units last year.")]
    [InlineData("Order 28013 has shipped.")]
    [InlineData("I have 300 Spartans")]
    [InlineData("The Olympics in Paris 2024 were great.")]
    [InlineData("Signed in Oslo, March 2021.")]
    [InlineData("Windows 2000 still runs here.")]
    [InlineData("My PIN is 4821, do not share it.")]
    [InlineData("Ticket 560034 was closed.")]
    [InlineData("Flight 1226 to Manila is delayed.")]
    [InlineData("Invoice no. 10115 Berlin office")]
    [InlineData("Transfer 1000 to my savings account")]
    [InlineData("Call +48 22 123 45 67 or 555-1234.")]
    [InlineData("It happened on 12.05.2021 at 10:30.")]
    [InlineData("Version 11000 Beta")]
    [InlineData("Error A-1234 again")]
    [InlineData("PO Box 1234")]
    [InlineData("2021 Annual Report")]
    [InlineData("My card ends in 8001, please check.")]
    [InlineData("Av. Santa Fe 1234, third floor")]
    [InlineData("i have 2 kids, 2000 reasons to stay")]
    [InlineData("we met on 5 main street, 2019 was great")]
    [InlineData("room 12, 1500 people came")]
    [InlineData("yes, ok 12345")]
    [InlineData("Address: 6012 Hamill Junction, Bartholomeshire")]
    [InlineData("Delivery address: 94975 Blake Mill")]
    [InlineData("the reference number you gave me is BX7W2PF")]
    [InlineData("a hospital in Ash Grove. Upstate NY, 1899. Daniel Day-Lewis")]
    [InlineData("Rua Augusta 1000\nLisboa")]
    [InlineData("I paid 28013 pesos for 3 items.")]
    public void A_number_in_ordinary_text_is_no_postcode(string text) =>
        Spans(text).ShouldBeEmpty($"in: {text}");

    [Fact]
    public void Offsets_map_back_through_unicode_spaces_and_dashes()
    {
        var text = "ul. Długa 5\n80\u2013831 Gdańsk\nNa Příkopě 33, 110\u00A000 Praha 1";
        var spans = Spans(text);
        spans.ShouldBe([(text.IndexOf("80\u2013831", StringComparison.Ordinal), text.IndexOf("80\u2013831", StringComparison.Ordinal) + 6),
            (text.IndexOf("110\u00A000", StringComparison.Ordinal), text.IndexOf("110\u00A000", StringComparison.Ordinal) + 6)]);
    }
}
