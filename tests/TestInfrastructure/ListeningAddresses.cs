using System.Globalization;
using System.Net;

namespace SpecialistPlatform.TestInfrastructure;

/// <summary>Which TCP addresses a set of processes listen on, read from /proc: lets a test prove that
/// nothing we start listens beyond loopback.</summary>
public static class ListeningAddresses
{
    private const string ListenState = "0A";

    public static IReadOnlyList<string> Of(IEnumerable<int> pids)
    {
        var socketInodes = pids.SelectMany(SocketInodes).ToHashSet();
        return [.. ReadTable("/proc/net/tcp", ipv6: false).Concat(ReadTable("/proc/net/tcp6", ipv6: true))
            .Where(entry => socketInodes.Contains(entry.Inode))
            .Select(entry => entry.Endpoint)
            .Distinct()];
    }

    public static bool IsLoopback(string endpoint) =>
        IPAddress.TryParse(endpoint[..endpoint.LastIndexOf(':')], out var address) && IPAddress.IsLoopback(address);

    private static IEnumerable<string> SocketInodes(int pid)
    {
        string[] links;
        try
        {
            links = Directory.GetFiles($"/proc/{pid}/fd");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var link in links)
        {
            var target = new FileInfo(link).LinkTarget;
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                yield return target["socket:[".Length..^1];
            }
        }
    }

    private static IEnumerable<(string Endpoint, string Inode)> ReadTable(string path, bool ipv6)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 10 || fields[3] != ListenState)
            {
                continue;
            }

            var (addressHex, portHex) = (fields[1].Split(':')[0], fields[1].Split(':')[1]);
            var port = int.Parse(portHex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            yield return ($"{Decode(addressHex, ipv6)}:{port}", fields[9]);
        }
    }

    // /proc/net/tcp prints addresses as host-order 32-bit words in hex.
    private static string Decode(string hex, bool ipv6)
    {
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        var address = new IPAddress(bytes);
        return ipv6 && address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : address.ToString();
    }
}
