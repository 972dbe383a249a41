using System.Text.RegularExpressions;

namespace SpecialistPlatform.Extraction.Normalization;

/// <summary>A typed value located in a text: UTF-16 offsets (end exclusive), the matched text and its normalised value.</summary>
public sealed record FoundValue(ValueKind Kind, int Start, int End, string Text, object Value, IReadOnlyList<string> Assumptions);

/// <summary>
/// A rule-based first extractor: finds dates, date ranges, times, money amounts, emails and numbers in free
/// text and normalises each with <see cref="ValueNormalizer"/>. A candidate that does not normalise is
/// dropped, never reported half-read. Where candidates overlap the longer span wins ("£1,200" is money,
/// not a number; "24/12/2026" is a date, not three numbers), then the more specific kind.
/// </summary>
public sealed partial class ValueFinder(ValueNormalizer normalizer)
{
    private const string MonthNames = "(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
    private const string WeekdayNames = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thu|fri|sat|sun)";
    private const string OrdinalWords = "(?:(?:twenty|thirty)[\\s-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)";
    private const string DayOfMonth = "(?:[0-9]{1,2}(?:st|nd|rd|th)?|" + OrdinalWords + ")";
    private const string MeridiemSuffix = @"\s?(?:a\.?m\.?|p\.?m\.?)(?![\p{L}])";
    private const string HourWords = "(?:[0-9]{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
    private const RegexOptions Opts = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    public ValueFinder(NormalizationOptions options) : this(new ValueNormalizer(options))
    {
    }

    public ValueNormalizer Normalizer { get; } = normalizer;

    [GeneratedRegex(@"(?<![\w.+\-@])[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?![\w\-@])", RegexOptions.CultureInvariant, 250)]
    private static partial Regex Emails();

    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:(?:[A-Z]{3}|[A-Z]{1,2}\$)\s?|[£€¥₹₩₪₺$]\s?)[0-9](?:[0-9]|[.,][0-9])*(?:\s?(?:k|m|bn|thousand|million|billion)(?![\p{L}]))?", RegexOptions.CultureInvariant, 250)]
    private static partial Regex MoneySymbolFirst();

    [GeneratedRegex(@"(?<![\p{L}\p{N}.,])[0-9](?:[0-9]|[.,][0-9])*(?:\s?(?:[A-Z]{3}(?![\p{L}])|[£€])|p(?![\p{L}\p{N}]))", RegexOptions.CultureInvariant, 250)]
    private static partial Regex MoneySymbolLast();

    [GeneratedRegex(@"(?<![\p{L}\p{N}\-/.])[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?![\p{L}\p{N}]|-[0-9])", Opts, 250)]
    private static partial Regex IsoDates();

    [GeneratedRegex(@"(?<![\p{L}\p{N}\-/.])[0-9]{1,2}([/.\-])[0-9]{1,2}\1(?:[0-9]{4}|[0-9]{2})(?![\p{L}\p{N}]|[/.\-][0-9])", Opts, 250)]
    private static partial Regex NumericDates();

    [GeneratedRegex(@"\b(?:" + WeekdayNames + @"\.?,?\s+)?(?:the\s+)?" + DayOfMonth + @"(?:\s+of)?\s+" + MonthNames + @"\b\.?(?:,?\s+[0-9]{4}\b)?", Opts, 250)]
    private static partial Regex DayMonthDates();

    [GeneratedRegex(@"\b(?:" + WeekdayNames + @"\.?,?\s+)?" + MonthNames + @"\.?\s+(?:the\s+)?" + DayOfMonth + @"\b(?:,?\s+[0-9]{4}\b)?", Opts, 250)]
    private static partial Regex MonthDayDates();

    [GeneratedRegex(@"\b(?:today|tomorrow|yesterday|(?:the\s+)?day\s+(?:after\s+tomorrow|before\s+yesterday)|(?:(?:this|next|last|coming)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in\s+(?:[0-9]+|[a-z]+)\s+(?:days?|weeks?))\b", Opts, 250)]
    private static partial Regex RelativeDates();

    [GeneratedRegex(@"\b(?:this|next|last|the\s+following)\s+(?:week|weekend|month|year)\b", Opts, 250)]
    private static partial Regex Periods();

    [GeneratedRegex(@"(?<![\p{L}\p{N}:.])[0-9]{1,2}(?:[:.][0-9]{2})?" + MeridiemSuffix + @"|(?<![\p{L}\p{N}:.])[0-9]{1,2}:[0-9]{2}(?![\p{N}]|:[0-9])|\b(?:noon|midday|midnight)\b", Opts, 250)]
    private static partial Regex ClockTimes();

    [GeneratedRegex(@"\b(?:half|quarter|[0-9]{1,2}|twenty[\s-]five|twenty|ten|five)\s+(?:minutes\s+)?(?:past|to)\s+" + HourWords + @"\b(?:" + MeridiemSuffix + @")?", Opts, 250)]
    private static partial Regex RelativeTimes();

    public IReadOnlyList<FoundValue> Find(string text, IReadOnlyCollection<ValueKind>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidates = new List<FoundValue>();

        void Try(Regex pattern, ValueKind kind)
        {
            foreach (Match m in pattern.Matches(text))
                Add(candidates, kind, m.Index, m.Index + m.Length, text);
        }

        Try(Emails(), ValueKind.Email);
        Try(MoneySymbolFirst(), ValueKind.Money);
        Try(MoneySymbolLast(), ValueKind.Money);
        Try(IsoDates(), ValueKind.Date);
        Try(NumericDates(), ValueKind.Date);
        Try(DayMonthDates(), ValueKind.Date);
        Try(MonthDayDates(), ValueKind.Date);
        Try(RelativeDates(), ValueKind.Date);
        Try(Periods(), ValueKind.DateRange);
        Try(ClockTimes(), ValueKind.Time);
        Try(RelativeTimes(), ValueKind.Time);
        AddNumberPhrases(candidates, text);

        return Resolve(candidates.Where(c => kinds is null || kinds.Contains(c.Kind)));
    }

    private void AddNumberPhrases(List<FoundValue> candidates, string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        for (var i = 0; i < tokens.Count;)
        {
            if (NumberWords.Parse(tokens, i) is not { IsOrdinal: false } phrase)
            {
                i++;
                continue;
            }
            var start = tokens[i].Start;
            var end = tokens[i + phrase.TokenCount - 1].End;
            if (start > 0 && text[start - 1] == '-' && (start < 2 || !char.IsLetterOrDigit(text[start - 2])))
                start--; // a minus sign
            Add(candidates, ValueKind.Number, start, end, text);
            var next = i + phrase.TokenCount;
            if (next < tokens.Count && ValueNormalizer.CurrencyWords.ContainsKey(tokens[next].Text)
                && (tokens[next].Text != "p" || tokens[next].Start == end))
                Add(candidates, ValueKind.Money, start, tokens[next].End, text);
            i = next;
        }
    }

    private void Add(List<FoundValue> candidates, ValueKind kind, int start, int end, string text)
    {
        var span = text[start..end];
        var result = Normalizer.Normalize(span, kind);
        if (result.TryGetValue(out var value))
            candidates.Add(new FoundValue(kind, start, end, span, value, result.Assumptions));
    }

    private static IReadOnlyList<FoundValue> Resolve(IEnumerable<FoundValue> candidates)
    {
        var kept = new List<FoundValue>();
        foreach (var c in candidates.OrderByDescending(c => c.End - c.Start).ThenBy(c => Priority(c.Kind)).ThenBy(c => c.Start))
        {
            if (!kept.Any(k => k.Start < c.End && c.Start < k.End))
                kept.Add(c);
        }
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    private static int Priority(ValueKind kind) => kind switch
    {
        ValueKind.Email => 0,
        ValueKind.Money => 1,
        ValueKind.DateRange => 2,
        ValueKind.Date => 3,
        ValueKind.Time => 4,
        _ => 5,
    };
}
