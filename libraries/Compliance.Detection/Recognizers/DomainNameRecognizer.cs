using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Bare domain names ("example.co.uk"): DNS labels ending in a known top-level domain. Generic TLDs score
/// higher than country codes; country codes that double as file extensions or abbreviations ("main.py",
/// "setup.sh") stay under the threshold unless context ("website", "domain") says otherwise.
/// </summary>
public sealed partial class DomainNameRecognizer() : PatternRecognizer(
    PersonalDataTypes.DomainName,
    new ContextWords(["domain", "website", "site", "web", "www", "visit", "url", "online", "dns", "host", "hosted", "link"]),
    contextBoost: 0.3,
    negativeContext: new ContextWords(["file", "script", "run", "import", "module", "package", "extension", "rename"]),
    contextPenalty: 0.3)
{
    private const string DomainPattern =
        @"(?<![\w@.\-/:])(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?\.)+(?<tld>[A-Za-z]{2,24})(?![\w@\-]|\.[A-Za-z0-9])";

    [GeneratedRegex(DomainPattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Domain();

    [GeneratedRegex(@"\G" + DomainPattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex DomainAt();

    protected override IEnumerable<Regex> Patterns => [Domain()];

    // Every domain has a dot: scan from each one instead of trying the pattern at every word.
    protected override IEnumerable<Match> Candidates(string text) =>
        AnchoredMatches(text, DomainAt(), '.', IsLabelChar, CanStart, maxRun: 256);

    // \p{L} and \p{N} as in the pattern: char.IsNumber also takes "²" and "Ⅻ", which IsDigit does not.
    private static bool IsLabelChar(char c) => char.IsLetter(c) || char.IsNumber(c) || c is '-' or '.';

    private static bool CanStart(string text, int p) =>
        (char.IsLetter(text[p]) || char.IsNumber(text[p])) && (p == 0 || !(IsWordChar(text[p - 1]) || text[p - 1] is '@' or '.' or '-' or '/' or ':'));

    protected override Candidate? Validate(string text, Match match)
    {
        var tld = match.Groups["tld"].Value;
        if (!TopLevelDomains.IsKnown(tld) || match.Length > 253)
            return null;
        var labels = match.Value.Split('.');
        // A registrable name needs a label with a letter before the suffix: "1.5.com" or "v2.io" are not names.
        var name = labels[^2];
        if (name.Length < 2 || !name.Any(char.IsLetter))
            return null;
        // Mixed-case words glued by a missing space ("Thanks.It was") are prose, not domains.
        if (labels.Any(l => l.Skip(1).Any(char.IsUpper)) || (char.IsAsciiLetterUpper(tld[0]) && labels.Length == 2))
            return null;
        double score = TopLevelDomains.Generic.Contains(tld) && !TopLevelDomains.Ambiguous.Contains(tld) ? 0.6
            : TopLevelDomains.Ambiguous.Contains(tld) ? 0.15
            : 0.4;
        return Candidate.Of(match, score);
    }
}
