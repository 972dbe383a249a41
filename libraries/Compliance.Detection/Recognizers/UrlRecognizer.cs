using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// URLs with a scheme (http, https, ftp) or starting "www.": the host must parse and end in a known
/// top-level domain (or be an IP address or localhost). Trailing sentence punctuation and an unbalanced
/// closing bracket are not part of the URL.
/// </summary>
public sealed partial class UrlRecognizer() : PatternRecognizer(
    PersonalDataTypes.Url,
    new ContextWords(["url", "link", "website", "site", "web", "page", "visit", "click", "open", "go", "profile"]),
    contextBoost: 0.1)
{
    [GeneratedRegex(@"(?<![\w@./])(?:(?:https?|ftp)://|www\.)[^\s<>""'`]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex UrlCandidate();

    protected override IEnumerable<Regex> Patterns => [UrlCandidate()];

    protected override Candidate? Validate(string text, Match match)
    {
        var value = match.Value;
        var end = value.Length;
        while (end > 0)
        {
            var c = value[end - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '*')
            {
                end--;
            }
            else if (c is ')' or ']' or '}' && Count(value.AsSpan(0, end), Opening(c)) < Count(value.AsSpan(0, end), c))
            {
                end--;
            }
            else
            {
                break;
            }
        }
        value = value[..end];
        var hasScheme = value.Contains("://", StringComparison.Ordinal);
        if (!Uri.TryCreate(hasScheme ? value : "http://" + value, UriKind.Absolute, out var uri) || !HostIsPlausible(uri))
            return null;
        return new Candidate(match.Index, match.Index + end, hasScheme ? 0.85 : 0.7);
    }

    private static char Opening(char closing) => closing switch { ')' => '(', ']' => '[', _ => '{' };

    private static int Count(ReadOnlySpan<char> value, char c)
    {
        var n = 0;
        foreach (var x in value)
            if (x == c)
                n++;
        return n;
    }

    private static bool HostIsPlausible(Uri uri)
    {
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
            return true;
        if (uri.HostNameType != UriHostNameType.Dns)
            return false;
        string host;
        try
        {
            host = uri.IdnHost.TrimEnd('.');
        }
        catch (UriFormatException)
        {
            // Not a valid internationalised name ("http://münchen-.de"): judge the host as written.
            host = uri.Host.TrimEnd('.');
        }
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        var dot = host.LastIndexOf('.');
        return dot > 0 && TopLevelDomains.IsKnown(host[(dot + 1)..]);
    }
}
