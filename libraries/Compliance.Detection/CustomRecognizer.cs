using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// A tenant-defined recognizer as configuration holds it (e.g. in a policy file's "recognizers" array).
/// </summary>
/// <param name="Type">Entity type the findings carry, e.g. "EMPLOYEE_ID".</param>
/// <param name="Pattern">.NET regular expression for a candidate; the whole match is the finding.</param>
/// <param name="Validator">Optional check a candidate must pass: "luhn", "mod97" (IBAN-style ISO 7064) or "mod11" (NHS-style).</param>
/// <param name="ContextWords">Words that raise the score when near the match.</param>
/// <param name="BaseScore">Score of a candidate without context, 0..1.</param>
/// <param name="ContextBoost">Added when a context word is near (capped at 1).</param>
/// <param name="NegativeContextWords">Words that lower the score when near the match.</param>
/// <param name="IgnoreCase">Match the pattern case-insensitively.</param>
public sealed record CustomRecognizerDefinition(
    string Type,
    string Pattern,
    string? Validator = null,
    IReadOnlyList<string>? ContextWords = null,
    double BaseScore = 0.5,
    double ContextBoost = 0.35,
    IReadOnlyList<string>? NegativeContextWords = null,
    bool IgnoreCase = false)
{
    public static readonly IReadOnlyList<string> Validators = ["luhn", "mod97", "mod11"];

    /// <summary>Builds the recognizer, or throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public IRecognizer ToRecognizer() => new CustomPatternRecognizer(this);
}

/// <summary>The <see cref="IRecognizer"/> a <see cref="CustomRecognizerDefinition"/> becomes.</summary>
public sealed class CustomPatternRecognizer : PatternRecognizer
{
    private readonly Regex _regex;
    private readonly Func<string, bool>? _validator;
    private readonly double _baseScore;

    public CustomPatternRecognizer(CustomRecognizerDefinition definition)
        : base(
            CheckedType(definition),
            new ContextWords(definition.ContextWords ?? []),
            CheckedScore(definition.ContextBoost, "contextBoost", definition.Type),
            definition.NegativeContextWords is { Count: > 0 } negative ? new ContextWords(negative) : null)
    {
        _baseScore = CheckedScore(definition.BaseScore, "baseScore", definition.Type);
        if (string.IsNullOrEmpty(definition.Pattern))
            throw new ArgumentException($"Custom recognizer {definition.Type}: pattern is empty.");
        try
        {
            var options = RegexOptions.CultureInvariant | (definition.IgnoreCase ? RegexOptions.IgnoreCase : RegexOptions.None);
            _regex = new Regex(definition.Pattern, options, MatchTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"Custom recognizer {definition.Type}: invalid pattern: {ex.Message}", ex);
        }
        _validator = definition.Validator?.Trim().ToLowerInvariant() switch
        {
            null or "" or "none" => null,
            "luhn" => v => Checksums.Luhn(DigitsOf(v)),
            "mod97" => v => Checksums.IbanMod97(new string(v.Where(char.IsAsciiLetterOrDigit).ToArray())),
            "mod11" => v => Checksums.NhsMod11(DigitsOf(v)),
            var other => throw new ArgumentException(
                $"Custom recognizer {definition.Type}: unknown validator '{other}' (known: {string.Join(", ", CustomRecognizerDefinition.Validators)})."),
        };
        Definition = definition;
    }

    public CustomRecognizerDefinition Definition { get; }

    public override string Name => "custom:" + Type;

    protected override IEnumerable<Regex> Patterns => [_regex];

    protected override Candidate? Validate(string text, Match match)
    {
        if (match.Length == 0 || (_validator is not null && !_validator(match.Value)))
            return null;
        return Candidate.Of(match, _baseScore);
    }

    private static string CheckedType(CustomRecognizerDefinition definition)
    {
        if (string.IsNullOrWhiteSpace(definition.Type) || !definition.Type.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            throw new ArgumentException($"Custom recognizer type '{definition.Type}' must be letters, digits and underscores.");
        return definition.Type;
    }

    private static double CheckedScore(double value, string name, string type) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentException($"Custom recognizer {type}: {name} {value} must lie in 0..1.");
}
