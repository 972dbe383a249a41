using SpecialistPlatform.Compliance.Detection.Recognizers;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// Titles as people outside the US and UK write them, and professional, military, religious and public titles
/// (multilingual rules, 2026-12-06). Examples written here from general knowledge of each language.
/// </summary>
public class MultilingualTitleTests
{
    private static readonly PersonalDataDetector Detector = PersonalDataDetector.Create([]);

    private static List<(int Start, int End)> Spans(string text) =>
        Detector.Detect(text).Where(f => f.Type == PersonalDataTypes.Title).Select(f => (f.Start, f.End)).ToList();

    [Theory]
    [InlineData("Sehr geehrter Herrn Weber, wir schreiben Ihnen", "Herrn")]
    [InlineData("Termin bei Dr. med. Katharina Vogel am Montag", "Dr. med.")]
    [InlineData("Ansprechpartner: Dipl.-Ing. Jürgen Hartmann", "Dipl.-Ing.")]
    [InlineData("Sehr geehrte Mag. Huber,", "Mag.")]
    [InlineData("Vortrag von Prof. Dr. Stefan Müller", "Prof. Dr.")]
    [InlineData("Beste Dhr. Jansen, hierbij de offerte", "Dhr.")]
    [InlineData("Geachte Mevr. de Vries,", "Mevr.")]
    [InlineData("Geachte mevrouw, Mevrouw Bakker belde", "Mevrouw")]
    [InlineData("Projectleider Ir. Pieter Claes", "Ir.")]
    [InlineData("Hej! Fru Lindqvist ringde i går", "Fru")]
    [InlineData("Estimado Sr. García, le escribo", "Sr.")]
    [InlineData("la Sra. Martínez llegó tarde", "Sra.")]
    [InlineData("Atentamente, Dra. Fernández", "Dra.")]
    [InlineData("Reunión con el Lic. Ramírez", "Lic.")]
    [InlineData("Prezado Senhor Oliveira, obrigado", "Senhor")]
    [InlineData("Gentile Sig.ra Rossi, la contatto", "Sig.ra")]
    [InlineData("Visita con il Dott. Bianchi", "Dott.")]
    [InlineData("La Dott.ssa Ferri è in ferie", "Dott.ssa")]
    [InlineData("Studio legale Avv. Conti", "Avv.")]
    [InlineData("Egr. Sig. Esposito, le scriviamo", "Egr. Sig.")]
    [InlineData("Bonjour, Mlle Girard a appelé", "Mlle")]
    [InlineData("Le dossier de Maître Lefèvre est prêt", "Maître")]
    [InlineData("Rendez-vous avec M. Dupont demain", "M.")]
    [InlineData("Szanowny Panie Kowalski, dziękuję", "Panie")]
    [InlineData("Proszę przekazać to pani Nowak", "pani")]
    [InlineData("Konsultacja u dr Zielińskiego", "dr")]
    [InlineData("Wykład prowadzi mgr inż. Tomasz Lewandowski", "mgr inż.")]
    [InlineData("Vážený pane, paní Dvořáková volala", "paní")]
    [InlineData("Ordinace MUDr. Jana Svobodová", "MUDr.")]
    [InlineData("Advokátní kancelář JUDr. Petr Novák", "JUDr.")]
    [InlineData("Stimate Domnul Popescu,", "Domnul")]
    [InlineData("Sayın Yılmaz, başvurunuz alındı", "Sayın")]
    [InlineData("Уважаемый Господин Иванов,", "Господин")]
    [InlineData("Письмо для Г-жа Петрова", "Г-жа")]
    [InlineData("Selamat pagi, Puan Aminah", "Puan")]
    [InlineData("Sila hubungi Encik Rahman", "Encik")]
    [InlineData("Terima kasih, Ibu Siti", "Ibu")]
    [InlineData("Invitation from Smt. Lakshmi Iyer", "Smt.")]
    [InlineData("Blessings from Shri Ramesh Kumar", "Shri")]
    [InlineData("A message from Sheikh Khalid", "Sheikh")]
    [InlineData("Report filed by Capt. Andrews", "Capt.")]
    [InlineData("Ask Sgt Hughes at the desk", "Sgt")]
    [InlineData("Statement by Det. Ramirez", "Det.")]
    [InlineData("Letter from Gov. Whitmore", "Gov.")]
    [InlineData("The sermon by Rev. Thompson", "Rev.")]
    [InlineData("Meeting with Rabbi Cohen", "Rabbi")]
    [InlineData("Signed, Judge Harris", "Judge")]
    [InlineData("General Smith inspected the troops", "General")]
    [InlineData("Father Brown solved it", "Father")]
    [InlineData("Officer Murphy took the report", "Officer")]
    [InlineData("Dr. med. dent. Anna Roth", "Dr. med. dent.")]
    [InlineData("Assoc. Prof. Linda Park chairs", "Assoc. Prof.")]
    public void Finds_titles_of_many_languages_before_a_name(string text, string title)
    {
        var start = text.IndexOf(title, StringComparison.Ordinal);
        Spans(text).ShouldContain((start, start + title.Length));
    }

    [Theory]
    [InlineData("Tisztelt Kovács úr, köszönöm", "úr")]
    [InlineData("Nagy asszony ma nem jön", "asszony")]
    [InlineData("Ahmet Bey toplantıda", "Bey")]
    [InlineData("Ayşe Hanım aradı", "Hanım")]
    [InlineData("John Smith, Esq. represents the buyer", "Esq.")]
    public void Finds_titles_written_after_the_name(string text, string title)
    {
        var start = text.IndexOf(title, StringComparison.Ordinal);
        Spans(text).ShouldContain((start, start + title.Length));
    }

    [Theory]
    [InlineData("General Motors recalled the cars.")]
    [InlineData("Major League Baseball starts in April.")]
    [InlineData("Happy Father's Day to all dads!")]
    [InlineData("The shop is on King Street.")]
    [InlineData("We stayed at the President Hotel.")]
    [InlineData("Captain America is my favourite film.")]
    [InlineData("Sister Act is a musical.")]
    [InlineData("Justice League was released in 2017.")]
    [InlineData("Judge Dredd is a comic.")]
    [InlineData("Pan Am flights were cancelled.")]
    [InlineData("I flew to Sri Lanka last year.")]
    [InlineData("The Bay Area is expensive.")]
    [InlineData("Don Quixote is a novel.")]
    [InlineData("John M. Smith signed the form.")]
    [InlineData("J. M. Coetzee wrote it.")]
    [InlineData("We drove 5 Km. South of town.")]
    [InlineData("Az úr mindenkit vár.")]
    [InlineData("Sheikh Zayed Road is closed.")]
    [InlineData("the general manager approved it")]
    [InlineData("Prince Edward Island is lovely.")]
    public void Look_alikes_of_titles_are_no_titles(string text) =>
        Spans(text).ShouldBeEmpty($"findings: {string.Join(", ", Detector.Detect(text))}");

    private static readonly string[] Pieces =
    [
        "Dr", "Dr.", ".", " ", "  ", "\n", "Smith", "Anna", "Mr", "Prof.", "Pan", "pan", "pani", "General", "Motors", "M.", "D.", "k.", "Km.",
        "úr", "Bey", "Esq.", "Kovács", "Dott.ssa", "Sig.ra", "de", "Vries", "Herrn", "Dipl.-Ing.", "med.", "mgr", "inż.", "x", "é", "'",
        ",", "5", "Sayın", "Г-н", "Иванов", "Dato'", "Sri", "Lanka", "Don", "José", "King", "Street",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void The_prefix_search_finds_what_a_full_scan_finds(int seed)
    {
        var random = new Random(seed);
        var text = string.Concat(Enumerable.Range(0, 4000).Select(_ => Pieces[random.Next(Pieces.Length)] + (random.Next(2) == 0 ? " " : "")));
        var recognizer = new TitleRecognizer();
        var full = recognizer.CandidateSpans(text, fullScan: true);
        var anchored = recognizer.CandidateSpans(text, fullScan: false);
        full.Count.ShouldBeGreaterThan(50);
        var diff = full.Except(anchored).Concat(anchored.Except(full)).Take(4)
            .Select(d => $"[{d.Index},{d.Length}] '{text.Substring(Math.Max(0, d.Index - 8), Math.Min(text.Length - Math.Max(0, d.Index - 8), d.Length + 16))}' full={full.Contains(d)}");
        anchored.ShouldBe(full, string.Join(" | ", diff));
    }
}
