using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// IPv4 and IPv6 addresses: a loose candidate pattern, then <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>
/// decides. Dotted quads need four decimal octets of at most 255; IPv6 candidates must stand apart from
/// words so that "std::vector" or "12:30:45" are not addresses.
/// </summary>
public sealed partial class IpAddressRecognizer() : PatternRecognizer(
    PersonalDataTypes.IpAddress,
    new ContextWords(["ip", "ipv4", "ipv6", "address", "host", "server", "client", "login", "logged", "connection",
        "connected", "from", "source", "remote", "gateway", "router"]),
    contextBoost: 0.3)
{
    [GeneratedRegex(@"(?<![\w.])(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?![\w]|\.[0-9])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex V4();

    private const string V6Pattern =
        @"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:[0-9]{1,3}\.){3}[0-9]{1,3}|[0-9A-Fa-f]{1,4})?(?:%[0-9A-Za-z]+)?(?![\w:]|\.[0-9])";

    [GeneratedRegex(V6Pattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex V6();

    [GeneratedRegex(@"\G" + V6Pattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex V6At();

    protected override IEnumerable<Regex> Patterns => [V4(), V6()];

    // An IPv6 candidate can start at any hex letter, that is in most words, but has a colon within its first five
    // characters: scan from the colons instead. A candidate that starts at a colon ("::1") is tried from the next
    // colon, whose run of hex digits and colons reaches back to it.
    protected override IEnumerable<Match> Candidates(string text)
    {
        foreach (Match match in V4().Matches(text))
            yield return match;
        foreach (var match in AnchoredMatches(text, V6At(), ':', IsV6RunChar, CanStartV6, maxRun: 8))
            yield return match;
    }

    private static bool IsV6RunChar(char c) => char.IsAsciiHexDigit(c) || c == ':';

    private static bool CanStartV6(string text, int p) =>
        IsV6RunChar(text[p]) && (p == 0 || !(IsWordChar(text[p - 1]) || text[p - 1] is ':' or '.'));

    protected override Candidate? Validate(string text, Match match)
    {
        var value = match.Value;
        if (value.Contains(':'))
        {
            if (value.Length < 3 || !value.Any(char.IsAsciiDigit))
                return null;
            // A trailing single colon is punctuation ("at fe80::1: ..."), never part of an address.
            if (value.EndsWith(':') && !value.EndsWith("::", StringComparison.Ordinal))
                return null;
            return IPAddress.TryParse(value, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
                ? Candidate.Of(match, 0.6)
                : null;
        }
        foreach (var octet in value.Split('.'))
        {
            if (int.Parse(octet) > 255 || (octet.Length > 1 && octet[0] == '0'))
                return null;
        }
        return IPAddress.TryParse(value, out var v4) && v4.AddressFamily == AddressFamily.InterNetwork
            ? Candidate.Of(match, 0.6)
            : null;
    }
}
