using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Postcodes where an address puts them: a UK postcode anywhere (its letter-digit shape is distinctive); a US ZIP
/// (or ZIP+4) or Australian postcode after a state code ("OH 43215", "NSW 2000"); and the continental forms before a
/// capitalised town, on an address line's start or after a comma ("70173 Stuttgart", "90-006 Łódź", "100 00 Praha",
/// "114 55 Stockholm", ", 101 Reykjavík"). A bare number elsewhere is never a postcode here.
/// </summary>
public sealed partial class ZipCodeRecognizer() : PatternRecognizer(PersonalDataTypes.ZipCode,
    new ContextWords(["zip", "postcode", "postal", "post", "code", "plz", "cp", "cep", "address", "adresse", "dirección", "indirizzo", "adres", "adresa"]),
    contextBoost: 0.15)
{
    internal static readonly FrozenSet<string> States = new[]
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
        "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
        "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR",
        "NSW", "VIC", "QLD", "SA", "WA", "TAS", "ACT", "NT",
    }.ToFrozenSet(StringComparer.Ordinal);

    [GeneratedRegex(@"(?<![\w])(?<uk>(?:[A-PR-UWYZ][A-HK-Y]?[0-9][A-Z0-9]?) ?[0-9][ABD-HJLNP-UW-Z]{2})(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex UkPostcode();

    [GeneratedRegex(@"(?<=(?<![\w])(?<state>[A-Z]{2,3}),?[ ]+)(?<us>[0-9]{4,5}(?:-[0-9]{4})?)(?![\w]|[.\-/][0-9])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex AfterState();

    /// <summary>At a line's start (after optional spaces) or after a comma, before a capitalised town.</summary>
    [GeneratedRegex(@"(?<=(?:^|\n|,)[ \t]*)(?<town>[0-9]{4,5}|[0-9]{2}-[0-9]{3}|[0-9]{3} [0-9]{2}|[0-9]{3}|[0-9]{6,7})(?=[ ]+\p{Lu}\p{Ll})", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex BeforeTown();

    protected override IEnumerable<Regex> Patterns => [UkPostcode(), AfterState(), BeforeTown()];

    protected override Candidate? Validate(string text, Match match)
    {
        if (match.Groups["uk"].Success)
            return Candidate.Of(match, 0.6);
        if (match.Groups["us"].Success)
            return States.Contains(match.Groups["state"].Value) ? Candidate.Of(match, 0.6) : null;
        var value = match.Value;
        // Three digits alone ("101 Reykjavík") and six or seven ("6688218") only after a comma, where a street came first;
        // at a line's start they are as often a count ("300 Spartans").
        var afterComma = PreviousNonSpace(text, match.Index) == ',';
        if ((value.Length == 3 || value.Length >= 6 && !value.Contains(' ', StringComparison.Ordinal) && !value.Contains('-', StringComparison.Ordinal)) && !afterComma)
            return null;
        return TownFollows(text, match.Index + match.Length) ? Candidate.Of(match, afterComma ? 0.55 : 0.5) : null;
    }

    /// <summary>
    /// What follows is a town: at most three words up to the line's end or the next comma, none of them a street word
    /// ("4410 Maple Grove Drive, ..." is a house number; "2200 København N" and "100 00 Praha 10" are postcodes).
    /// </summary>
    private static bool TownFollows(string text, int from)
    {
        var end = text.IndexOfAny([',', '\n'], from);
        if (end < 0)
            end = text.Length;
        var words = text[from..end].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 3)
            return false;
        foreach (var word in words)
        {
            var cls = Tagging.EntityGazetteer.Default.Lookup(word.TrimEnd('.').ToLowerInvariant());
            if ((cls & (Tagging.GazetteerClass.StreetSuffix | Tagging.GazetteerClass.StreetWord)) != 0 && (cls & Tagging.GazetteerClass.CityWord) == 0)
                return false;
        }
        return true;
    }

    private static char PreviousNonSpace(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] is ' ' or '\t')
            i--;
        return i >= 0 ? text[i] : '\n';
    }
}
