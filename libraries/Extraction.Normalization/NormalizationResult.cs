namespace SpecialistPlatform.Extraction.Normalization;

/// <summary>Why a value could not be normalised.</summary>
public enum NotNormalizedReason
{
    Empty,
    Unrecognized,
    Ambiguous,
    InvalidDate,
    OutOfRange,
    NotAWholeNumber,
    UnknownCurrency,
    TooManyDecimals,
    Vague,
    Inconsistent,
    InvalidEmail,
}

/// <summary>
/// Either a typed value, with any assumption made on the way spelled out ("'$' read as USD"), or "not
/// normalised" with a reason. There is no third state: a normaliser never returns a silent guess.
/// </summary>
public sealed class NormalizationResult<T>
{
    private readonly T? _value;

    private NormalizationResult(string input, bool isNormalized, T? value, NotNormalizedReason? reason, string? explanation,
        IReadOnlyList<string> assumptions)
    {
        Input = input;
        IsNormalized = isNormalized;
        _value = value;
        Reason = reason;
        Explanation = explanation;
        Assumptions = assumptions;
    }

    public string Input { get; }

    public bool IsNormalized { get; }

    /// <summary>The typed value; throws when <see cref="IsNormalized"/> is false so a failure is never read as a value.</summary>
    public T Value => IsNormalized
        ? _value!
        : throw new InvalidOperationException($"\"{Input}\" was not normalised: {Reason}: {Explanation}");

    public NotNormalizedReason? Reason { get; }

    public string? Explanation { get; }

    /// <summary>Conventions applied to reach the value (a default currency, an inferred a.m./p.m.).</summary>
    public IReadOnlyList<string> Assumptions { get; }

    public bool TryGetValue(out T value)
    {
        value = _value!;
        return IsNormalized;
    }

    public static NormalizationResult<T> Success(string input, T value, params IReadOnlyList<string> assumptions) =>
        new(input, true, value, null, null, assumptions);

    public static NormalizationResult<T> Failure(string input, NotNormalizedReason reason, string explanation) =>
        new(input, false, default, reason, explanation, []);

    /// <summary>The same failure, retyped, for normalisers built on each other.</summary>
    public NormalizationResult<TOther> FailureAs<TOther>() =>
        IsNormalized
            ? throw new InvalidOperationException("Not a failure.")
            : NormalizationResult<TOther>.Failure(Input, Reason!.Value, Explanation!);

    public override string ToString() =>
        IsNormalized ? $"{_value}" : $"not normalised ({Reason}): {Explanation}";
}
