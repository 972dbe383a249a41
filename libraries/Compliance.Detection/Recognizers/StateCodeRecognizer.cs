using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// A US or Australian state code right before a ZIP or postcode ("Columbus, OH 43215", "Sydney NSW 2000") as a
/// LOCATION. Alone, "OH" or "WA" is a word or an abbreviation of anything; before a postcode it is part of an address,
/// and the entity tagger, which reads it as one more capitalised token, mostly leaves it out. Also a US, Australian,
/// Canadian or Brazilian state code after a town the place list knows, ending the field or before a Canadian postcode
/// ("Austin, TX)", "Melbourne VIC", "Montréal QC H3H 1M6", "São Paulo - SP,"): the town says it is an address.
/// </summary>
public sealed partial class StateCodeRecognizer() : PatternRecognizer(PersonalDataTypes.Location, new ContextWords([]), contextBoost: 0)
{
    [GeneratedRegex(@"(?<![\w])(?<state>[A-Z]{2,3})(?=,?[ ]+[0-9]{4,5}(?:-[0-9]{4})?(?![\w]|[.\-/][0-9]))", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex StateBeforePostcode();

    /// <summary>A state code after one to three capitalised words and ", ", " " or " - ", at the field's end or before a Canadian postcode.</summary>
    [GeneratedRegex(@"(?<town>\p{Lu}[\p{L}\p{M}'’.\-]*(?:[ ]\p{Lu}[\p{L}\p{M}'’.\-]*){0,2})(?<sep>,[ ]|[ ]-[ ]|[ ]|/)(?<state>[A-Z]{2,3})(?=[ ]*(?:\r?\n|$|[),;]|[ ][A-Z][0-9][A-Z][ ]?[0-9][A-Z][0-9]))", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex StateAfterTown();

    private static readonly FrozenSet<string> CanadianProvinces = new[] { "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT" }
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Brazil's states: only after " - " or "/" ("São Paulo - SP", "Rio de Janeiro/RJ"), as most are English words or abbreviations too.</summary>
    private static readonly FrozenSet<string> BrazilianStates = new[]
    {
        "AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA", "PB", "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC",
        "SP", "SE", "TO",
    }.ToFrozenSet(StringComparer.Ordinal);

    protected override IEnumerable<Regex> Patterns => [StateBeforePostcode(), StateAfterTown()];

    protected override Candidate? Validate(string text, Match match)
    {
        var state = match.Groups["state"];
        if (!match.Groups["town"].Success)
            return ZipCodeRecognizer.States.Contains(match.Value) ? Candidate.Of(match, 0.6) : null;
        var separator = match.Groups["sep"].Value;
        var known = ZipCodeRecognizer.States.Contains(state.Value) || CanadianProvinces.Contains(state.Value)
            || separator is " - " or "/" && BrazilianStates.Contains(state.Value);
        return known && KnownPlaceRecognizer.IsKnownPlace(match.Groups["town"].Value) ? new Candidate(state.Index, state.Index + state.Length, 0.6) : null;
    }
}
