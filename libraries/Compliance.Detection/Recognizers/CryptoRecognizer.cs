using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Bitcoin addresses: legacy Base58Check (P2PKH "1…", P2SH "3…", testnet "m…"/"n…"/"2…") with a valid
/// double-SHA-256 checksum and a 21-byte payload, and segwit bech32/bech32m ("bc1…", "tb1…") with a valid
/// BIP 173/350 checksum and witness program. A checksum passes by chance about once in four billion.
/// </summary>
public sealed partial class CryptoRecognizer() : PatternRecognizer(
    PersonalDataTypes.Crypto,
    new ContextWords(["bitcoin", "btc", "wallet", "address", "crypto", "send", "receive", "satoshi", "segwit"]),
    contextBoost: 0.0)
{
    [GeneratedRegex(@"(?<![A-Za-z0-9])[13mn2][1-9A-HJ-NP-Za-km-z]{25,34}(?![A-Za-z0-9])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Base58();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:bc|tb|BC|TB)1[02-9ac-hj-np-zAC-HJ-NP-Z]{6,87}(?![A-Za-z0-9])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Bech32();

    protected override IEnumerable<Regex> Patterns => [Base58(), Bech32()];

    protected override Candidate? Validate(string text, Match match) =>
        IsValidAddress(match.Value) ? Candidate.Of(match, 1.0) : null;

    public static bool IsValidAddress(string value)
    {
        if (value.Length > 3 && (value[2] == '1') && char.ToLowerInvariant(value[0]) is 'b' or 't')
        {
            if (Checksums.Bech32Decode(value) is not { } decoded || decoded.Hrp is not ("bc" or "tb") || decoded.Data.Length < 1)
                return false;
            var version = decoded.Data[0];
            if (version > 16 || (version == 0) != (decoded.Constant == Checksums.Bech32Constant))
                return false;
            var program = Checksums.ConvertBits(decoded.Data.AsSpan(1), 5, 8, pad: false);
            return program is { Length: >= 2 and <= 40 } && (version != 0 || program.Length is 20 or 32);
        }
        var payload = Checksums.Base58CheckPayload(value);
        return payload is { Length: 21 } && payload[0] is 0x00 or 0x05 or 0x6f or 0xc4;
    }
}
