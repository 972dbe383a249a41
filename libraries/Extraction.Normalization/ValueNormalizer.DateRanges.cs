using System.Text.RegularExpressions;

namespace SpecialistPlatform.Extraction.Normalization;

public sealed partial class ValueNormalizer
{
    [GeneratedRegex(@"^(?:(?<rel>this|next|last|previous|the\s+following|the|coming)\s+)?(?<unit>week|weekend|month|year)$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Period();

    [GeneratedRegex(@"^(?:between\s+(?<a>.+?)\s+and\s+(?<b>.+)|(?<a>.+?)\s*(?:\s(?:to|until|till|through|thru)\s|\s-\s|\s–\s)\s*(?<b>.+))$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Between();

    [GeneratedRegex(@"^(?:in\s+)?(?<month>[a-z]+)\.?(?:\s+(?<y>[0-9]{4}))?$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex MonthOnly();

    /// <summary>
    /// A range of days: "next week" (the following week, first day per <see cref="NormalizationOptions.FirstDayOfWeek"/>,
    /// Monday by default, through its last day), "this weekend", "next month", "June", "between 3 and 5 June",
    /// "from Dec 24th to Jan 2nd". A single date is a one-day range.
    /// </summary>
    public NormalizationResult<DateRange> NormalizeDateRange(string text)
    {
        var s = Clean(text);
        if (s.Length == 0)
            return NormalizationResult<DateRange>.Failure(text, NotNormalizedReason.Empty, "No text to read a date range from.");

        if (Period().Match(s) is { Success: true } period)
            return FromPeriod(text, period.Groups["rel"].Value, period.Groups["unit"].Value);

        if (MonthOnly().Match(s) is { Success: true } mo && Months.TryGetValue(mo.Groups["month"].Value, out var month))
        {
            var year = mo.Groups["y"].Success ? Int(mo, "y") : (month >= Today.Month ? Today.Year : Today.Year + 1);
            var first = new DateOnly(year, month, 1);
            var range = new DateRange(first, first.AddMonths(1).AddDays(-1));
            return mo.Groups["y"].Success
                ? NormalizationResult<DateRange>.Success(text, range)
                : NormalizationResult<DateRange>.Success(text, range, "no year given: took the month's next occurrence");
        }

        if (Between().Match(s) is { Success: true } between)
        {
            var a = between.Groups["a"].Value;
            var b = between.Groups["b"].Value;
            // "3 and 5 June": the month and year given once apply to both ends.
            if (a.All(char.IsAsciiDigit) || Regex.IsMatch(a, "^[0-9]{1,2}(st|nd|rd|th)$", RegexOptions.None, TimeSpan.FromMilliseconds(100)))
            {
                var tail = Regex.Match(b, @"^\S+\s+(?<rest>.+)$", RegexOptions.None, TimeSpan.FromMilliseconds(100));
                if (tail.Success)
                    a = a + " " + tail.Groups["rest"].Value;
            }
            var start = NormalizeDate(a);
            if (!start.TryGetValue(out var startDate))
                return start.FailureAs<DateRange>();
            var end = NormalizeDate(b);
            if (!end.TryGetValue(out var endDate))
                return end.FailureAs<DateRange>();
            if (endDate < startDate)
                return NormalizationResult<DateRange>.Failure(text, NotNormalizedReason.Inconsistent,
                    $"The range ends ({endDate:yyyy-MM-dd}) before it starts ({startDate:yyyy-MM-dd}).");
            return NormalizationResult<DateRange>.Success(text, new DateRange(startDate, endDate), [.. start.Assumptions, .. end.Assumptions]);
        }

        var single = NormalizeDate(text);
        return single.TryGetValue(out var day)
            ? NormalizationResult<DateRange>.Success(text, new DateRange(day, day), single.Assumptions)
            : single.FailureAs<DateRange>();
    }

    private NormalizationResult<DateRange> FromPeriod(string text, string relation, string unit)
    {
        var shift = relation switch
        {
            "next" or "the following" => 1,
            "last" or "previous" => -1,
            _ => 0,
        };
        switch (unit)
        {
            case "week":
                var weekStart = StartOfWeek(Today).AddDays(7 * shift);
                return NormalizationResult<DateRange>.Success(text, new DateRange(weekStart, weekStart.AddDays(6)));
            case "weekend":
                // The weekend of the current week (or of the next/last one), Saturday and Sunday.
                var saturday = Today.DayOfWeek == DayOfWeek.Sunday ? Today.AddDays(-1) : Today.AddDays((DayOfWeek.Saturday - Today.DayOfWeek + 7) % 7);
                saturday = saturday.AddDays(7 * shift);
                return shift == 1
                    ? NormalizationResult<DateRange>.Success(text, new DateRange(saturday, saturday.AddDays(1)), "'next weekend' read as the weekend after this one")
                    : NormalizationResult<DateRange>.Success(text, new DateRange(saturday, saturday.AddDays(1)));
            case "month":
                var monthStart = new DateOnly(Today.Year, Today.Month, 1).AddMonths(shift);
                return NormalizationResult<DateRange>.Success(text, new DateRange(monthStart, monthStart.AddMonths(1).AddDays(-1)));
            default:
                var yearStart = new DateOnly(Today.Year + shift, 1, 1);
                return NormalizationResult<DateRange>.Success(text, new DateRange(yearStart, new DateOnly(Today.Year + shift, 12, 31)));
        }
    }
}
