namespace SpecialistPlatform.Extraction.Normalization.Tests;

public class NormalizerTests
{
    // Wednesday 20 May 2026, 10:00.
    private static readonly DateTime Reference = new(2026, 5, 20, 10, 0, 0);
    private static readonly ValueNormalizer Normalizer = new(NormalizationOptions.At(Reference));

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("the 1st of June", "2026-06-01")]
    [InlineData("1st June", "2026-06-01")]
    [InlineData("June 1st", "2026-06-01")]
    [InlineData("the first of June", "2026-06-01")]
    [InlineData("tomorrow", "2026-05-21")]
    [InlineData("today", "2026-05-20")]
    [InlineData("the day after tomorrow", "2026-05-22")]
    [InlineData("yesterday", "2026-05-19")]
    [InlineData("next Friday", "2026-05-29")]
    [InlineData("Friday", "2026-05-22")]
    [InlineData("this Friday", "2026-05-22")]
    [InlineData("on Wednesday", "2026-05-27")]
    [InlineData("last Monday", "2026-05-18")]
    [InlineData("24/12/2026", "2026-12-24")]
    [InlineData("12/24/2026", "2026-12-24")]
    [InlineData("24.12.2026", "2026-12-24")]
    [InlineData("24/12/26", "2026-12-24")]
    [InlineData("2026-12-24", "2026-12-24")]
    [InlineData("Dec 24th", "2026-12-24")]
    [InlineData("December 24, 2027", "2027-12-24")]
    [InlineData("24 December 2026", "2026-12-24")]
    [InlineData("Thursday 24th December 2026", "2026-12-24")]
    [InlineData("the twenty-first of March", "2027-03-21")]
    [InlineData("in 3 days", "2026-05-23")]
    [InlineData("in two weeks", "2026-06-03")]
    [InlineData("20 May", "2026-05-20")]
    public void Normalizes_date(string text, string expected) => Normalizer.NormalizeDate(text).Value.ShouldBe(D(expected));

    [Fact]
    public void Date_without_year_states_the_year_it_chose()
    {
        var result = Normalizer.NormalizeDate("Dec 24th");
        result.Assumptions.ShouldHaveSingleItem().ShouldContain("no year given");
    }

    [Theory]
    [InlineData("31/02/2026", NotNormalizedReason.InvalidDate)]
    [InlineData("2026-13-01", NotNormalizedReason.InvalidDate)]
    [InlineData("the 32nd of June", NotNormalizedReason.InvalidDate)]
    [InlineData("31 June", NotNormalizedReason.InvalidDate)]
    [InlineData("someday", NotNormalizedReason.Unrecognized)]
    [InlineData("", NotNormalizedReason.Empty)]
    [InlineData("June", NotNormalizedReason.Ambiguous)]
    [InlineData("Friday 24th December 2026", NotNormalizedReason.Inconsistent)]
    public void Refuses_date_with_reason(string text, NotNormalizedReason reason)
    {
        var result = Normalizer.NormalizeDate(text);
        result.IsNormalized.ShouldBeFalse();
        result.Reason.ShouldBe(reason);
        result.Explanation.ShouldNotBeNullOrWhiteSpace();
        Should.Throw<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Ambiguous_numeric_date_follows_configured_order_and_says_so()
    {
        var dayFirst = Normalizer.NormalizeDate("05/06/2026");
        dayFirst.Value.ShouldBe(D("2026-06-05"));
        dayFirst.Assumptions.ShouldContain("numeric date read day first");

        var monthFirst = new ValueNormalizer(NormalizationOptions.At(Reference) with { DateOrder = DateOrder.MonthFirst });
        monthFirst.NormalizeDate("05/06/2026").Value.ShouldBe(D("2026-05-06"));

        var strict = new ValueNormalizer(NormalizationOptions.At(Reference) with { DateOrder = DateOrder.RejectAmbiguous });
        strict.NormalizeDate("05/06/2026").Reason.ShouldBe(NotNormalizedReason.Ambiguous);
        strict.NormalizeDate("24/12/2026").Value.ShouldBe(D("2026-12-24"));
    }

    [Theory]
    [InlineData("next week", "2026-05-25", "2026-05-31")]
    [InlineData("this week", "2026-05-18", "2026-05-24")]
    [InlineData("last week", "2026-05-11", "2026-05-17")]
    [InlineData("this weekend", "2026-05-23", "2026-05-24")]
    [InlineData("next month", "2026-06-01", "2026-06-30")]
    [InlineData("June", "2026-06-01", "2026-06-30")]
    [InlineData("March", "2027-03-01", "2027-03-31")]
    [InlineData("February 2028", "2028-02-01", "2028-02-29")]
    [InlineData("between 3 and 5 June", "2026-06-03", "2026-06-05")]
    [InlineData("from Dec 24th to Jan 2nd", "2026-12-24", "2027-01-02")]
    [InlineData("2026-07-01 - 2026-07-14", "2026-07-01", "2026-07-14")]
    [InlineData("tomorrow", "2026-05-21", "2026-05-21")]
    public void Normalizes_date_range(string text, string start, string end) =>
        Normalizer.NormalizeDateRange(text).Value.ShouldBe(new DateRange(D(start), D(end)));

    [Fact]
    public void Week_start_follows_options()
    {
        var sundayFirst = new ValueNormalizer(NormalizationOptions.At(Reference) with { FirstDayOfWeek = DayOfWeek.Sunday });
        sundayFirst.NormalizeDateRange("next week").Value.ShouldBe(new DateRange(D("2026-05-24"), D("2026-05-30")));
    }

    [Fact]
    public void Refuses_backwards_date_range()
    {
        var result = Normalizer.NormalizeDateRange("2026-07-14 to 2026-07-01");
        result.Reason.ShouldBe(NotNormalizedReason.Inconsistent);
    }

    [Theory]
    [InlineData("25 to 7 p.m.", 18, 35)]
    [InlineData("7pm", 19, 0)]
    [InlineData("7 PM", 19, 0)]
    [InlineData("19:30", 19, 30)]
    [InlineData("7:30am", 7, 30)]
    [InlineData("07:30", 7, 30)]
    [InlineData("noon", 12, 0)]
    [InlineData("midnight", 0, 0)]
    [InlineData("12am", 0, 0)]
    [InlineData("12pm", 12, 0)]
    [InlineData("quarter past 3 in the afternoon", 15, 15)]
    [InlineData("quarter to 12 pm", 11, 45)]
    [InlineData("twenty-five to seven pm", 18, 35)]
    [InlineData("seven o'clock in the evening", 19, 0)]
    [InlineData("at 8 o'clock pm", 20, 0)]
    public void Normalizes_time(string text, int hour, int minute) =>
        Normalizer.NormalizeTime(text).Value.ShouldBe(new TimeOnly(hour, minute));

    [Fact]
    public void Time_without_meridiem_takes_next_reading_after_reference_and_says_so()
    {
        // Reference is 10:00: "half past 8" in the morning has gone, so 20:30.
        var result = Normalizer.NormalizeTime("half past 8");
        result.Value.ShouldBe(new TimeOnly(20, 30));
        result.Assumptions.ShouldHaveSingleItem().ShouldContain("no a.m./p.m.");
        Normalizer.NormalizeTime("half past 11").Value.ShouldBe(new TimeOnly(11, 30));
    }

    [Theory]
    [InlineData("25:00", NotNormalizedReason.OutOfRange)]
    [InlineData("13pm", NotNormalizedReason.OutOfRange)]
    [InlineData("7", NotNormalizedReason.Unrecognized)]
    [InlineData("75 past 3", NotNormalizedReason.OutOfRange)]
    [InlineData("teatime", NotNormalizedReason.Unrecognized)]
    public void Refuses_time_with_reason(string text, NotNormalizedReason reason) =>
        Normalizer.NormalizeTime(text).Reason.ShouldBe(reason);

    [Theory]
    [InlineData("two people", 2)]
    [InlineData("a dozen", 12)]
    [InlineData("two dozen eggs", 24)]
    [InlineData("half a dozen", 6)]
    [InlineData("party of six", 6)]
    [InlineData("one hundred and five", 105)]
    [InlineData("twenty-one", 21)]
    [InlineData("two thousand and twenty six", 2026)]
    [InlineData("3 million", 3_000_000)]
    [InlineData("1,234", 1234)]
    [InlineData("a couple of guests", 2)]
    [InlineData("-5", -5)]
    public void Normalizes_integer(string text, long expected) => Normalizer.NormalizeInteger(text).Value.ShouldBe(expected);

    [Theory]
    [InlineData("3.5", "3.5")]
    [InlineData("1,234.56", "1234.56")]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("12,5 kg", "12.5")]
    [InlineData("1.5 million", "1500000")]
    public void Normalizes_number(string text, string expected) =>
        Normalizer.NormalizeNumber(text).Value.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2.5", NotNormalizedReason.NotAWholeNumber)]
    [InlineData("2 or 3 people", NotNormalizedReason.Ambiguous)]
    [InlineData("a few people", NotNormalizedReason.Vague)]
    [InlineData("several", NotNormalizedReason.Vague)]
    [InlineData("people", NotNormalizedReason.Unrecognized)]
    [InlineData("  ", NotNormalizedReason.Empty)]
    public void Refuses_integer_with_reason(string text, NotNormalizedReason reason) =>
        Normalizer.NormalizeInteger(text).Reason.ShouldBe(reason);

    [Theory]
    [InlineData("£20.50", "20.50", "GBP")]
    [InlineData("EUR 1,234.56", "1234.56", "EUR")]
    [InlineData("1.234,56 €", "1234.56", "EUR")]
    [InlineData("€5", "5", "EUR")]
    [InlineData("$5", "5", "USD")]
    [InlineData("20 dollars", "20", "USD")]
    [InlineData("twenty quid", "20", "GBP")]
    [InlineData("50p", "0.50", "GBP")]
    [InlineData("1500 JPY", "1500", "JPY")]
    [InlineData("CHF 12.30", "12.30", "CHF")]
    [InlineData("US$ 7", "7", "USD")]
    [InlineData("$2.5m", "2500000", "USD")]
    [InlineData("a hundred euros", "100", "EUR")]
    [InlineData("usd twenty", "20", "USD")]
    public void Normalizes_money(string text, string amount, string currency) =>
        Normalizer.NormalizeMoney(text).Value.ShouldBe(new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency));

    [Fact]
    public void Dollar_sign_states_its_currency_and_follows_options()
    {
        Normalizer.NormalizeMoney("$5").Assumptions.ShouldHaveSingleItem().ShouldContain("USD");
        var canadian = new ValueNormalizer(NormalizationOptions.At(Reference) with { DollarCurrency = "CAD" });
        canadian.NormalizeMoney("$5").Value.ShouldBe(new Money(5m, "CAD"));
        Normalizer.NormalizeMoney("£5").Assumptions.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("XYZ 20", NotNormalizedReason.UnknownCurrency)]
    [InlineData("20", NotNormalizedReason.UnknownCurrency)]
    [InlineData("£20.505", NotNormalizedReason.TooManyDecimals)]
    [InlineData("¥10.5", NotNormalizedReason.TooManyDecimals)]
    [InlineData("free", NotNormalizedReason.Unrecognized)]
    public void Refuses_money_with_reason(string text, NotNormalizedReason reason) =>
        Normalizer.NormalizeMoney(text).Reason.ShouldBe(reason);

    [Theory]
    [InlineData("Jane.Doe@Example.COM", "Jane.Doe@example.com")]
    [InlineData(" mailto:jane@example.com ", "jane@example.com")]
    [InlineData("<jane@example.com>", "jane@example.com")]
    [InlineData("jane dot doe at example dot com", "jane.doe@example.com")]
    public void Normalizes_email(string text, string expected) => Normalizer.NormalizeEmail(text).Value.ShouldBe(expected);

    [Theory]
    [InlineData("jane.example.com")]
    [InlineData("jane@example")]
    [InlineData("jane@@example.com")]
    [InlineData("jane doe@example.com")]
    public void Refuses_invalid_email(string text) => Normalizer.NormalizeEmail(text).Reason.ShouldBe(NotNormalizedReason.InvalidEmail);

    [Fact]
    public void Normalize_by_kind_returns_typed_values()
    {
        Normalizer.Normalize("2026-12-24", ValueKind.Date).Value.ShouldBe(D("2026-12-24"));
        Normalizer.Normalize("two", ValueKind.Integer).Value.ShouldBe(2L);
        Normalizer.Normalize("nope", ValueKind.Money).Reason.ShouldBe(NotNormalizedReason.Unrecognized);
    }
}
