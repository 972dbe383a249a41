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

    /// <summary>
    /// An age stated of a person without "years": "I'm 29, Muslim, ...", "my grandmother is 91 and lives alone", "she
    /// turned 40". Only after a person (I, he, she, a relative, a patient) and before a pause, so "I'm 5 minutes away"
    /// and "the total is 91" stay out.
    /// </summary>
    [GeneratedRegex(@"(?<![\w])(?:I'm|I’m|I\s+am|[Hh]e's|[Ss]he's|[Hh]e\s+is|[Ss]he\s+is|[Hh]e\s+was|[Ss]he\s+was|(?:[Gg]rand)?(?:mother|father|ma|pa|mum|mom|dad|son|daughter|brother|sister|wife|husband|partner|neighbou?r|patient|child|baby|boy|girl|friend)\s+is)\s+(?<n>[0-9]{1,3})(?=\s*(?:[,.;!?)]|$)|\s+and\s|\s+now\b)|(?<![\w])(?:[Tt]urned|[Tt]urns|[Tt]urning|[Tt]urn)\s+(?<n>[0-9]{1,3})(?![\w]|[.,][0-9]|\s*(?:%|percent|degrees|°|times|minutes|pages|km|miles|pounds|euros|dollars))", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex StatedAge();

    protected override IEnumerable<Regex> Patterns => [Age(), StatedAge()];

    protected override Candidate? Validate(string text, Match match)
    {
        var n = match.Groups["n"];
        var age = int.Parse(n.Value, CultureInfo.InvariantCulture);
        return age is >= 0 and <= 130 ? new Candidate(n.Index, n.Index + n.Length, 0.75) : null;
    }
}
