using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Extraction.Normalization;

public sealed partial class ValueNormalizer
{
    /// <summary>ISO 4217 codes accepted, with their minor-unit digits.</summary>
    internal static readonly FrozenDictionary<string, int> Currencies = new Dictionary<string, int>
    {
        ["USD"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["JPY"] = 0, ["CHF"] = 2, ["CAD"] = 2, ["AUD"] = 2, ["NZD"] = 2,
        ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2, ["PLN"] = 2, ["CZK"] = 2, ["HUF"] = 2, ["RON"] = 2, ["BGN"] = 2,
        ["CNY"] = 2, ["HKD"] = 2, ["SGD"] = 2, ["INR"] = 2, ["ZAR"] = 2, ["BRL"] = 2, ["MXN"] = 2, ["TRY"] = 2,
        ["AED"] = 2, ["SAR"] = 2, ["ILS"] = 2, ["KRW"] = 0, ["THB"] = 2, ["ISK"] = 0, ["BHD"] = 3, ["KWD"] = 3,
        ["JOD"] = 3, ["OMR"] = 3, ["TWD"] = 2, ["MYR"] = 2, ["PHP"] = 2, ["IDR"] = 2, ["NGN"] = 2, ["KES"] = 2,
        ["EGP"] = 2, ["UAH"] = 2, ["CLP"] = 0, ["COP"] = 2, ["ARS"] = 2, ["PEN"] = 2, ["VND"] = 0,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> Symbols = new Dictionary<string, string>
    {
        ["£"] = "GBP", ["€"] = "EUR", ["¥"] = "JPY", ["₹"] = "INR", ["₩"] = "KRW", ["₪"] = "ILS", ["₺"] = "TRY",
        ["us$"] = "USD", ["c$"] = "CAD", ["ca$"] = "CAD", ["a$"] = "AUD", ["au$"] = "AUD", ["nz$"] = "NZD",
        ["hk$"] = "HKD", ["s$"] = "SGD", ["r$"] = "BRL", ["chf"] = "CHF", ["fr."] = "CHF",
    }.ToFrozenDictionary();

    /// <summary>Currency words; "dollars" is resolved through <see cref="NormalizationOptions.DollarCurrency"/>.</summary>
    internal static readonly FrozenDictionary<string, (string Currency, decimal Factor)> CurrencyWords = new Dictionary<string, (string, decimal)>
    {
        ["pound"] = ("GBP", 1m), ["pounds"] = ("GBP", 1m), ["quid"] = ("GBP", 1m), ["sterling"] = ("GBP", 1m),
        ["pence"] = ("GBP", 0.01m), ["p"] = ("GBP", 0.01m), ["euro"] = ("EUR", 1m), ["euros"] = ("EUR", 1m),
        ["cent"] = ("$", 0.01m), ["cents"] = ("$", 0.01m), ["dollar"] = ("$", 1m), ["dollars"] = ("$", 1m),
        ["bucks"] = ("$", 1m), ["yen"] = ("JPY", 1m), ["francs"] = ("CHF", 1m), ["rupees"] = ("INR", 1m),
    }.ToFrozenDictionary();

    [GeneratedRegex(@"^(?<neg>-)?\s*(?<sym>[£€¥₹₩₪₺$]|[a-z]{1,2}\$|[a-z]{3}|fr\.)\s*(?<amt>[0-9][0-9.,]*)\s*(?<scale>k|m|bn|thousand|million|billion)?$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex SymbolFirst();

    [GeneratedRegex(@"^(?<neg>-)?\s*(?<amt>[0-9][0-9.,]*)\s*(?<scale>k|m|bn|thousand|million|billion)?\s*(?<sym>[£€¥₹₩₪₺$]|[a-z]{3}|p)$", RegexOptions.CultureInvariant, 250)]
    private static partial Regex SymbolLast();

    /// <summary>
    /// A money amount: "£20.50", "EUR 1,234.56", "1.234,56 €", "$5", "20 dollars", "twenty quid", "50p",
    /// "$2.5m". A bare "$" or "dollars" means <see cref="NormalizationOptions.DollarCurrency"/>, stated in
    /// the assumptions; more decimals than the currency has are refused.
    /// </summary>
    public NormalizationResult<Money> NormalizeMoney(string text)
    {
        var s = Clean(text);
        if (s.Length == 0)
            return NormalizationResult<Money>.Failure(text, NotNormalizedReason.Empty, "No text to read an amount from.");

        var match = SymbolFirst().Match(s);
        if (!match.Success)
            match = SymbolLast().Match(s);
        if (match.Success)
        {
            if (!NumberWords.TryParseDigits(match.Groups["amt"].Value, out var amount))
                return NormalizationResult<Money>.Failure(text, NotNormalizedReason.Unrecognized, $"\"{match.Groups["amt"].Value}\" is not an amount.");
            amount *= ScaleOf(match.Groups["scale"].Value);
            if (match.Groups["neg"].Success)
                amount = -amount;
            var symbol = match.Groups["sym"].Value;
            if (symbol == "p")
                return Checked(text, amount * 0.01m, "GBP", []);
            return ResolveCurrency(symbol) switch
            {
                ({ } code, var assumption) => Checked(text, amount, code, assumption is null ? [] : [assumption]),
                _ => NormalizationResult<Money>.Failure(text, NotNormalizedReason.UnknownCurrency, $"\"{symbol.ToUpperInvariant()}\" is not a currency this normaliser knows."),
            };
        }

        // Words: "twenty dollars", "20 quid", "a hundred euros", "5 dollars 50".
        var tokens = Tokenizer.Tokenize(s);
        if (tokens.Count >= 2 && NumberWords.Parse(tokens, 0) is { IsOrdinal: false } phrase
            && phrase.TokenCount == tokens.Count - 1 && CurrencyWords.TryGetValue(tokens[^1].Text, out var word))
        {
            var (code, assumption) = word.Currency == "$" ? (Options.DollarCurrency, $"\"{tokens[^1].Text}\" read as {Options.DollarCurrency}") : (word.Currency, null);
            return Checked(text, phrase.Value * word.Factor, code, assumption is null ? [] : [assumption]);
        }
        if (tokens.Count >= 2 && NumberWords.Parse(tokens, 1) is { IsOrdinal: false } after && after.TokenCount == tokens.Count - 1
            && ResolveCurrency(tokens[0].Text) is ({ } prefixCode, var prefixAssumption))
        {
            return Checked(text, after.Value, prefixCode, prefixAssumption is null ? [] : [prefixAssumption]);
        }
        var hasNumber = tokens.Any(t => t.IsNumeric || NumberWords.IsNumberWord(t.Text));
        return NormalizationResult<Money>.Failure(text, hasNumber ? NotNormalizedReason.UnknownCurrency : NotNormalizedReason.Unrecognized,
            hasNumber ? "An amount without a currency this normaliser can tell." : "No amount found.");
    }

    private (string? Code, string? Assumption) ResolveCurrency(string symbol)
    {
        if (symbol == "$")
            return (Options.DollarCurrency, $"\"$\" read as {Options.DollarCurrency}");
        if (Symbols.TryGetValue(symbol, out var code))
            return (code, null);
        var upper = symbol.ToUpperInvariant();
        if (Currencies.ContainsKey(upper))
            return (upper, null);
        if (CurrencyWords.TryGetValue(symbol, out var word) && word.Factor == 1m)
            return word.Currency == "$" ? (Options.DollarCurrency, $"\"{symbol}\" read as {Options.DollarCurrency}") : (word.Currency, null);
        return (null, null);
    }

    private static decimal ScaleOf(string scale) => scale switch
    {
        "k" or "thousand" => 1_000m,
        "m" or "million" => 1_000_000m,
        "bn" or "billion" => 1_000_000_000m,
        _ => 1m,
    };

    private static NormalizationResult<Money> Checked(string text, decimal amount, string currency, IReadOnlyList<string> assumptions)
    {
        var digits = Currencies.GetValueOrDefault(currency, 2);
        if (decimal.Round(amount, digits) != amount)
            return NormalizationResult<Money>.Failure(text, NotNormalizedReason.TooManyDecimals,
                $"{amount} has more decimals than {currency} allows ({digits}).");
        return NormalizationResult<Money>.Success(text, new Money(amount, currency), assumptions);
    }
}
