using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Email addresses: an RFC 5322 dot-atom local part (no quoted forms), a host of DNS labels, and a
/// top-level domain that is a two-letter country code or a known generic one. Unknown but well-formed
/// TLDs still match, at a lower score.
/// </summary>
public sealed partial class EmailRecognizer() : PatternRecognizer(
    PersonalDataTypes.EmailAddress,
    new ContextWords(["email", "e-mail", "mail", "address", "contact", "reach", "write", "inbox"]),
    contextBoost: 0.1)
{
    private const string AddressPattern =
        @"(?<![\w.+\-@])[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,63})(?![\w\-@])";

    [GeneratedRegex(AddressPattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Address();

    [GeneratedRegex(@"\G" + AddressPattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex AddressAt();

    protected override IEnumerable<Regex> Patterns => [Address()];

    // Every address has an '@': scan from each one instead of trying the pattern at every word.
    protected override IEnumerable<Match> Candidates(string text) =>
        AnchoredMatches(text, AddressAt(), '@', IsLocalChar, CanStart, maxRun: 256);

    private static bool IsLocalChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~-.".Contains(c);

    private static bool CanStart(string text, int p) =>
        text[p] != '.' && IsLocalChar(text[p]) && (p == 0 || !(IsWordChar(text[p - 1]) || text[p - 1] is '.' or '+' or '-' or '@'));

    protected override Candidate? Validate(string text, Match match)
    {
        var at = match.Value.IndexOf('@');
        if (at > 64 || match.Length > 254)
            return null;
        return Candidate.Of(match, IsKnownTld(match.Groups[1].Value) ? 0.9 : 0.4);
    }

    public static bool IsKnownTld(string tld) => tld.Length == 2 || TopLevelDomains.Generic.Contains(tld);
}
