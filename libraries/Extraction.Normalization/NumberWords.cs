using System.Collections.Frozen;
using System.Globalization;

namespace SpecialistPlatform.Extraction.Normalization;

/// <summary>A number phrase found in a token list: its value, how many tokens it used, whether it was an ordinal.</summary>
internal readonly record struct NumberPhrase(decimal Value, int TokenCount, bool IsOrdinal);

/// <summary>
/// English cardinal and ordinal number words ("two", "a dozen", "one hundred and five", "twenty-first"),
/// digits ("1,234.5", "24th") and digits with scale words ("2 dozen", "1.5 million").
/// </summary>
internal static class NumberWords
{
    private static readonly FrozenDictionary<string, int> Units = new Dictionary<string, int>
    {
        ["zero"] = 0, ["nought"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13,
        ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, int> Tens = new Dictionary<string, int>
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70,
        ["eighty"] = 80, ["ninety"] = 90,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, int> OrdinalUnits = new Dictionary<string, int>
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["thirteenth"] = 13,
        ["fourteenth"] = 14, ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17, ["eighteenth"] = 18,
        ["nineteenth"] = 19, ["twentieth"] = 20, ["thirtieth"] = 30,
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, decimal> Scales = new Dictionary<string, decimal>
    {
        ["thousand"] = 1_000m, ["million"] = 1_000_000m, ["billion"] = 1_000_000_000m,
    }.ToFrozenDictionary();

    /// <summary>Words that mean "some" without a number; a normaliser reports them as vague, not as a guess.</summary>
    public static readonly FrozenSet<string> VagueQuantities =
        FrozenSet.ToFrozenSet(["few", "several", "some", "many", "lots", "handful", "numerous", "various"]);

    private static readonly FrozenSet<string> OrdinalSuffixes = FrozenSet.ToFrozenSet(["st", "nd", "rd", "th"]);

    public static bool IsNumberWord(string word) =>
        Units.ContainsKey(word) || Tens.ContainsKey(word) || OrdinalUnits.ContainsKey(word) || Scales.ContainsKey(word)
        || word is "hundred" or "dozen" or "couple";

    /// <summary>Parses the longest number phrase starting at <paramref name="start"/>, or returns null.</summary>
    public static NumberPhrase? Parse(IReadOnlyList<Token> tokens, int start)
    {
        decimal total = 0, current = 0;
        var i = start;
        var used = 0; // tokens that belong to the phrase (trailing "and"/"a" are given back)
        var any = false;
        var lastWasUnit = false;
        var lastWasTens = false;

        while (i < tokens.Count)
        {
            var token = tokens[i];
            var word = token.Text;
            var adjacentNext = i + 1 < tokens.Count && tokens[i + 1].Start == token.End;

            if (token.IsNumeric)
            {
                if (any || !TryParseDigits(word, out var number))
                    break;
                current = number;
                any = true;
                i++;
                used = i - start;
                if (adjacentNext && OrdinalSuffixes.Contains(tokens[i].Text) && number == decimal.Truncate(number))
                    return new NumberPhrase(number, used + 1, true);
                lastWasUnit = true;
                continue;
            }
            if ((word is "a" or "an") && !any && i + 1 < tokens.Count
                && tokens[i + 1].Text is "dozen" or "hundred" or "thousand" or "million" or "billion" or "couple")
            {
                current = 1;
                i++;
                continue;
            }
            if (word == "half" && !any && i + 2 < tokens.Count && tokens[i + 1].Text is "a" && tokens[i + 2].Text == "dozen")
            {
                current = 6;
                any = true;
                i += 3;
                used = i - start;
                continue;
            }
            if (word == "and" && any && i + 1 < tokens.Count && (Units.ContainsKey(tokens[i + 1].Text) || Tens.ContainsKey(tokens[i + 1].Text)))
            {
                i++;
                lastWasUnit = lastWasTens = false;
                continue;
            }
            if (Units.TryGetValue(word, out var unit))
            {
                if (lastWasUnit || (lastWasTens && unit >= 10))
                    break;
                current += unit;
                lastWasUnit = true;
                lastWasTens = false;
            }
            else if (Tens.TryGetValue(word, out var tens))
            {
                if (lastWasUnit || lastWasTens || current % 100 != 0)
                    break;
                current += tens;
                lastWasTens = true;
            }
            else if (OrdinalUnits.TryGetValue(word, out var ordinal))
            {
                if (lastWasUnit || (lastWasTens && ordinal >= 10))
                    break;
                return new NumberPhrase(total + current + ordinal, i + 1 - start, true);
            }
            else if (word == "hundred")
            {
                current = (current == 0 ? 1 : current) * 100;
                lastWasUnit = lastWasTens = false;
            }
            else if (word == "dozen")
            {
                current = (current == 0 ? 1 : current) * 12;
                lastWasUnit = true;
                lastWasTens = false;
            }
            else if (word == "couple" && current <= 1 && !any)
            {
                current = 2;
                lastWasUnit = true;
            }
            else if (Scales.TryGetValue(word, out var scale))
            {
                total += (current == 0 ? 1 : current) * scale;
                current = 0;
                lastWasUnit = lastWasTens = false;
            }
            else
            {
                break;
            }
            any = true;
            i++;
            used = i - start;
        }
        return any && used > 0 ? new NumberPhrase(total + current, used, false) : null;
    }

    /// <summary>
    /// Digits with separators: "1,234.56" and "1234.5" read with a decimal point; "1.234,56" and "12,5" (a
    /// comma followed by one or two digits) with a decimal comma; "1,234" as a thousands group.
    /// </summary>
    public static bool TryParseDigits(string text, out decimal value)
    {
        value = 0;
        var lastDot = text.LastIndexOf('.');
        var lastComma = text.LastIndexOf(',');
        string normalized;
        if (lastDot >= 0 && lastComma >= 0)
        {
            var decimalSep = lastDot > lastComma ? '.' : ',';
            var groupSep = decimalSep == '.' ? ',' : '.';
            var intPart = text[..Math.Max(lastDot, lastComma)];
            if (intPart.Contains(decimalSep) || !ValidGroups(intPart, groupSep))
                return false;
            normalized = intPart.Replace(groupSep.ToString(), "", StringComparison.Ordinal) + "." + text[(Math.Max(lastDot, lastComma) + 1)..];
        }
        else if (lastComma >= 0)
        {
            var fraction = text.Length - lastComma - 1;
            if (text.Count(c => c == ',') == 1 && fraction is 1 or 2)
                normalized = text.Replace(',', '.');
            else if (ValidGroups(text, ','))
                normalized = text.Replace(",", "", StringComparison.Ordinal);
            else
                return false;
        }
        else if (lastDot >= 0 && text.Count(c => c == '.') > 1)
        {
            if (!ValidGroups(text, '.'))
                return false;
            normalized = text.Replace(".", "", StringComparison.Ordinal);
        }
        else
        {
            normalized = text;
        }
        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool ValidGroups(string text, char separator)
    {
        var groups = text.Split(separator);
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }
}
