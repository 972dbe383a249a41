using System.Text;

namespace SpecialistPlatform.Compliance.Detection.Tests;

public class LongTextTests
{
    private static readonly PersonalDataDetector Detector = PersonalDataDetector.Create([]);

    [Fact]
    public void An_entity_straddling_a_chunk_border_is_found_once_with_its_offsets()
    {
        const int chunk = 2 * PersonalDataDetector.ChunkOverlap;
        const string email = "straddling.person@example.com";
        const string card = "4111 1111 1111 1111";
        // The first chunk ends at 4096 and owns starts below 3072: put one entity across each border.
        foreach (var at in new[] { chunk - 10, chunk - PersonalDataDetector.ChunkOverlap / 2 - 5, chunk - PersonalDataDetector.ChunkOverlap / 2 })
        {
            var text = new StringBuilder(new string('x', 0)).Append(Filler(at)).Append(email).Append(' ').Append(Filler(500))
                .Append("card ").Append(card).Append(' ').Append(Filler(9000)).ToString();
            var chunked = Detector.DetectChunked(text, chunk);
            chunked.ShouldBe(Detector.DetectChunked(text, int.MaxValue));
            chunked.Count(f => f.Type == PersonalDataTypes.EmailAddress).ShouldBe(1);
            var found = chunked.Single(f => f.Type == PersonalDataTypes.EmailAddress);
            found.Start.ShouldBe(at);
            found.ValueIn(text).ShouldBe(email);
            chunked.Single(f => f.Type == PersonalDataTypes.CreditCard).ValueIn(text).ShouldBe(card);
        }
    }

    [Fact]
    public void Chunked_and_whole_text_detection_agree_on_mixed_text()
    {
        var lines = new[]
        {
            "Contact jane.doe@example.com or +44 20 7946 0958 about IBAN DE89 3704 0044 0532 0130 00.",
            "Card 4111-1111-1111-1111 expires 09/27; DEA AB1234563; NHS 943 476 5919 patient aged 67.",
            "Logged in from 192.168.10.20 and 2001:db8::1 at 10:30 pm on 12 March 2024, see https://example.org/x.",
            "Send BTC to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa; SSN 536-22-1234; passport number 512345678.",
            "Nothing personal in this line at all, just words and 1,234.56 EUR and ratio 1:2.",
        };
        var builder = new StringBuilder();
        var random = new Random(5);
        while (builder.Length < 150_000)
            builder.Append(lines[random.Next(lines.Length)]).Append(random.Next(3) == 0 ? "\n" : " ");
        var text = builder.ToString();
        var whole = Detector.DetectChunked(text, int.MaxValue);
        foreach (var chunk in new[] { 4096, 5000, 65536 })
            Detector.DetectChunked(text, chunk).ShouldBe(whole, $"chunk size {chunk}");
        Detector.DetectChunked(text, 4096, maxDegreeOfParallelism: 4).ShouldBe(whole);
    }

    [Fact]
    public void Ten_megabytes_are_scanned_in_chunks_with_correct_offsets()
    {
        const string sentence = "Dear team, reach me at person.{0}@example.com or card 4111 1111 1111 1111. Regards. ";
        var builder = new StringBuilder(10 * 1024 * 1024 + 200);
        var expectedEmails = 0;
        while (builder.Length < 10 * 1024 * 1024)
        {
            builder.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, sentence, expectedEmails));
            expectedEmails++;
        }
        var text = builder.ToString();
        var findings = Detector.Detect(text, [PersonalDataTypes.EmailAddress, PersonalDataTypes.CreditCard]);
        var emails = findings.Where(f => f.Type == PersonalDataTypes.EmailAddress).ToList();
        emails.Count.ShouldBe(expectedEmails);
        emails.Select((f, i) => f.ValueIn(text) == $"person.{i}@example.com").ShouldAllBe(ok => ok);
        findings.Count(f => f.Type == PersonalDataTypes.CreditCard).ShouldBe(expectedEmails);
        findings.Zip(findings.Skip(1)).ShouldAllBe(p => p.First.End <= p.Second.Start);
    }

    private static string Filler(int length)
    {
        var words = "the quick brown fox jumps over a lazy dog ";
        var sb = new StringBuilder(length);
        while (sb.Length < length)
            sb.Append(words);
        var s = sb.ToString(0, length);
        return s[^1] == ' ' ? s : s[..^1] + " ";
    }
}
