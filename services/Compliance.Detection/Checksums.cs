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

}
