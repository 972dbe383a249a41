using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// A US or Australian state code right before a ZIP or postcode ("Columbus, OH 43215", "Sydney NSW 2000") as a
/// LOCATION. Alone, "OH" or "WA" is a word or an abbreviation of anything; before a postcode it is part of an address,
/// and the entity tagger, which reads it as one more capitalised token, mostly leaves it out.
/// </summary>
public sealed partial class StateCodeRecognizer() : PatternRecognizer(PersonalDataTypes.Location, new ContextWords([]), contextBoost: 0)
{
    [GeneratedRegex(@"(?<![\w])(?<state>[A-Z]{2,3})(?=,?[ ]+[0-9]{4,5}(?:-[0-9]{4})?(?![\w]|[.\-/][0-9]))", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex StateBeforePostcode();

    protected override IEnumerable<Regex> Patterns => [StateBeforePostcode()];

    protected override Candidate? Validate(string text, Match match) =>
        ZipCodeRecognizer.States.Contains(match.Value) ? Candidate.Of(match, 0.6) : null;
}
