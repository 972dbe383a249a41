namespace SpecialistPlatform.Compliance.Detection.Tests;

public class DetectorTests
{
    private sealed class EmployeeIdRecognizer : IRecognizer
    {
        public string Name => "employee-id";

        public IReadOnlyCollection<string> SupportedTypes => ["EMPLOYEE_ID"];

        public IEnumerable<Finding> Recognize(string text)
        {
            var i = text.IndexOf("EMP-", StringComparison.Ordinal);
            if (i >= 0)
                yield return new Finding("EMPLOYEE_ID", i, i + 10, 0.8, Name);
        }
    }

    [Fact]
    public void Custom_recognizer_plugs_in_beside_the_built_in_ones()
    {
        var detector = new PersonalDataDetector([.. PersonalDataDetector.DefaultRecognizers(), new EmployeeIdRecognizer()]);
        const string text = "EMP-123456 paid with 4111 1111 1111 1111";
        detector.Detect(text).Select(f => f.Type).ShouldBe(["EMPLOYEE_ID", PersonalDataTypes.CreditCard]);
        detector.SupportedTypes.ShouldContain("EMPLOYEE_ID");
    }

    [Fact]
    public void Detect_can_be_limited_to_some_types()
    {
        const string text = "jane@example.com 4111 1111 1111 1111";
        var findings = PersonalDataDetector.CreateDefault().Detect(text, [PersonalDataTypes.EmailAddress]);
        findings.ShouldHaveSingleItem().Type.ShouldBe(PersonalDataTypes.EmailAddress);
    }

    [Fact]
    public void Overlaps_resolve_to_higher_score_then_longer_span()
    {
        var resolved = OverlapResolver.Resolve([
            new Finding("A", 0, 10, 0.5, "t"),
            new Finding("B", 5, 12, 0.9, "t"),
            new Finding("C", 12, 20, 0.4, "t"),
            new Finding("D", 12, 22, 0.4, "t"),
            new Finding("E", 30, 35, 0.1, "t"),
        ]);
        resolved.Select(f => f.Type).ShouldBe(["B", "D", "E"]);
    }

    [Fact]
    public void Low_scoring_findings_are_dropped_by_threshold()
    {
        const string text = "ref 536 22 1234";
        PersonalDataDetector.CreateDefault().Detect(text).ShouldHaveSingleItem().Type.ShouldBe(PersonalDataTypes.UsSsn);
        PersonalDataDetector.CreateDefault(minimumScore: 0.5).Detect(text).ShouldBeEmpty();
    }

    [Fact]
    public void Long_single_line_text_yields_every_finding_without_overlaps()
    {
        var text = string.Concat(Enumerable.Repeat("order 12345678 for jane@example.com card 4111 1111 1111 1111; ", 500));
        var findings = PersonalDataDetector.CreateDefault().Detect(text);
        findings.Count.ShouldBe(1000);
        findings.Zip(findings.Skip(1)).ShouldAllBe(p => p.First.End <= p.Second.Start);
    }

    [Fact]
    public void Ordinary_business_text_has_no_findings()
    {
        const string text = "Meeting on 2026-12-24 at 19:30, order 12345678, invoice 2026/0042, total 1,234.56 EUR. "
            + "Dates 24/12/2026 and 01.02.2026, ratio 1:2:3, time 10:30:00, 2000 people in 1999.";
        PersonalDataDetector.CreateDefault().Detect(text).ShouldBeEmpty();
    }

    [Fact]
    public void The_full_set_adds_dates_and_times_only()
    {
        const string text = "Meeting on 2026-12-24 at 19:30, order 12345678, invoice 2026/0042, total 1,234.56 EUR. "
            + "Dates 24/12/2026 and 01.02.2026, ratio 1:2:3, time 10:30:00, 2000 people in 1999.";
        var findings = PersonalDataDetector.Create([]).Detect(text);
        findings.ShouldAllBe(f => f.Type == PersonalDataTypes.DateTime);
        // "in 1999" is a year in context (issue 16); "2000 people" is a count and "2026/0042" an invoice number.
        findings.Select(f => f.ValueIn(text)).ShouldBe(["2026-12-24", "19:30", "24/12/2026", "01.02.2026", "10:30:00", "1999"]);
    }
}
