using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Extraction.Normalization;

public sealed partial class ValueNormalizer
{
    internal static readonly FrozenDictionary<string, int> Months = new Dictionary<string, int>
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4,
        ["apr"] = 4, ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sept"] = 9, ["sep"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary();

    internal static readonly FrozenDictionary<string, DayOfWeek> Weekdays = new Dictionary<string, DayOfWeek>
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday,
        ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["wed"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday,
        ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday,
        ["fri"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary();

    [GeneratedRegex(@"^(?<y>[0-9]{4})[-/.](?<m>[0-9]{1,2})[-/.](?<d>[0-9]{1,2})$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<a>[0-9]{1,2})(?<sep>[/.\-])(?<b>[0-9]{1,2})(?:\k<sep>(?<y>[0-9]{4}|[0-9]{2}))?$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(?:(?<rel>this|next|coming|last|previous)\s+)?(?<wd>[a-z]+)$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex WeekdayDate();

    [GeneratedRegex(@"^in\s+(?<n>[a-z0-9]+(?:[\s-][a-z]+)?)\s+(?<unit>days?|weeks?)$|^(?<n>[a-z0-9]+(?:[\s-][a-z]+)?)\s+(?<unit>days?|weeks?)\s+(?:from\s+(?:now|today)|(?<ago>ago))$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Offset();

    [GeneratedRegex(@"^(?:the\s+)?(?<day>[0-9]{1,2}(?:st|nd|rd|th)?|[a-z]+(?:[\s-](?!of\b)[a-z]+)?)(?:\s+of)?\s+(?<month>[a-z]+)\.?(?:,?\s+(?<y>[0-9]{4}))?$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"^(?<month>[a-z]+)\.?\s+(?:the\s+)?(?<day>[0-9]{1,2}(?:st|nd|rd|th)?|[a-z]+(?:[\s-][a-z]+)?)(?:,?\s+(?<y>[0-9]{4}))?$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"^(?<wd>[a-z]+)\.?,?\s+(?<rest>.*[0-9a-z].*)$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex LeadingWeekday();

    /// <summary>
    /// A calendar date: ISO ("2026-12-24"), numeric ("24/12/2026", order per <see cref="NormalizationOptions.DateOrder"/>),
    /// with a month name ("Dec 24th", "the 1st of June", "24 December 2026"), relative ("tomorrow", "in 3 days"),
    /// or a weekday ("Friday": the next one after today; "next Friday": Friday of next week). A date without a
    /// year is the first such date on or after the reference date.
    /// </summary>
    public NormalizationResult<DateOnly> NormalizeDate(string text)
    {
        var s = Clean(text);
        if (s.Length == 0)
            return NormalizationResult<DateOnly>.Failure(text, NotNormalizedReason.Empty, "No text to read a date from.");

        switch (s)
        {
            case "today" or "tonight" or "now" or "this evening" or "this morning" or "this afternoon":
                return NormalizationResult<DateOnly>.Success(text, Today);
            case "tomorrow" or "tmrw" or "tomorrow morning" or "tomorrow evening" or "tomorrow night":
                return NormalizationResult<DateOnly>.Success(text, Today.AddDays(1));
            case "yesterday":
                return NormalizationResult<DateOnly>.Success(text, Today.AddDays(-1));
            case "the day after tomorrow" or "day after tomorrow":
                return NormalizationResult<DateOnly>.Success(text, Today.AddDays(2));
            case "the day before yesterday" or "day before yesterday":
                return NormalizationResult<DateOnly>.Success(text, Today.AddDays(-2));
        }

        if (IsoDate().Match(s) is { Success: true } iso)
            return Build(text, Int(iso, "y"), Int(iso, "m"), Int(iso, "d"));

        if (NumericDate().Match(s) is { Success: true } numeric)
            return FromNumeric(text, numeric);

        if (Offset().Match(s) is { Success: true } offset)
        {
            var count = NormalizeInteger(offset.Groups["n"].Value);
            if (!count.TryGetValue(out var n))
                return count.FailureAs<DateOnly>();
            var days = (int)n * (offset.Groups["unit"].Value.StartsWith('w') ? 7 : 1);
            return NormalizationResult<DateOnly>.Success(text, Today.AddDays(offset.Groups["ago"].Success ? -days : days));
        }

        if (WeekdayDate().Match(s) is { Success: true } wd && Weekdays.TryGetValue(wd.Groups["wd"].Value, out var weekday))
            return FromWeekday(text, wd.Groups["rel"].Value, weekday);

        DayOfWeek? statedWeekday = null;
        if (LeadingWeekday().Match(s) is { Success: true } lead && Weekdays.TryGetValue(lead.Groups["wd"].Value, out var w))
        {
            statedWeekday = w;
            s = lead.Groups["rest"].Value;
        }
        var result = FromMonthName(text, s);
        if (result is null)
            return NormalizationResult<DateOnly>.Failure(text, NotNormalizedReason.Unrecognized, "Not a date form this normaliser knows.");
        if (statedWeekday is { } stated && result.TryGetValue(out var date) && date.DayOfWeek != stated)
            return NormalizationResult<DateOnly>.Failure(text, NotNormalizedReason.Inconsistent,
                $"{date:yyyy-MM-dd} is a {date.DayOfWeek}, not a {stated}.");
        return result;
    }

    private NormalizationResult<DateOnly>? FromMonthName(string text, string s)
    {
        var match = DayMonth().Match(s);
        if (!match.Success || !Months.ContainsKey(match.Groups["month"].Value))
            match = MonthDay().Match(s);
        if (!match.Success || !Months.TryGetValue(match.Groups["month"].Value, out var month))
        {
            var words = s.Split(' ');
            if (words.Length <= 2 && Months.ContainsKey(words[0].TrimEnd('.')) && (words.Length == 1 || words[1].All(char.IsAsciiDigit)))
                return NormalizationResult<DateOnly>.Failure(text, NotNormalizedReason.Ambiguous,
                    "Names a month but not a day; normalise it as a date range instead.");
            return null;
        }

        var dayTokens = Tokenizer.Tokenize(match.Groups["day"].Value);
        if (NumberWords.Parse(dayTokens, 0) is not { } day || day.TokenCount != dayTokens.Count || day.Value != decimal.Truncate(day.Value))
            return NormalizationResult<DateOnly>.Failure(text, NotNormalizedReason.Unrecognized, $"\"{match.Groups["day"].Value}\" is not a day of the month.");
        if (day.Value is < 1 or > 31)
            return NormalizationResult<DateOnly>.Failure(text, NotNormalizedReason.InvalidDate, $"Day {day.Value} does not exist in any month.");

        if (match.Groups["y"].Success)
            return Build(text, Int(match, "y"), month, (int)day.Value);
        return NextOccurrence(text, month, (int)day.Value);
    }

    private NormalizationResult<DateOnly> NextOccurrence(string text, int month, int day)
    {
        for (var year = Today.Year; year <= Today.Year + 8; year++)
        {
            if (day > DateTime.DaysInMonth(year, month))
                continue;
            var candidate = new DateOnly(year, month, day);
            if (candidate >= Today)
                return NormalizationResult<DateOnly>.Success(text, candidate,
                    $"no year given: took the first {candidate:MMMM d} on or after {Today:yyyy-MM-dd}");
        }
        return NormalizationResult<DateOnly>.Failure(text, NotNormalizedReason.InvalidDate,
            $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} has no day {day}.");
    }

    private NormalizationResult<DateOnly> FromNumeric(string text, Match m)
    {
        int a = Int(m, "a"), b = Int(m, "b");
        var dayFirst = Options.DateOrder != DateOrder.MonthFirst;
        var assumptions = new List<string>();
        if (a > 12 && b <= 12)
            dayFirst = true;
        else if (b > 12 && a <= 12)
            dayFirst = false;
        else if (a <= 12 && b <= 12 && a != b)
        {
            if (Options.DateOrder == DateOrder.RejectAmbiguous)
                return NormalizationResult<DateOnly>.Failure(text, NotNormalizedReason.Ambiguous,
                    $"Could be day {a} of month {b} or day {b} of month {a}.");
            assumptions.Add(dayFirst ? "numeric date read day first" : "numeric date read month first");
        }
        var (day, month) = dayFirst ? (a, b) : (b, a);
        if (!m.Groups["y"].Success)
        {
            if (month is < 1 or > 12)
                return NormalizationResult<DateOnly>.Failure(text, NotNormalizedReason.InvalidDate, $"There is no month {month}.");
            var next = NextOccurrence(text, month, day);
            return next.TryGetValue(out var d) ? NormalizationResult<DateOnly>.Success(text, d, [.. assumptions, .. next.Assumptions]) : next;
        }
        var yearText = m.Groups["y"].Value;
        var year = int.Parse(yearText, CultureInfo.InvariantCulture);
        if (yearText.Length == 2)
        {
            year += 2000;
            assumptions.Add($"two-digit year read as {year}");
        }
        var built = Build(text, year, month, day);
        return built.TryGetValue(out var date) ? NormalizationResult<DateOnly>.Success(text, date, assumptions) : built;
    }

    private NormalizationResult<DateOnly> FromWeekday(string text, string relation, DayOfWeek weekday)
    {
        var ahead = ((int)weekday - (int)Today.DayOfWeek + 7) % 7;
        switch (relation)
        {
            case "this":
                return NormalizationResult<DateOnly>.Success(text, Today.AddDays(ahead), "'this' weekday: the next one on or after today");
            case "next":
                var nextWeekStart = StartOfWeek(Today).AddDays(7);
                var offset = ((int)weekday - (int)Options.FirstDayOfWeek + 7) % 7;
                return NormalizationResult<DateOnly>.Success(text, nextWeekStart.AddDays(offset), "'next' weekday: that day in the following week");
            case "last" or "previous":
                var back = ((int)Today.DayOfWeek - (int)weekday + 7) % 7;
                return NormalizationResult<DateOnly>.Success(text, Today.AddDays(back == 0 ? -7 : -back));
            default:
                return NormalizationResult<DateOnly>.Success(text, Today.AddDays(ahead == 0 ? 7 : ahead), "bare weekday: the next one after today");
        }
    }

    private DateOnly StartOfWeek(DateOnly date) =>
        date.AddDays(-(((int)date.DayOfWeek - (int)Options.FirstDayOfWeek + 7) % 7));

    private static NormalizationResult<DateOnly> Build(string text, int year, int month, int day)
    {
        if (month is < 1 or > 12)
            return NormalizationResult<DateOnly>.Failure(text, NotNormalizedReason.InvalidDate, $"There is no month {month}.");
        if (year is < 1 or > 9999)
            return NormalizationResult<DateOnly>.Failure(text, NotNormalizedReason.OutOfRange, $"Year {year} is out of range.");
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
            return NormalizationResult<DateOnly>.Failure(text, NotNormalizedReason.InvalidDate,
                $"{year:D4}-{month:D2} has no day {day}.");
        return NormalizationResult<DateOnly>.Success(text, new DateOnly(year, month, day));
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
}
