using SpecialistPlatform.Compliance.Detection.Recognizers;

namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// Runs every recognizer over a text, drops findings under the score threshold and resolves overlaps.
/// Thread-safe: recognizers hold no per-call state.
/// </summary>
public sealed class PersonalDataDetector
{
    /// <summary>Findings scoring below this are dropped (Presidio's default threshold is of the same order).</summary>
    public const double DefaultMinimumScore = 0.3;

    private readonly IReadOnlyList<IRecognizer> _recognizers;

    public PersonalDataDetector(IEnumerable<IRecognizer> recognizers, double minimumScore = DefaultMinimumScore)
    {
        _recognizers = recognizers.ToList();
        if (minimumScore is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(minimumScore), minimumScore, "Must lie in 0..1.");
        MinimumScore = minimumScore;
    }

    public double MinimumScore { get; }

    public IReadOnlyList<IRecognizer> Recognizers => _recognizers;

    public IReadOnlyCollection<string> SupportedTypes =>
        _recognizers.SelectMany(r => r.SupportedTypes).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The built-in rule-based recognizers, one per Presidio type this library covers.</summary>
    public static IReadOnlyList<IRecognizer> DefaultRecognizers() =>
    [
        new CreditCardRecognizer(),
        new IbanRecognizer(),
        new EmailRecognizer(),
        new PhoneNumberRecognizer(),
        new IpAddressRecognizer(),
        new UsSsnRecognizer(),
        new UkNhsRecognizer(),
    ];

    public static PersonalDataDetector CreateDefault(double minimumScore = DefaultMinimumScore) =>
        new(DefaultRecognizers(), minimumScore);

    /// <param name="text">Text to scan.</param>
    /// <param name="types">Restrict to these entity types; all when null.</param>
    public IReadOnlyList<Finding> Detect(string text, IReadOnlyCollection<string>? types = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            return [];
        var findings = _recognizers
            .Where(r => types is null || r.SupportedTypes.Any(types.Contains))
            .SelectMany(r => r.Recognize(text))
            .Where(f => f.Score >= MinimumScore && (types is null || types.Contains(f.Type)));
        return OverlapResolver.Resolve(findings);
    }
}
