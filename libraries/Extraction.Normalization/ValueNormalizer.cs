namespace SpecialistPlatform.Extraction.Normalization;

/// <summary>
/// Turns extracted text into typed values relative to a reference date and time. Each method returns a
/// <see cref="NormalizationResult{T}"/>: a value (with any convention it relied on listed) or a reason it
/// could not be normalised. Stateless apart from its options, so one instance can serve concurrent calls.
/// </summary>
public sealed partial class ValueNormalizer(NormalizationOptions options)
{
    public NormalizationOptions Options { get; } = options;

    private DateOnly Today => DateOnly.FromDateTime(Options.Reference);

    /// <summary>Normalises to the CLR type for a kind: DateOnly, DateRange, TimeOnly, decimal, long, Money or string.</summary>
    public NormalizationResult<object> Normalize(string text, ValueKind kind) => kind switch
    {
        ValueKind.Date => Boxed(NormalizeDate(text)),
        ValueKind.DateRange => Boxed(NormalizeDateRange(text)),
        ValueKind.Time => Boxed(NormalizeTime(text)),
        ValueKind.Number => Boxed(NormalizeNumber(text)),
        ValueKind.Integer => Boxed(NormalizeInteger(text)),
        ValueKind.Money => Boxed(NormalizeMoney(text)),
        ValueKind.Email => Boxed(NormalizeEmail(text)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static NormalizationResult<object> Boxed<T>(NormalizationResult<T> result) where T : notnull =>
        result.TryGetValue(out var value)
            ? NormalizationResult<object>.Success(result.Input, value, result.Assumptions)
            : result.FailureAs<object>();

    /// <summary>Lower-cases, trims and drops surrounding punctuation and a leading "on"/"at"/"by".</summary>
    private static string Clean(string text)
    {
        var s = text.Trim().Trim('.', ',', ';', ':', '!', '?', '"', '\'', '(', ')').Trim().ToLowerInvariant();
        s = string.Join(' ', s.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var prefix in (string[])["on ", "at ", "by ", "for ", "around ", "from "])
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal))
                return s[prefix.Length..];
        }
        return s;
    }
}
