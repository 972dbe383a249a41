using System.Text;
using System.Text.RegularExpressions;
using SpecialistPlatform.Compliance.Detection.Recognizers;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// The phone patterns were rewritten so that no digit run can be split into groups in more than one way
/// (docs/decisions/0012). These tests hold the rewrite to the old patterns' matches and check, without timing
/// anything, that the input which made the old international pattern backtrack catastrophically now completes
/// under the regex timeout.
/// </summary>
public class PhoneNumberPatternTests
{
    // The patterns as they were before the rewrite, in PhoneNumberRecognizer's order (international, North
    // American, trunk-prefixed). The North American one is unchanged; it is here so the scans line up.
    private static readonly Regex[] OldPatterns =
    [
        new(@"(?<![\w+])(?<prefix>\+|00)[ ]?[1-9](?:[ .\-]?(?:\(0\)|\([0-9]{1,4}\)|[0-9]{1,5})){2,10}(?![\w])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(30)),
        new(@"(?<![\w+\-./])(?<nanp>)(?:1[ .\-]?)?(?:\([2-9][0-9]{2}\)[ .\-]?|[2-9][0-9]{2}[ .\-])[2-9][0-9]{2}[ .\-][0-9]{4}(?![\w]|[.\-][0-9])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(30)),
        new(@"(?<![\w+\-./,])(?:\(0[1-9][0-9]{0,4}\)|0[1-9][0-9]{0,4})(?:[ ./\-]?[0-9]{2,8}){1,4}(?![\w]|[.\-/,][0-9])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(30)),
    ];

    private static List<(int Index, int Length)> OldSpans(string text) =>
        OldPatterns.SelectMany(p => p.Matches(text)).Select(m => (m.Index, m.Length)).ToList();

    // Phone fragments and what the lookarounds and separators look at around them. Digit pieces are short and
    // a digit run is cut at 9 characters, so that the old patterns stay fast enough to compare against.
    private static readonly string[] Pieces =
    [
        "0", "00", "1", "2", "5", "7", "9", "01", "20", "44", "49", "123", "555", "7946", "0958", "12345", "0044", "+", "+1", "+44", "+49",
        " ", " ", " ", ".", "-", "/", ",", "(", ")", "(0)", "(0", "(212)", "(030)", "(12345)", "a", "x", "é", "_", "\n", "\u00A0", "²", "٣",
    ];

    private static string RandomPhoneText(int seed, int pieces)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        var run = 0;
        for (var i = 0; i < pieces; i++)
        {
            var piece = Pieces[random.Next(Pieces.Length)];
            var digits = piece.TakeWhile(char.IsAsciiDigit).Count();
            if (run + digits > 9)
            {
                text.Append(random.Next(2) == 0 ? ' ' : '-');
                run = 0;
            }
            text.Append(piece);
            var trailing = piece.Reverse().TakeWhile(char.IsAsciiDigit).Count();
            run = trailing == piece.Length ? run + trailing : trailing;
        }
        return text.ToString();
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Rewritten_patterns_match_what_the_old_patterns_matched_on_random_text(int seed)
    {
        var text = RandomPhoneText(seed, 3000);
        var recognizer = new PhoneNumberRecognizer();

        var expected = OldSpans(text);
        var actual = recognizer.CandidateSpans(text, fullScan: true);

        expected.Count.ShouldBeGreaterThan(20, "the random text should contain phone candidates");
        var diff = expected.Except(actual).Concat(actual.Except(expected)).Take(4)
            .Select(d => $"[{d.Index},{d.Length}] '{text.Substring(Math.Max(0, d.Index - 8), Math.Min(text.Length - Math.Max(0, d.Index - 8), d.Length + 16))}' old={expected.Contains(d)}");
        actual.ShouldBe(expected, string.Join(" | ", diff));
    }

    [Theory]
    [InlineData("+44 20 7946 0958")]
    [InlineData("+44 (0)20 7946 0958")]
    [InlineData("+44 (0) 20 7946 0958")]
    [InlineData("+1 (212) 555-0123")]
    [InlineData("+1 212.555.0123")]
    [InlineData("+12125550123")]
    [InlineData("+49 30 12345678")]
    [InlineData("+49-30-123-456-78")]
    [InlineData("+33 1 23 45 67 89")]
    [InlineData("+33123456789")]
    [InlineData("+353 1 234 5678")]
    [InlineData("+86 10 1234 5678")]
    [InlineData("0044 20 7946 0958")]
    [InlineData("0049 (30) 12345678")]
    [InlineData("020 7946 0958")]
    [InlineData("(020) 7946 0958")]
    [InlineData("02079460958")]
    [InlineData("07700 900123")]
    [InlineData("07700900123")]
    [InlineData("030 12345678")]
    [InlineData("030-123-456-78")]
    [InlineData("0301234567")]
    [InlineData("089/1234567")]
    [InlineData("(089) 1234567")]
    [InlineData("01 23 45 67 89")]
    [InlineData("01.23.45.67.89")]
    [InlineData("0123456789")]
    public void Finds_phone_numbers_in_several_formats_with_the_same_span(string phone)
    {
        var text = $"Reach me at {phone}, thanks.";
        var start = text.IndexOf(phone, StringComparison.Ordinal);

        // A North American number with +1 is also found without it (the detector keeps the wider span).
        var findings = new PhoneNumberRecognizer().Recognize(text).OrderByDescending(f => f.End - f.Start).ToList();

        findings.ShouldNotBeEmpty();
        (findings[0].Start, findings[0].End).ShouldBe((start, start + phone.Length), string.Join(", ", findings));
        findings.ShouldAllBe(f => f.Start >= start && f.End <= start + phone.Length);
        OldSpans(text).ShouldContain((start, phone.Length));
    }

    [Theory]
    [InlineData("+1 234")] // a run of 2-5 digits counts as two groups for the old {2,10}
    [InlineData("+1 2 3")]
    [InlineData("+1 (2) 3")]
    [InlineData("+1 2")] // one group: no match
    [InlineData("+1 (2)")]
    [InlineData("+1 2 3a")] // the end is followed by a letter, and "+1 2" has one group
    [InlineData("01234")] // the whole run as trunk prefix leaves no group, so it splits into prefix + group
    [InlineData("0123")]
    [InlineData("012")]
    [InlineData("0123456")] // the 6-digit prefix would leave one digit behind
    [InlineData("012345678901234")] // prefix 6 + groups of 8 and 1: prefix 6, then 7 + 2
    [InlineData("(030) 1")]
    [InlineData("030 1234567890123456789012345678901234")] // more than four groups
    [InlineData("+1 2345678901234567890123456789012345678901234567890")] // 50 digits: ten groups of five
    [InlineData("+1 23456789012345678901234567890123456789012345678901")] // 51 digits
    [InlineData("+1 2 3 4 5 6 7 8 9 0 1 2")] // eleven groups: the last valid end within ten
    public void Edge_cases_match_as_the_old_patterns_did(string input)
    {
        foreach (var text in new[] { input, $"x {input} y", $"({input})", $"{input}.5", $"{input}a" })
        {
            var actual = new PhoneNumberRecognizer().CandidateSpans(text, fullScan: true);
            actual.ShouldBe(OldSpans(text), $"in \"{text}\"");
        }
    }

    // "+1" followed by 60 digits and a letter: the old international pattern tried every split of the digits
    // into 2-10 groups before giving up (358 ms for one; ~10 KB of them reached the 2 s timeout).
    private const string Adversarial = "+1000000000000000000000000000000000000000000000000000000000000a";

    [Fact]
    public void Adversarial_digit_runs_complete_under_the_timeout_and_find_no_number()
    {
        Adversarial.Length.ShouldBe(63);
        var chunk = Repeat(Adversarial + " ", 64 * 1024);
        var recognizer = new PhoneNumberRecognizer();

        // Without a timing assertion: the old pattern threw RegexMatchTimeoutException on this chunk.
        Should.NotThrow(() => recognizer.Recognize(Adversarial).ToList()).ShouldBeEmpty();
        Should.NotThrow(() => recognizer.Recognize(chunk).ToList()).ShouldBeEmpty();
        Should.NotThrow(() => recognizer.Recognize(Repeat(" 01" + new string('2', 40) + "a", 64 * 1024)).ToList()).ShouldBeEmpty();
    }

    [Fact]
    public void Adversarial_chunk_with_real_numbers_in_it_is_detected_not_refused()
    {
        // 64K chars of adversarial snippets with a real number after every 100th; the detector (which fails
        // closed on a regex timeout) must return and find every one of them.
        var text = new StringBuilder();
        var expected = new List<(int, int)>();
        for (var i = 0; text.Length < 64 * 1024; i++)
        {
            text.Append(Adversarial).Append(' ');
            if (i % 100 != 99)
                continue;
            text.Append("call +44 20 7946 0958 ");
            expected.Add((text.Length - 17, text.Length - 1));
        }
        var chunk = text.ToString();

        var phones = new PhoneNumberRecognizer().Recognize(chunk).Select(f => (f.Start, f.End)).ToList();
        phones.ShouldBe(expected);

        var detected = PersonalDataDetector.CreateDefault().Detect(chunk).Where(f => f.Type == PersonalDataTypes.PhoneNumber)
            .Select(f => (f.Start, f.End)).ToList();
        detected.ShouldBe(expected);
    }

    private static string Repeat(string snippet, int length)
    {
        var text = new StringBuilder(length + snippet.Length);
        while (text.Length < length)
            text.Append(snippet);
        return text.ToString(0, length);
    }
}
