using System.Collections.Frozen;
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
    private static readonly FrozenSet<string> GenericTlds = FrozenSet.ToFrozenSet(
    [
        "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "mobi", "app", "dev", "io",
        "ai", "cloud", "online", "site", "tech", "store", "shop", "blog", "email", "xyz", "top", "club", "page",
        "agency", "company", "solutions", "services", "digital", "media", "network", "systems", "global", "world",
        "team", "work", "life", "live", "news", "health", "bank", "law", "legal", "finance", "money", "insurance",
        "london", "berlin", "paris", "nyc", "aero", "coop", "museum", "travel", "jobs", "tel", "asia", "cat", "eu",
        "academy", "center", "consulting", "design", "energy", "group", "host", "institute", "international",
        "limited", "ltd", "management", "marketing", "partners", "software", "studio", "support", "technology",
        "today", "tools", "university", "ventures", "website", "zone", "mail", "me", "example", "test",
    ], StringComparer.OrdinalIgnoreCase);

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

    public static bool IsKnownTld(string tld) => tld.Length == 2 || GenericTlds.Contains(tld);
}
