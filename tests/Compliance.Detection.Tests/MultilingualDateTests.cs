using SpecialistPlatform.Compliance.Detection.Recognizers;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>Dates and times of more languages and conventions (multilingual rules, 2026-12-06). Examples written here.</summary>
public class MultilingualDateTests
{
    private static readonly PersonalDataDetector Detector = PersonalDataDetector.Create([]);

    private static List<(int Start, int End)> Spans(string text) =>
        Detector.Detect(text).Where(f => f.Type == PersonalDataTypes.DateTime).Select(f => (f.Start, f.End)).ToList();

    [Theory]
    [InlineData("Nasceu em 5 de março de 2024 no Porto.", "5 de março de 2024")]
    [InlineData("Mötet är den 12 augusti 2024.", "12 augusti 2024")]
    [InlineData("Fødselsdato: 3. marts 1985", "3. marts 1985")]
    [InlineData("Møtet er 14. desember 2023.", "14. desember 2023")]
    [InlineData("Syntynyt 5. maaliskuuta 1990 Tampereella.", "5. maaliskuuta 1990")]
    [InlineData("Urodzony 12 stycznia 1978 w Łodzi.", "12 stycznia 1978")]
    [InlineData("Narozen 5. března 1982 v Brně.", "5. března 1982")]
    [InlineData("Narodený 7. júla 1991.", "7. júla 1991")]
    [InlineData("Született 2024. március 5. Budapesten.", "2024. március 5.")]
    [InlineData("A találkozó március 5-én lesz.", "március 5-én")]
    [InlineData("Născut pe 9 septembrie 1975.", "9 septembrie 1975")]
    [InlineData("Rođen 3. svibnja 1980. u Zagrebu.", "3. svibnja 1980")]
    [InlineData("Doğum tarihi: 14 Şubat 1992", "14 Şubat 1992")]
    [InlineData("Родился 5 марта 1984 года.", "5 марта 1984")]
    [InlineData("Народився 12 квітня 1990 року.", "12 квітня 1990")]
    [InlineData("Lahir 17 Agustus 1985 di Jakarta.", "17 Agustus 1985")]
    [InlineData("Tarikh lahir 3 Disember 1979.", "3 Disember 1979")]
    [InlineData("生日是2024年3月5日。", "2024年3月5日")]
    [InlineData("会议在3月5日举行。", "3月5日")]
    [InlineData("생일은 2024년 3월 5일입니다.", "2024년 3월 5일")]
    [InlineData("Termín: 05. 03. 2024 v 10:00", "05. 03. 2024")]
    [InlineData("Uploaded on 2024/03/05 by admin", "2024/03/05")]
    [InlineData("Kelt: 2024.03.05. Budapest", "2024.03.05.")]
    [InlineData("Wir sehen uns am 5.3. im Büro.", "5.3.")]
    [InlineData("Rendez-vous à 14h30 devant la gare.", "14h30")]
    [InlineData("Treffen um 14.30 Uhr im Foyer.", "14.30 Uhr")]
    [InlineData("Møtet starter kl. 14.30 i dag.", "14.30")]
    [InlineData("Ouverture à 9h demain.", "9h")]
    [InlineData("Abholung ab 10 Uhr möglich.", "10 Uhr")]
    [InlineData("Δημοσιεύθηκε στις 5 Μαρτίου 2024.", "5 Μαρτίου 2024")]
    [InlineData("Ankunft marzec 2024, Abreise später", "marzec 2024")]
    public void Finds_dates_and_times_of_more_languages(string text, string value)
    {
        var start = text.IndexOf(value, StringComparison.Ordinal);
        Spans(text).ShouldContain((start, start + value.Length));
    }

    [Theory]
    [InlineData("Siehe Kapitel 5.3. für Details.")]
    [InlineData("Der Preis beträgt 14.30 EUR.")]
    [InlineData("Die Fahrt dauert 2h mit dem Zug.")]
    [InlineData("version 2024.13.45 released")]
    [InlineData("Maja 12 lat ma kota.")]
    [InlineData("Ocena 5.3. semestr")]
    [InlineData("Punkte: 12, 34")]
    [InlineData("3月份的销售额")]
    [InlineData("Invoice 2024/13/40")]
    [InlineData("Out 5 players")]
    public void Look_alikes_of_dates_are_no_dates(string text) =>
        Spans(text).ShouldBeEmpty($"findings: {string.Join(", ", Detector.Detect(text))}");

    // The new shapes' fragments (CJK markers after ideographs, year-first, clock words), for the anchored-scan check.
    private static readonly string[] Pieces =
    [
        "1", "3", "5", "9", "12", "14", "24", "30", "2024", "1999", ".", ". ", "/", "-", ":", " ", "\n", "年", "月", "日", "년", "월", "일",
        "今年", "于", "3月5日", "2024年3月", "2024年", "12월", "5일", "x", "é", "_", "h", "h30", "Uhr", "uhr", "am", "pm", "kl.", "um ", "à ", "március", "marca", "stycznia", "5-én",
        "Μαρτίου", "марта", "de ", "(", ",", "²",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Digit_run_scan_equals_the_full_scan_with_the_new_shapes(int seed)
    {
        var random = new Random(seed);
        var text = string.Concat(Enumerable.Range(0, 4000).Select(_ => Pieces[random.Next(Pieces.Length)] + (random.Next(3) == 0 ? " " : "")));
        var recognizer = new DateTimeRecognizer();
        var full = recognizer.CandidateSpans(text, fullScan: true);
        var anchored = recognizer.CandidateSpans(text, fullScan: false);
        full.Count.ShouldBeGreaterThan(20);
        full.ShouldContain(c => text.Substring(c.Index, c.Length).Contains('月'), "the random text should contain CJK dates");
        var diff = full.Except(anchored).Concat(anchored.Except(full)).Take(4)
            .Select(d => $"[{d.Index},{d.Length}] '{text.Substring(Math.Max(0, d.Index - 8), Math.Min(text.Length - Math.Max(0, d.Index - 8), d.Length + 16))}' full={full.Contains(d)}");
        anchored.ShouldBe(full, string.Join(" | ", diff));
    }
}
