using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Payment card numbers: 13-19 digits, optionally grouped by single spaces or dashes, with a known issuer
/// prefix and a valid Luhn check digit. When a run of digit groups is longer than a card (a card beside
/// another number) the longest valid run of whole groups, earliest first, is taken.
/// </summary>
public sealed partial class CreditCardRecognizer() : PatternRecognizer(
    PersonalDataTypes.CreditCard,
    new ContextWords(["card", "credit", "debit", "visa", "mastercard", "amex", "maestro", "discover", "jcb",
        "unionpay", "cc", "pan", "payment", "pay", "paid", "expiry", "cvv", "charge", "charged", "karte", "kreditkarte", "carte", "tarjeta"]),
    contextBoost: 0.05)
{
    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9]{2,}(?:[ \-][0-9]{2,}){0,6}(?![0-9A-Za-z])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Digits();

    protected override IEnumerable<Regex> Patterns => [Digits()];

    protected override Candidate? Validate(string text, Match match)
    {
        // Group boundaries: a card may sit inside a longer run ("ref 12 4111 1111 1111 1111 exp 09").
        var value = match.Value;
        var starts = new List<int> { 0 };
        var ends = new List<int>();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] is ' ' or '-')
            {
                ends.Add(i);
                starts.Add(i + 1);
            }
        }
        ends.Add(value.Length);

        for (var first = 0; first < starts.Count; first++)
        {
            for (var last = ends.Count - 1; last >= first; last--)
            {
                var digits = DigitsOf(value[starts[first]..ends[last]]);
                if (digits.Length < 13)
                    break;
                if (digits.Length <= 19 && Checksums.Luhn(digits) && IssuerOf(digits) is not null && !IsRepeated(digits))
                    return new Candidate(match.Index + starts[first], match.Index + ends[last], 0.95);
            }
        }
        return null;
    }

    /// <summary>Issuer for a card number by its IIN prefix and length, or null when no known scheme matches.</summary>
    public static string? IssuerOf(string digits)
    {
        var n = digits.Length;
        int Prefix(int length) => int.Parse(digits.AsSpan(0, length));

        if (digits[0] == '4' && n is 13 or 16 or 19)
            return "Visa";
        if (n == 16 && (Prefix(2) is >= 51 and <= 55 || Prefix(4) is >= 2221 and <= 2720))
            return "Mastercard";
        if (n == 15 && Prefix(2) is 34 or 37)
            return "American Express";
        if (n is >= 16 and <= 19 && (digits.StartsWith("6011", StringComparison.Ordinal) || Prefix(3) is >= 644 and <= 649 || Prefix(2) == 65))
            return "Discover";
        if (n is >= 16 and <= 19 && Prefix(4) is >= 3528 and <= 3589)
            return "JCB";
        if (n is >= 14 and <= 19 && (Prefix(3) is >= 300 and <= 305 || Prefix(2) is 36 or 38 or 39))
            return "Diners Club";
        if (n is >= 16 and <= 19 && Prefix(2) == 62)
            return "UnionPay";
        if (n is >= 13 and <= 19 && (Prefix(4) is 5018 or 5020 or 5038 or 5893 or 6304 or 6759 or 6761 or 6762 or 6763))
            return "Maestro";
        return null;
    }

    private static bool IsRepeated(string digits) => digits.AsSpan().IndexOfAnyExcept(digits[0]) < 0;
}
