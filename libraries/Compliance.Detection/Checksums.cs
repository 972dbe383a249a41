namespace SpecialistPlatform.Compliance.Detection;

/// <summary>The check-digit schemes the recognizers validate against.</summary>
public static class Checksums
{
    /// <summary>Luhn (mod 10) over ASCII digits; false for anything else.</summary>
    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        if (digits.Length == 0)
            return false;
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var c = digits[i];
            if (c is < '0' or > '9')
                return false;
            var d = c - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                    d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /// <summary>ISO 7064 mod 97-10 as IBANs use it: move the first four characters to the end, letters to 10..35.</summary>
    public static bool IbanMod97(ReadOnlySpan<char> iban)
    {
        if (iban.Length < 5)
            return false;
        var remainder = 0;
        for (var k = 0; k < iban.Length; k++)
        {
            var c = char.ToUpperInvariant(iban[(k + 4) % iban.Length]);
            if (c is >= '0' and <= '9')
                remainder = (remainder * 10 + (c - '0')) % 97;
            else if (c is >= 'A' and <= 'Z')
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            else
                return false;
        }
        return remainder == 1;
    }

    /// <summary>NHS number: weights 10..2 over the first nine digits, check = 11 - sum mod 11 (11 → 0, 10 → invalid).</summary>
    public static bool NhsMod11(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 10)
            return false;
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            if (digits[i] is < '0' or > '9')
                return false;
            sum += (digits[i] - '0') * (10 - i);
        }
        var check = 11 - sum % 11;
        if (check == 11)
            check = 0;
        return check != 10 && digits[9] - '0' == check;
    }

    /// <summary>
    /// DEA registration number check: two letters then seven digits; (d1 + d3 + d5) + 2 (d2 + d4 + d6) ends in d7.
    /// </summary>
    public static bool DeaNumber(ReadOnlySpan<char> value)
    {
        if (value.Length != 9 || !char.IsAsciiLetter(value[0]) || !(char.IsAsciiLetter(value[1]) || value[1] == '9'))
            return false;
        Span<int> d = stackalloc int[7];
        for (var i = 0; i < 7; i++)
        {
            var c = value[i + 2];
            if (c is < '0' or > '9')
                return false;
            d[i] = c - '0';
        }
        var sum = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
        return sum % 10 == d[6];
    }

    private const string Base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>Decodes Base58 (Bitcoin alphabet); null when a character is outside it.</summary>
    public static byte[]? Base58Decode(ReadOnlySpan<char> value)
    {
        var bytes = new List<byte>(value.Length);
        foreach (var c in value)
        {
            var digit = Base58Alphabet.IndexOf(c);
            if (digit < 0)
                return null;
            var carry = digit;
            for (var i = 0; i < bytes.Count; i++)
            {
                carry += bytes[i] * 58;
                bytes[i] = (byte)(carry & 0xFF);
                carry >>= 8;
            }
            while (carry > 0)
            {
                bytes.Add((byte)(carry & 0xFF));
                carry >>= 8;
            }
        }
        foreach (var c in value)
        {
            if (c != '1')
                break;
            bytes.Add(0);
        }
        bytes.Reverse();
        return [.. bytes];
    }

    public static string Base58Encode(ReadOnlySpan<byte> data)
    {
        var digits = new List<int>();
        foreach (var b in data)
        {
            var carry = (int)b;
            for (var i = 0; i < digits.Count; i++)
            {
                carry += digits[i] << 8;
                digits[i] = carry % 58;
                carry /= 58;
            }
            while (carry > 0)
            {
                digits.Add(carry % 58);
                carry /= 58;
            }
        }
        var sb = new System.Text.StringBuilder();
        foreach (var b in data)
        {
            if (b != 0)
                break;
            sb.Append('1');
        }
        for (var i = digits.Count - 1; i >= 0; i--)
            sb.Append(Base58Alphabet[digits[i]]);
        return sb.ToString();
    }

    /// <summary>Base58Check: the last four bytes are the first four of SHA-256(SHA-256(rest)).</summary>
    public static byte[]? Base58CheckPayload(ReadOnlySpan<char> value)
    {
        if (Base58Decode(value) is not { Length: > 4 } raw)
            return null;
        var payload = raw.AsSpan(0, raw.Length - 4);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Security.Cryptography.SHA256.HashData(payload));
        return hash.AsSpan(0, 4).SequenceEqual(raw.AsSpan(raw.Length - 4)) ? payload.ToArray() : null;
    }

    public static string Base58CheckEncode(ReadOnlySpan<byte> payload)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Security.Cryptography.SHA256.HashData(payload));
        var all = new byte[payload.Length + 4];
        payload.CopyTo(all);
        hash.AsSpan(0, 4).CopyTo(all.AsSpan(payload.Length));
        return Base58Encode(all);
    }

    private const string Bech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    public const uint Bech32Constant = 1;
    public const uint Bech32mConstant = 0x2bc830a3;

    private static uint Bech32Polymod(ReadOnlySpan<byte> values)
    {
        ReadOnlySpan<uint> gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
        uint chk = 1;
        foreach (var v in values)
        {
            var top = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ v;
            for (var i = 0; i < 5; i++)
                if (((top >> i) & 1) != 0)
                    chk ^= gen[i];
        }
        return chk;
    }

    private static byte[] HrpExpand(string hrp)
    {
        var result = new byte[hrp.Length * 2 + 1];
        for (var i = 0; i < hrp.Length; i++)
        {
            result[i] = (byte)(hrp[i] >> 5);
            result[hrp.Length + 1 + i] = (byte)(hrp[i] & 31);
        }
        return result;
    }

    /// <summary>
    /// Verifies a bech32 (BIP 173) or bech32m (BIP 350) string and returns its human-readable part and data
    /// (checksum removed), or null. Mixed case is invalid.
    /// </summary>
    public static (string Hrp, byte[] Data, uint Constant)? Bech32Decode(string value)
    {
        if (value.Length is < 8 or > 90 || (value.Any(char.IsAsciiLetterLower) && value.Any(char.IsAsciiLetterUpper)))
            return null;
        var lower = value.ToLowerInvariant();
        var separator = lower.LastIndexOf('1');
        if (separator < 1 || separator + 7 > lower.Length)
            return null;
        var hrp = lower[..separator];
        var data = new byte[lower.Length - separator - 1];
        for (var i = 0; i < data.Length; i++)
        {
            var d = Bech32Charset.IndexOf(lower[separator + 1 + i]);
            if (d < 0)
                return null;
            data[i] = (byte)d;
        }
        var check = Bech32Polymod([.. HrpExpand(hrp), .. data]);
        if (check is not (Bech32Constant or Bech32mConstant))
            return null;
        return (hrp, data[..^6], check);
    }

    public static string Bech32Encode(string hrp, ReadOnlySpan<byte> data, uint constant)
    {
        byte[] values = [.. HrpExpand(hrp), .. data, 0, 0, 0, 0, 0, 0];
        var polymod = Bech32Polymod(values) ^ constant;
        var sb = new System.Text.StringBuilder(hrp).Append('1');
        foreach (var d in data)
            sb.Append(Bech32Charset[d]);
        for (var i = 0; i < 6; i++)
            sb.Append(Bech32Charset[(int)((polymod >> (5 * (5 - i))) & 31)]);
        return sb.ToString();
    }

    /// <summary>Regroups bits (8 → 5 for encoding a segwit program, 5 → 8 for decoding one).</summary>
    public static byte[]? ConvertBits(ReadOnlySpan<byte> data, int fromBits, int toBits, bool pad)
    {
        var acc = 0;
        var bits = 0;
        var result = new List<byte>();
        var maxv = (1 << toBits) - 1;
        foreach (var value in data)
        {
            if (value >> fromBits != 0)
                return null;
            acc = (acc << fromBits) | value;
            bits += fromBits;
            while (bits >= toBits)
            {
                bits -= toBits;
                result.Add((byte)((acc >> bits) & maxv));
            }
        }
        if (pad)
        {
            if (bits > 0)
                result.Add((byte)((acc << (toBits - bits)) & maxv));
        }
        else if (bits >= fromBits || ((acc << (toBits - bits)) & maxv) != 0)
        {
            return null;
        }
        return [.. result];
    }
}
