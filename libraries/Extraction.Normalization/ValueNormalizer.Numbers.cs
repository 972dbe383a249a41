namespace SpecialistPlatform.Extraction.Normalization;

public sealed partial class ValueNormalizer
{
    /// <summary>
    /// A number written in digits or words, alone or with a unit ("two people" → 2, "a dozen" → 12). Exactly one
    /// number must be present: "2 or 3" is ambiguous, "a few" is vague.
    /// </summary>
    public NormalizationResult<decimal> NormalizeNumber(string text)
    {
        var cleaned = Clean(text);
        if (cleaned.Length == 0)
            return NormalizationResult<decimal>.Failure(text, NotNormalizedReason.Empty, "No text to read a number from.");
        var negative = cleaned.StartsWith('-') || cleaned.StartsWith("minus ", StringComparison.Ordinal);
        var tokens = Tokenizer.Tokenize(cleaned);
        var found = new List<NumberPhrase>();
        for (var i = 0; i < tokens.Count;)
        {
            if (NumberWords.Parse(tokens, i) is { } phrase)
            {
                found.Add(phrase);
                i += phrase.TokenCount;
            }
            else
            {
                if (NumberWords.VagueQuantities.Contains(tokens[i].Text))
                    return NormalizationResult<decimal>.Failure(text, NotNormalizedReason.Vague,
                        $"\"{tokens[i].Text}\" names no definite number.");
                i++;
            }
        }
        return found.Count switch
        {
            0 => NormalizationResult<decimal>.Failure(text, NotNormalizedReason.Unrecognized, "No number found."),
            1 => NormalizationResult<decimal>.Success(text, negative ? -found[0].Value : found[0].Value),
            _ => NormalizationResult<decimal>.Failure(text, NotNormalizedReason.Ambiguous,
                $"{found.Count} numbers found ({string.Join(", ", found.Select(f => f.Value))}); expected one."),
        };
    }

    /// <summary>As <see cref="NormalizeNumber"/>, and the number must be whole.</summary>
    public NormalizationResult<long> NormalizeInteger(string text)
    {
        var number = NormalizeNumber(text);
        if (!number.TryGetValue(out var value))
            return number.FailureAs<long>();
        if (value != decimal.Truncate(value))
            return NormalizationResult<long>.Failure(text, NotNormalizedReason.NotAWholeNumber, $"{value} is not a whole number.");
        if (value is > long.MaxValue or < long.MinValue)
            return NormalizationResult<long>.Failure(text, NotNormalizedReason.OutOfRange, $"{value} does not fit a 64-bit integer.");
        return NormalizationResult<long>.Success(text, (long)value);
    }
}
