using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// International bank account numbers (ISO 13616): a country code with its registered length, written
/// either without separators or in groups of four separated by single spaces (or dashes), and a valid
/// mod-97 check.
/// </summary>
public sealed partial class IbanRecognizer() : PatternRecognizer(
    PersonalDataTypes.Iban,
    new ContextWords(["iban", "bank", "account", "acct", "transfer", "wire", "bic", "swift", "sepa", "payee", "konto", "compte"]),
    contextBoost: 0.05)
{
    /// <summary>Registered IBAN length per country (ISO 13616 registry).</summary>
    public static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24,
        ["DE"] = 22, ["DJ"] = 27, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18,
        ["FK"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27,
        ["GT"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26, ["IT"] = 27,
        ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20,
        ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MN"] = 20, ["MR"] = 27,
        ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23, ["PK"] = 24, ["PL"] = 28,
        ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24, ["SC"] = 31,
        ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25, ["SV"] = 28,
        ["TL"] = 23, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20, ["YE"] = 30,
    }.ToFrozenDictionary();

    // Anchored on the check digits (the country code sits in a lookbehind): the scan then jumps from digit
    // pair to digit pair instead of trying every letter of the text.
    [GeneratedRegex(@"(?<=(?<![A-Za-z0-9])[A-Za-z]{2})[0-9]{2}(?=[ \-]?[A-Za-z0-9])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Start();

    protected override IEnumerable<Regex> Patterns => [Start()];

    protected override Candidate? Validate(string text, Match match)
    {
        var start = match.Index - 2;
        var country = text.Substring(start, 2).ToUpperInvariant();
        if (!Lengths.TryGetValue(country, out var length))
            return null;

        Span<char> compact = stackalloc char[length];
        var count = 0;
        var i = start;
        char? separator = null;
        while (count < length && i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c))
            {
                compact[count++] = c;
                i++;
            }
            else if (c is ' ' or '-' && count % 4 == 0 && (separator is null || separator == c)
                     && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]))
            {
                separator = c;
                i++;
            }
            else
            {
                break;
            }
        }
        if (count != length || (i < text.Length && char.IsAsciiLetterOrDigit(text[i])))
            return null;
        // Grouped IBANs put a separator after every full group; "GB82 WESTXXXX..." is not an IBAN layout.
        if (separator is not null && !GroupedEvenly(text.AsSpan(start, i - start), separator.Value))
            return null;
        return Checksums.IbanMod97(compact) ? new Candidate(start, i, 0.95) : null;
    }

    private static bool GroupedEvenly(ReadOnlySpan<char> value, char separator)
    {
        var run = 0;
        foreach (var c in value)
        {
            if (c == separator)
            {
                if (run != 4)
                    return false;
                run = 0;
            }
            else
            {
                run++;
            }
        }
        return run is >= 1 and <= 4;
    }
}
