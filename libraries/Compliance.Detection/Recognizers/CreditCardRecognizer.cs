using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Payment card numbers: 12-19 digits, optionally grouped by single spaces or dashes, with a known issuer
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
                if (digits.Length < 12)
                    break;
                if (digits.Length <= 19 && Checksums.Luhn(digits) && IssuerOf(digits) is not null && !IsRepeated(digits))
                    return new Candidate(match.Index + starts[first], match.Index + ends[last], 0.95);
            }
        }
        return null;
    }

    /// <summary>
    /// Issuer for a card number by its IIN prefix and length, or null when no known scheme matches. The ranges are
    /// the schemes' published ones still issued (12-19 digits): Maestro from 12 digits, JCB's 15-digit 1800/2131,
    /// UATP, Mir, RuPay, Verve, Troy, Dankort, UnionPay, InterPayment and the rest.
    /// </summary>
    public static string? IssuerOf(string digits)
    {
        var n = digits.Length;
        if (n is < 12 or > 19)
            return null;
        int Prefix(int length) => int.Parse(digits.AsSpan(0, length));

        if (digits[0] == '4' && n is 13 or 16 or 19)
            return "Visa";
        if (n == 16 && (Prefix(2) is >= 51 and <= 55 || Prefix(4) is >= 2221 and <= 2720))
            return "Mastercard";
        if (n == 15 && Prefix(2) is 34 or 37)
            return "American Express";
        if (n == 15 && Prefix(4) is 1800 or 2131)
            return "JCB";
        if (n is >= 16 and <= 19 && Prefix(4) is >= 3528 and <= 3589)
            return "JCB";
        if (n is >= 16 and <= 19 && (digits.StartsWith("6011", StringComparison.Ordinal) || Prefix(3) is >= 644 and <= 649 || Prefix(2) == 65
            || Prefix(6) is >= 622126 and <= 622925))
            return "Discover";
        if (n is >= 14 and <= 19 && (Prefix(3) is >= 300 and <= 305 || Prefix(2) is 36 or 38 or 39 || Prefix(4) == 3095))
            return "Diners Club";
        if (n is >= 12 and <= 19 && (Prefix(4) is 5018 or 5020 or 5038 or 5893 or 6304 or 6759 or 6761 or 6762 or 6763 or 6771 or 6799
            || Prefix(6) is 676770 or 676774))
            return "Maestro";
        if (n is >= 16 and <= 19 && Prefix(2) == 62)
            return "UnionPay";
        if (n is >= 16 and <= 19 && Prefix(4) is >= 2200 and <= 2204)
            return "Mir";
        if (n == 15 && digits[0] == '1')
            return "UATP";
        if (n == 16 && Prefix(4) == 5019)
            return "Dankort";
        if (n == 16 && Prefix(4) == 9792)
            return "Troy";
        if (n is 16 or 18 or 19 && (Prefix(6) is >= 506099 and <= 506198 || Prefix(6) is >= 650002 and <= 650027))
            return "Verve";
        if (n == 16 && (Prefix(2) is 60 or 81 or 82 || Prefix(3) == 508 || Prefix(3) == 353 || Prefix(3) == 356))
            return "RuPay";
        if (n is >= 16 and <= 19 && Prefix(3) == 636)
            return "InterPayment";
        if (n == 16 && Prefix(3) is >= 637 and <= 639)
            return "InstaPayment";
        if (n is >= 16 and <= 19 && Prefix(4) is 6706 or 6709)
            return "Laser";
        if (n == 16 && (Prefix(6) is 636368 or 438935 or 504175 or 451416 or 636297 || Prefix(4) is 5067 or 4576 or 4011 || Prefix(6) == 606282))
            return "Elo/Hipercard";
        return null;
    }

    private static bool IsRepeated(string digits) => digits.AsSpan().IndexOfAnyExcept(digits[0]) < 0;
}
