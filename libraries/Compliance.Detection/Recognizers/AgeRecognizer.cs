using System.Globalization;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Ages stated as ages: "42 years old", "42-year-old", "aged 42", "age: 42", "42 y/o". The finding covers the
/// number only (as Presidio's evaluation data marks it); ages above 130 are rejected.
/// </summary>
public sealed partial class AgeRecognizer() : PatternRecognizer(
    PersonalDataTypes.Age,
    new ContextWords(["age", "aged", "old", "born", "birthday"]),
    contextBoost: 0.0)
{
    [GeneratedRegex(@"(?<![\w.,])(?<n>[0-9]{1,3})(?:\s|-)?(?:years?|yrs?|jahre|ans|años)(?:\s|-)?(?:old|alt)\b|(?<![\w.,])(?<n>[0-9]{1,3})(?:-year-old|\s?y/o|\s?yo)\b|\b(?:aged|age(?:\s?:|\s+of|\s+is)?|alter(?:\s?:)?|âge(?:\s?:)?)\s*(?<n>[0-9]{1,3})(?![\w]|[.,][0-9])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Age();

    protected override IEnumerable<Regex> Patterns => [Age()];

    protected override Candidate? Validate(string text, Match match)
    {
        var n = match.Groups["n"];
        var age = int.Parse(n.Value, CultureInfo.InvariantCulture);
        return age is >= 0 and <= 130 ? new Candidate(n.Index, n.Index + n.Length, 0.75) : null;
    }
}
