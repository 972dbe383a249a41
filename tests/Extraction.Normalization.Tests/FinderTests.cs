namespace SpecialistPlatform.Extraction.Normalization.Tests;

public class FinderTests
{
    private static readonly DateTime Reference = new(2026, 5, 20, 10, 0, 0);
    private static readonly ValueFinder Finder = new(NormalizationOptions.At(Reference));

    private static string Describe(IEnumerable<FoundValue> found) =>
        string.Join(" | ", found.Select(f => $"{f.Kind}:{f.Text}={f.Value}"));

    [Fact]
    public void Finds_typed_values_in_a_booking_request()
    {
        const string text = "Table for two people next Friday at 7pm, deposit £20.50, confirm to jane@example.com please.";
        var found = Finder.Find(text);
        Describe(found).ShouldBe(
            "Number:two=2 | Date:next Friday=29/05/2026 | Time:7pm=19:00 | Money:£20.50=20.50 GBP | Email:jane@example.com=jane@example.com"
                .Replace("29/05/2026", new DateOnly(2026, 5, 29).ToString(), StringComparison.Ordinal)
                .Replace("19:00", new TimeOnly(19, 0).ToString(), StringComparison.Ordinal));
        foreach (var f in found)
            text[f.Start..f.End].ShouldBe(f.Text);
    }

    [Fact]
    public void Longer_typed_span_wins_over_numbers_inside_it()
    {
        var found = Finder.Find("Invoice dated 24/12/2026 for EUR 1,234.56 and 2026-12-24.");
        found.Select(f => f.Kind).ShouldBe([ValueKind.Date, ValueKind.Money, ValueKind.Date]);
        found[1].Value.ShouldBe(new Money(1234.56m, "EUR"));
    }

    [Fact]
    public void Finds_dates_written_with_month_names_and_relative_words()
    {
        var found = Finder.Find("Arrive on the 1st of June, leave Dec 24th; or tomorrow, or in 3 days.");
        found.Where(f => f.Kind == ValueKind.Date).Select(f => (DateOnly)f.Value).ShouldBe([
            new DateOnly(2026, 6, 1), new DateOnly(2026, 12, 24), new DateOnly(2026, 5, 21), new DateOnly(2026, 5, 23),
        ]);
    }

    [Fact]
    public void Finds_times_and_ranges()
    {
        var found = Finder.Find("Meet next week at 25 to 7 p.m. or half past 8, not at noon.");
        Describe(found.Where(f => f.Kind != ValueKind.Number)).ShouldContain("DateRange:next week=");
        found.Where(f => f.Kind == ValueKind.Time).Select(f => (TimeOnly)f.Value)
            .ShouldBe([new TimeOnly(18, 35), new TimeOnly(20, 30), new TimeOnly(12, 0)]);
    }

    [Fact]
    public void Finds_money_in_words_and_symbols()
    {
        var found = Finder.Find("It costs 20 dollars, or twenty quid, or $5, or 50p, or 1.234,56 €.");
        found.Where(f => f.Kind == ValueKind.Money).Select(f => (Money)f.Value).ShouldBe([
            new Money(20m, "USD"), new Money(20m, "GBP"), new Money(5m, "USD"), new Money(0.5m, "GBP"), new Money(1234.56m, "EUR"),
        ]);
    }

    [Fact]
    public void Finds_numbers_in_words_and_digits()
    {
        var found = Finder.Find("We need a dozen chairs, 3 tables and one hundred and five cups.", [ValueKind.Number]);
        found.Select(f => (decimal)f.Value).ShouldBe([12m, 3m, 105m]);
        found[0].Text.ShouldBe("a dozen");
    }

    [Fact]
    public void Offsets_are_utf16_indices_after_emoji()
    {
        const string text = "🎉🎉 Party on 24/12/2026 für 12 Gäste, Budget €300 📧 anna@example.de";
        var found = Finder.Find(text);
        found.Count.ShouldBe(4);
        foreach (var f in found)
            text[f.Start..f.End].ShouldBe(f.Text);
        found[0].Start.ShouldBe(text.IndexOf("24/12", StringComparison.Ordinal));
    }

    [Fact]
    public void Drops_candidates_that_do_not_normalise()
    {
        var found = Finder.Find("On 31/02/2026 pay XYZ 20.");
        found.Select(f => f.Kind).ShouldNotContain(ValueKind.Date);
        found.Select(f => f.Kind).ShouldNotContain(ValueKind.Money);
    }
}
