using SpecialistPlatform.Compliance.Detection.Recognizers;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>Ages as other languages, forms, news style and speech write them (multilingual rules, 2026-12-06; labels, birthdays and
/// spelled ages, 2026-12-07); the finding is the number (or the number word, or "30th" of a birthday).</summary>
public class MultilingualAgeTests
{
    private static readonly PersonalDataDetector Detector = PersonalDataDetector.Create([]);

    private static List<(int Start, int End)> Spans(string text) =>
        Detector.Detect(text).Where(f => f.Type == PersonalDataTypes.Age).Select(f => (f.Start, f.End)).ToList();

    [Theory]
    [InlineData("Der 34-jährige Fahrer wurde verletzt.", "34")]
    [InlineData("Eine 34-Jährige aus Köln meldete sich.", "34")]
    [InlineData("Er starb im Alter von 81 Jahren.", "81")]
    [InlineData("Ich bin 34 Jahre und wohne in Graz.", "34")]
    [InlineData("J'ai 34 ans et je cherche un poste.", "34")]
    [InlineData("Un homme âgé de 52 ans a été arrêté.", "52")]
    [InlineData("Mi hermana tiene 27 años.", "27")]
    [InlineData("Una mujer de 45 años resultó herida.", "45")]
    [InlineData("Il paziente ha 63 anni.", "63")]
    [InlineData("Uma mulher de 38 anos foi atendida.", "38")]
    [InlineData("Mijn vader is 70 jaar oud.", "70")]
    [InlineData("Hon är 34 år gammal.", "34")]
    [InlineData("Han er 41 år og bor i Bergen.", "41")]
    [InlineData("34-vuotias mies pidätettiin.", "34")]
    [InlineData("Mam 29 lat i mieszkam w Gdańsku.", "29")]
    [InlineData("Je mu 56 let.", "56")]
    [InlineData("Mám 33 rokov.", "33")]
    [InlineData("A 34 éves nő jól van.", "34")]
    [InlineData("Ahmet 34 yaşında.", "34")]
    [InlineData("Мне 34 года.", "34")]
    [InlineData("他今年34岁。", "34")]
    [InlineData("Maria Lopez, 42, of Austin was hired.", "42")]
    [InlineData("said Tom Baker, 67, who lives nearby.", "67")]
    [InlineData("Anna Nowak (34) zgłosiła się na policję.", "34")]
    [InlineData("Patient is a 34yo male.", "34")]
    [InlineData("Patient is a 34 y.o. male.", "34")]
    [InlineData("He is 58 years of age.", "58")]
    [InlineData("Marie Dupont, 34 ans, infirmière.", "34")]
    [InlineData("Fecha de nacimiento: 02/11/2019    Edad: 7 años", "7")]
    [InlineData("Umur             : 32 tahun", "32")]
    [InlineData("แม่ของดิฉัน อายุ 79 ปี นัดตรวจตา", "79")]
    [InlineData("Relationship to person 1: wife\nAge on census day: 44\nCountry of birth: Bangladesh", "44")]
    [InlineData("Beneficiary 2: Tobiáš Dvořák (son, 17) – 20%", "17")]
    [InlineData("Ibu Sari berusia 58 tahun.", "58")]
    [InlineData("she was visiting for her 30th birthday.", "30th")]
    [InlineData("happy 40th to my big sister 🥳", "40th")]
    [InlineData("Mum is fine, she turns seventy on the twentieth.", "seventy")]
    [InlineData("My mother-in-law, she's eighty-eight, has the room above.", "eighty-eight")]
    [InlineData("Her little brother (he's four) will be helping.", "four")]
    public void Finds_ages_as_the_number(string text, string age)
    {
        var start = text.IndexOf(age, StringComparison.Ordinal);
        Spans(text).ShouldBe([(start, start + age.Length)]);
    }

    [Fact]
    public void Finds_a_decade_of_life()
    {
        const string text = "a man in his 40s was seen";
        var start = text.IndexOf("40s", StringComparison.Ordinal);
        Spans(text).ShouldBe([(start, start + 3)]);
    }

    [Theory]
    [InlineData("Il y a 34 ans, la ville était petite.")]
    [InlineData("Hace 20 años que vivo aquí.")]
    [InlineData("Vivo qui da 20 anni.")]
    [InlineData("10 jaar geleden verhuisden we.")]
    [InlineData("Wir haben 10-jährige Erfahrung.")]
    [InlineData("Firma oferuje 5-letnią gwarancję.")]
    [InlineData("To było 34 lata temu.")]
    [InlineData("Suite 12, 34 Main Street")]
    [InlineData("See pages 12, 34, and 56.")]
    [InlineData("In March, 42 people came.")]
    [InlineData("Paris, 75, is not an age")]
    [InlineData("un prêt de 25 ans")]
    [InlineData("Er war 34 Jahre lang Lehrer.")]
    [InlineData("J'ai 20 ans de carrière.")]
    [InlineData("Windows 10, 11 and 12")]
    [InlineData("He's one of the best drivers we have.")]
    [InlineData("She's two months pregnant.")]
    [InlineData("The 30th anniversary gala is on Friday.")]
    [InlineData("Umur baterai 2 tahun garansi.")]
    public void Durations_and_number_lists_are_no_ages(string text) =>
        Spans(text).ShouldBeEmpty($"findings: {string.Join(", ", Detector.Detect(text))}");

    private static readonly string[] Pieces =
    [
        "34", "5", "120", "2024", "7", " ", "-", " - ", "\t", ",", ".", "(", ")", "x", "é", "_", "Jahre", "jährige", "ans", "años", "år",
        "lat", "let", "éves", "yaşında", "года", "岁", "今年", "tiene", "de", "mujer", "alt", "ago", "Anna", "Nowak", "in his", "40s",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void The_digit_run_scan_finds_what_a_full_scan_finds(int seed)
    {
        var random = new Random(seed);
        var text = string.Concat(Enumerable.Range(0, 4000).Select(_ => Pieces[random.Next(Pieces.Length)] + (random.Next(2) == 0 ? " " : "")));
        var recognizer = new AgeRecognizer();
        var full = recognizer.CandidateSpans(text, fullScan: true).OrderBy(c => c.Index).ThenBy(c => c.Length).ToList();
        var anchored = recognizer.CandidateSpans(text, fullScan: false).OrderBy(c => c.Index).ThenBy(c => c.Length).ToList();
        full.Count.ShouldBeGreaterThan(50);
        anchored.ShouldBe(full);
    }
}
