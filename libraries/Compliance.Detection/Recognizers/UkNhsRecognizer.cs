using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// NHS numbers: ten digits, usually 3-3-4, with a mod-11 check digit. About one random ten-digit number in
/// eleven passes the check, so without context ("NHS", "patient") the score stays low.
/// </summary>
public sealed partial class UkNhsRecognizer() : PatternRecognizer(
    PersonalDataTypes.UkNhs,
    new ContextWords(["nhs", "health", "patient", "hospital", "gp", "national health", "chi", "medical", "nhsno"]),
    contextBoost: 0.5)
{
    [GeneratedRegex(@"(?<![\w\-.])[0-9]{3}(?<sep>[ \-]?)[0-9]{3}\k<sep>[0-9]{4}(?![\w]|[\-.][0-9])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Nhs();

    protected override IEnumerable<Regex> Patterns => [Nhs()];

    protected override Candidate? Validate(string text, Match match)
    {
        var digits = DigitsOf(match.Value);
        if (!Checksums.NhsMod11(digits) || digits.AsSpan().IndexOfAnyExcept(digits[0]) < 0)
            return null;
        return Candidate.Of(match, match.Groups["sep"].Length > 0 ? 0.4 : 0.2);
    }
}
