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
    [GeneratedRegex(
        @"(?<![\w.+\-@])[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,63})(?![\w\-@])",
        RegexOptions.CultureInvariant, 250)]
    private static partial Regex Address();

    protected override IEnumerable<Regex> Patterns => [Address()];

    protected override Candidate? Validate(string text, Match match)
    {
        var at = match.Value.IndexOf('@');
        if (at > 64 || match.Length > 254)
            return null;
        return Candidate.Of(match, IsKnownTld(match.Groups[1].Value) ? 0.9 : 0.4);
    }

    public static bool IsKnownTld(string tld) => tld.Length == 2 || TopLevelDomains.Generic.Contains(tld);
}
