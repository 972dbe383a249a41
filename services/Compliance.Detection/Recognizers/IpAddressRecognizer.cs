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

    [GeneratedRegex(@"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:[0-9]{1,3}\.){3}[0-9]{1,3}|[0-9A-Fa-f]{1,4})?(?:%[0-9A-Za-z]+)?(?![\w:]|\.[0-9])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex V6();

    protected override IEnumerable<Regex> Patterns => [V4(), V6()];

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
