using SpecialistPlatform.Compliance.Detection.Recognizers;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>The '@'-, '.'-, ':'- and digit-run-anchored scans must find exactly what a plain left-to-right regex scan finds.</summary>
public class AnchoredScanTests
{
    private static readonly string[] Pieces =
    [
        "a", "jane", "doe", ".", "..", "@", "@@", "-", "_", "+", "!", "#", "é", "ü", " ", "\n", "/", ":", "example", "com", "co", "uk",
        "py", "x1", "9", "mail", "b.c", "www", "ü.de", "a@b", "@x.io", "'", "(", ")", ",", "\u0903", "\u0301", "²", "Ⅻ", "\u203F", "日本",
        "::", "fe80", "1", "db8", "%eth0", "10.0.0.1", "ffff", "abcde",
    ];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 50)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Anchored_scans_equal_full_scans_on_random_text(int seed)
    {
        var random = new Random(seed);
        var text = string.Concat(Enumerable.Range(0, 3000).Select(_ => Pieces[random.Next(Pieces.Length)]));
        foreach (var recognizer in new PatternRecognizer[] { new EmailRecognizer(), new DomainNameRecognizer(), new IpAddressRecognizer() })
        {
            var full = recognizer.CandidateSpans(text, fullScan: true);
            full.Count.ShouldBeGreaterThan(0, "the random text should contain candidates");
            if (recognizer is IpAddressRecognizer)
                full.ShouldContain(c => text.Substring(c.Index, c.Length).Contains(':', StringComparison.Ordinal), "the random text should contain IPv6 candidates");
            var anchored = recognizer.CandidateSpans(text, fullScan: false);
            var diff = full.Except(anchored).Concat(anchored.Except(full)).Take(4)
                .Select(d => $"[{d.Index},{d.Length}] '{text.Substring(Math.Max(0, d.Index - 8), Math.Min(text.Length - Math.Max(0, d.Index - 8), d.Length + 16))}' full={full.Contains(d)}");
            anchored.ShouldBe(full, recognizer.Name + ": " + string.Join(" | ", diff));
        }
    }

    // Date and time fragments, with what the patterns' lookarounds and separators look at around them.
    private static readonly string[] DatePieces =
    [
        "1", "2", "7", "9", "0", "12", "19", "20", "23", "31", "45", "99", "123", "2024", "1999", "2031", "20250", "05", "13",
        "-", "/", ".", ":", ",", " ", "  ", "\n", "\t", "\u00A0", "\u2028", "\u0085", "T", "Z", "+", "st", "nd", "rd", "th", "er",
        "of ", "de ", "am", "pm", "a.m.", "P.M.", "h", "uhr", "May", "march", "Sept", "févr", "ago", "set", "mai", "okt",
        "janvier", "x", "é", "_", "\u0301", "²", "٣", "(", "on ",
        // Weekdays (issue 16), found by a search for their names rather than at digit runs.
        "Monday", "friday", "Wednesdays", "Montag,", "mardi", "środa", "SOBOTA", "xtuesday", "sundayx", "the ", "in ", "since ",
    ];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Digit_run_scan_of_dates_equals_the_full_scan_on_random_text(int seed)
    {
        var random = new Random(seed);
        // Half the pieces followed by a space, so that dates and times form often enough.
        var text = string.Concat(Enumerable.Range(0, 4000).Select(_ => DatePieces[random.Next(DatePieces.Length)] + (random.Next(2) == 0 ? " " : "")));
        var recognizer = new DateTimeRecognizer();

        var full = recognizer.CandidateSpans(text, fullScan: true);
        var anchored = recognizer.CandidateSpans(text, fullScan: false);

        full.Count.ShouldBeGreaterThan(20, "the random text should contain date candidates");
        var diff = full.Except(anchored).Concat(anchored.Except(full)).Take(4)
            .Select(d => $"[{d.Index},{d.Length}] '{text.Substring(Math.Max(0, d.Index - 8), Math.Min(text.Length - Math.Max(0, d.Index - 8), d.Length + 16))}' full={full.Contains(d)}");
        anchored.ShouldBe(full, string.Join(" | ", diff));
    }
}
