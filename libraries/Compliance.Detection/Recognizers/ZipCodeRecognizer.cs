using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Postcodes where addresses put them, for about forty countries. Shapes that stand on their own with light context:
/// UK ("SW1A 1AA"), Canada ("M5V 2T6"), Irish Eircodes ("D07 X2K4"), the Netherlands ("1012 AB" before a town),
/// Argentina ("C1425DKF", "C1425 CABA"), Japan after 〒, Brazil's CEP ("01310-100") in an address field. Digits-only
/// postcodes need something that licenses them (see <see cref="PostcodeContext"/>): a US ZIP (or ZIP+4) or Australian
/// postcode after a state code ("OH 43215", "NSW 2000"); a label ("PLZ 10115", "Code postal : 75008", "PSČ 110 00",
/// "C.P. 06700"); a country prefix ("D-10115", "CH-8001", "PL-00-950", "LV-1010"); a town after it at a line's start or
/// after a comma ("70173 Stuttgart", "90-006 Łódź", "100 00 Praha", ", 101 Reykjavík", "1000-001 Lisboa"), or mid-line
/// after an address preposition or before a known town ("moved to 1051 Budapest"); a town before it at the end of an
/// address field ("Bengaluru - 560034", "Tel Aviv 6688218, Israel", "Tokyo 150-0001"), when the town follows a comma,
/// opens a line under a street line, or is a known place; alone on a line under a town line. Counts, prices, rooms,
/// orders, versions, years in a sentence and the like never fire.
/// </summary>
public sealed partial class ZipCodeRecognizer() : PatternRecognizer(PersonalDataTypes.ZipCode,
    new ContextWords(["zip", "postcode", "postal", "post", "code", "plz", "cp", "cep", "address", "adresse", "dirección", "indirizzo", "adres", "adresa"]),
    contextBoost: 0.15)
{
    internal static readonly FrozenSet<string> States = new[]
    {
        "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD",
        "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD",
        "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "PR",
        "NSW", "VIC", "QLD", "SA", "WA", "TAS", "ACT", "NT",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Country prefixes written before a postcode ("D-10115") and the digit shapes each country's postcodes take.</summary>
    private static readonly FrozenDictionary<string, string> PrefixShapes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["D"] = "5", ["DE"] = "5", ["A"] = "4", ["AT"] = "4", ["CH"] = "4", ["FL"] = "4", ["LI"] = "4", ["PL"] = "2-3", ["F"] = "5",
        ["FR"] = "5", ["MC"] = "5", ["I"] = "5", ["IT"] = "5", ["B"] = "4", ["BE"] = "4", ["L"] = "4", ["LU"] = "4", ["NL"] = "4",
        ["CZ"] = "3 2|5", ["SK"] = "3 2|5", ["H"] = "4", ["HU"] = "4", ["LV"] = "4", ["LT"] = "5", ["EE"] = "5", ["EST"] = "5",
        ["FI"] = "5", ["FIN"] = "5", ["S"] = "3 2|5", ["SE"] = "3 2|5", ["N"] = "4", ["NO"] = "4", ["DK"] = "4", ["IS"] = "3",
        ["HR"] = "5", ["SI"] = "4", ["SLO"] = "4", ["RO"] = "6", ["BG"] = "4", ["GR"] = "3 2|5", ["TR"] = "5", ["E"] = "5",
        ["ES"] = "5", ["P"] = "4-3|4", ["PT"] = "4-3|4", ["RS"] = "5", ["SRB"] = "5", ["BIH"] = "5", ["BA"] = "5", ["ME"] = "5",
        ["MK"] = "4", ["AL"] = "4", ["CY"] = "4", ["UA"] = "5", ["RUS"] = "6", ["IL"] = "7|5", ["IRL"] = "",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    [GeneratedRegex(@"(?<![\w])(?<uk>(?:[A-PR-UWYZ][A-HK-Y]?[0-9][A-Z0-9]?) ?[0-9][ABD-HJLNP-UW-Z]{2})(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex UkPostcode();

    [GeneratedRegex(@"(?<=(?<![\w])(?<state>[A-Z]{2,3}),?[ ]+)(?<us>[0-9]{4,5}(?:-[0-9]{4})?)(?![\w]|[.\-/][0-9])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex AfterState();

    [GeneratedRegex(@"(?<![\w])(?<ca>[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] ?[0-9][ABCEGHJ-NPRSTV-Z][0-9])(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Canada();

    [GeneratedRegex(@"(?<![\w])(?<ie>(?:[AC-FHKNPRTV-Y][0-9]{2}|D6W) ?[0-9AC-FHKNPRTV-Y]{4})(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Eircode();

    [GeneratedRegex(@"(?<![\w\-])(?<nl>[1-9][0-9]{3} ?[A-Z]{2})(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Netherlands();

    [GeneratedRegex(@"(?<![\w\-])(?<ar>[A-HJ-NP-Z][0-9]{4}(?:[A-Z]{3})?)(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Argentina();

    [GeneratedRegex(@"〒 ?(?<jp>[0-9]{3}-?[0-9]{4})(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex JapanMark();

    [GeneratedRegex(@"(?<![\w\-])(?<cc>[A-Z]{1,3})-(?<pnum>[0-9]{2}-[0-9]{3}|[0-9]{3} [0-9]{2}|[0-9]{4}-[0-9]{3}|[0-9]{3,7})(?![\w]|[.,:/\-][0-9])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Prefixed();

    /// <summary>Every digits-only shape, not inside a longer number, date, price, decimal or phone number.</summary>
    [GeneratedRegex(@"(?<![\w.,/:+#%$€£\-]|[0-9][ ])(?<num>[0-9]{5}-[0-9]{4}|[0-9]{5}-[0-9]{3}|[0-9]{4}-[0-9]{3}|[0-9]{3}-[0-9]{4}|[0-9]{2}-[0-9]{3}|[1-9][0-9]{2} [0-9]{3}|[0-9]{3} [0-9]{2}|[0-9]{3,7})(?![\w]|[.,:/%\-][0-9]|[ ][0-9])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Digits();

    [GeneratedRegex(@"\G ?[A-Z]{2}(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex DutchLetters();

    protected override IEnumerable<Regex> Patterns =>
        [UkPostcode(), AfterState(), Canada(), Eircode(), Netherlands(), Argentina(), JapanMark(), Prefixed(), Digits()];

    protected override Candidate? Validate(string text, Match match)
    {
        if (match.Groups["uk"].Success)
            return match.Value.Contains(' ', StringComparison.Ordinal) || CompactUkLicensed(text, match) ? Candidate.Of(match, 0.6) : null;
        if (match.Groups["us"].Success)
        {
            // "NY, 1899" is a year after a state; a ZIP after a comma is five digits.
            var comma = text.LastIndexOf(',', match.Index - 1, match.Index - match.Groups["state"].Index - match.Groups["state"].Length) >= 0;
            return States.Contains(match.Groups["state"].Value) && (!comma || match.Value.Length >= 5) ? Candidate.Of(match, 0.6) : null;
        }
        if (match.Groups["ca"].Success)
            return match.Value.Contains(' ', StringComparison.Ordinal) || PostcodeContext.LabelBefore(text, match.Index) ? Candidate.Of(match, 0.55) : null;
        if (match.Groups["ie"].Success)
            return Eircode(text, match);
        if (match.Groups["nl"].Success)
            return Dutch(text, match);
        if (match.Groups["ar"].Success)
            return Argentine(text, match);
        if (match.Groups["jp"].Success)
        {
            var g = match.Groups["jp"];
            return new Candidate(g.Index, g.Index + g.Length, 0.7);
        }
        if (match.Groups["cc"].Success)
            return Prefix(text, match);
        return DigitsOnly(text, match.Index, match.Index + match.Length);
    }

    /// <summary>
    /// A UK postcode written without its space ("BS65AE") looks like any reference code ("BX7W2PF"): only after a label,
    /// at an address field's start (line start, comma) or after a town, and at a field's end.
    /// </summary>
    private static bool CompactUkLicensed(string text, Match match)
    {
        if (PostcodeContext.LabelBefore(text, match.Index))
            return true;
        var end = match.Index + match.Length;
        if (!PostcodeContext.EndsField(text, end))
            return false;
        return PostcodeContext.PreviousNonSpace(text, match.Index) is ',' or '\n' || PostcodeContext.TownBefore(text, match.Index, false, out _, out _);
    }

    private static Candidate? Eircode(string text, Match match)
    {
        var unique = match.Value[^4..];
        if (!unique.Any(char.IsLetter) || !unique.Any(char.IsDigit))
            return null;
        return match.Value.Contains(' ', StringComparison.Ordinal) || PostcodeContext.LabelBefore(text, match.Index) ? Candidate.Of(match, 0.55) : null;
    }

    private static Candidate? Dutch(string text, Match match)
    {
        var letters = match.Value[^2..];
        if (letters is "SA" or "SD" or "SS" || PostcodeContext.NumberWordBefore(text, match.Index))
            return null;
        var end = match.Index + match.Length;
        if (PostcodeContext.LabelBefore(text, match.Index) || PostcodeContext.StrictTownFollows(text, end, out _))
            return Candidate.Of(match, 0.55);
        return null;
    }

    private static Candidate? Argentine(string text, Match match)
    {
        var end = match.Index + match.Length;
        var label = PostcodeContext.LabelBefore(text, match.Index);
        var fieldStart = PostcodeContext.PreviousNonSpace(text, match.Index) is ',' or '\n' or ';';
        var townNext = end + 1 < text.Length && text[end] == ' ' && char.IsUpper(text[end + 1]);
        if (match.Value.Length == 8)
            return label || fieldStart || townNext || PostcodeContext.EndsField(text, end) ? Candidate.Of(match, 0.55) : null;
        return (label || fieldStart) && townNext ? Candidate.Of(match, 0.5) : null;
    }

    private static Candidate? Prefix(string text, Match match)
    {
        if (!PrefixShapes.TryGetValue(match.Groups["cc"].Value, out var shapes) || !shapes.Split('|').Contains(ShapeOf(match.Groups["pnum"].Value)))
            return null;
        var end = match.Index + match.Length;
        var townNext = end + 1 < text.Length && text[end] == ' ' && char.IsUpper(text[end + 1]);
        if (!townNext && (match.Groups["cc"].Length == 1 || !PostcodeContext.EndsField(text, end)))
            return null;
        return PostcodeContext.NumberWordBefore(text, match.Index) ? null : Candidate.Of(match, 0.6);
    }

    /// <summary>"5", "2-3", "3 2", "4-3" ...: the digit-group lengths of a postcode with its separators.</summary>
    private static string ShapeOf(string value)
    {
        var shape = new System.Text.StringBuilder();
        var run = 0;
        foreach (var c in value)
        {
            if (char.IsDigit(c))
            {
                run++;
                continue;
            }
            shape.Append(run).Append(c);
            run = 0;
        }
        return shape.Append(run).ToString();
    }

    private static Candidate? DigitsOnly(string text, int start, int end)
    {
        var value = text[start..end];
        // No country numbers a postcode all zeros ("Doha 0000": a placeholder where Qatar has none).
        if (!value.Any(c => c is >= '1' and <= '9'))
            return null;
        var shape = ShapeOf(value);
        if (PostcodeContext.LabelBefore(text, start))
            return shape is "5-4" or "3-4" or "5-3" or "4-3" or "2-3" or "3 2" or "3 3" or "3" or "4" or "5" or "6" or "7" ? new Candidate(start, end, 0.65) : null;
        if (PostcodeContext.NumberWordBefore(text, start) || StateBefore(text, start))
            return null;
        if (shape == "4" && DutchLetters().IsMatch(text, end))
            return null;
        var previous = PostcodeContext.PreviousNonSpace(text, start);
        var afterComma = previous is ',' or ';';
        var fieldStart = afterComma || previous == '\n';
        if (LowerCaseAddress(text, start, end, shape, afterComma))
            return new Candidate(start, end, 0.5);
        switch (shape)
        {
            case "5-4":
                return null;
            case "5-3":
                return fieldStart || previous == '-' || PostcodeContext.AloneOnLine(text, start, end) || PostcodeContext.TownBefore(text, start, true, out _, out _)
                    ? new Candidate(start, end, 0.55) : null;
            case "3-4":
                // Japan: "Tokyo 150-0001", and at a field's start before "Japan" or a large Japanese city ("150-0001 Japan",
                // "150-0001 Tokyo"); before any other town it is as often a local phone number ("555-1234 Chicago").
                if (AfterTown(text, start, end, yearLike: false) || fieldStart && JapanNext(text, end) && PostcodeContext.StrictTownFollows(text, end, out _))
                    return new Candidate(start, end, 0.5);
                return null;
            case "3 3":
                // An Indian PIN written in two groups ("Bengaluru 560 034"): only after a known place at a field's end, as
                // two three-digit groups are as often a phone number's pieces.
                return PostcodeContext.EndsField(text, end) && PostcodeContext.TownBefore(text, start, true, out var pinTown, out var pinKnown) && pinKnown
                    && PostcodeContext.PreviousNonSpace(text, pinTown) is ',' or '\n' or ';' ? new Candidate(start, end, 0.5) : null;
            case "2-3" or "3 2" or "4-3":
                if (fieldStart && PostcodeContext.CapitalisedWordNext(text, end) && TownFollows(text, end) || PostcodeContext.StrictTownFollows(text, end, out _))
                    return new Candidate(start, end, afterComma ? 0.55 : 0.5);
                // Portugal after its town or its name ("Lisboa 1100-053", "Portugal 1100-053").
                if (shape == "4-3" && AfterTown(text, start, end, yearLike: false))
                    return new Candidate(start, end, 0.5);
                return null;
        }
        if (shape.Length != 1)
            return null;
        var length = value.Length;
        var yearLike = PostcodeContext.IsYearLike(value);
        // Before the town.
        if (fieldStart)
        {
            var strict = PostcodeContext.StrictTownFollows(text, end, out var known);
            var block = !afterComma && PostcodeContext.InPostalBlock(text, start);
            // Three digits alone ("101 Reykjavík") and six or seven ("6688218") after a comma, in a postal block or before a
            // known town; at a line's start they are as often a count ("300 Spartans"). So is a year at a line's start.
            var licensed = afterComma || block || strict && known || (length is 4 or 5 && !yearLike);
            if (licensed && PostcodeContext.CapitalisedWordNext(text, end) && TownFollows(text, end))
                return new Candidate(start, end, afterComma ? 0.55 : 0.5);
        }
        else if (length is >= 4 and <= 6 && !yearLike && PostcodeContext.StrictTownFollows(text, end, out var known) && known)
        {
            return new Candidate(start, end, 0.5);
        }
        // After the town, at the end of an address field.
        if (length is >= 4 and <= 7 && AfterTown(text, start, end, yearLike))
            return new Candidate(start, end, 0.5);
        // Alone on a line under a town line.
        if (length is >= 4 and <= 6 && PostcodeContext.AloneOnLine(text, start, end) && PostcodeContext.TownLineAbove(text, start))
            return new Candidate(start, end, 0.5);
        return null;
    }

    /// <summary>Words after a Japanese postcode written before the place ("150-0001 Japan", "530-0001 Osaka").</summary>
    private static readonly string[] JapanesePlaces = ["Japan", "日本", "Tokyo", "Osaka", "Kyoto", "Yokohama", "Nagoya", "Sapporo", "Fukuoka", "Kobe", "Sendai", "Hiroshima"];

    private static bool JapanNext(string text, int end)
    {
        var i = end;
        while (i < text.Length && text[i] == ' ')
            i++;
        foreach (var place in JapanesePlaces)
            if (text.AsSpan(i).StartsWith(place, StringComparison.Ordinal) && (i + place.Length >= text.Length || !char.IsLetter(text[i + place.Length])))
                return true;
        return false;
    }

    /// <summary>
    /// A town right before the number, and the number ends an address field; the town follows a comma, opens a line in a
    /// postal block, or is a known place (not for a year-like number: "Paris 2024").
    /// </summary>
    private static bool AfterTown(string text, int start, int end, bool yearLike)
    {
        if (!PostcodeContext.EndsField(text, end))
            return false;
        if (!PostcodeContext.TownBefore(text, start, allowDash: end - start == 6, out var townStart, out var known))
            return false;
        var before = PostcodeContext.PreviousNonSpace(text, townStart);
        if (before is ',' or ';')
            return true;
        if (before == '\n' && PostcodeContext.InPostalBlock(text, townStart))
            return true;
        return known && !yearLike && !PostcodeContext.NumberWordBefore(text, townStart);
    }

    /// <summary>Lower-case US and Australian state codes that are no common word ("in", "or", "me", "ok", "hi" ... are left out).</summary>
    private static readonly FrozenSet<string> LowerCaseStates = new[]
    {
        "ak", "az", "ar", "ca", "ct", "dc", "fl", "ga", "ia", "il", "ks", "ky", "md", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh",
        "nj", "nm", "ny", "nc", "nd", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy", "nsw", "qld", "tas",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Addresses typed in lower case in chat ("ul. długa 5, 80-831 gdańsk", "12 mg road, bengaluru 560034", "austin, tx
    /// 78701"): the postcode's address field follows a comma after a street segment (a house number and a word), and the
    /// rest of the field is one or two lower-case words before or after the number.
    /// </summary>
    private static bool LowerCaseAddress(string text, int start, int end, string shape, bool afterComma)
    {
        if (shape is not ("2-3" or "3 2" or "4-3" or "5-3" or "4" or "5" or "6" or "7" or "5-4"))
            return false;
        // "austin, tx 78701": a lower-case state code between a comma and a five-digit ZIP at the field's end.
        if (shape is "5" or "5-4" && PostcodeContext.EndsField(text, end))
        {
            var state = PostcodeContext.PreviousWord(text, start, out var stateStart);
            if (LowerCaseStates.Contains(state) && PostcodeContext.PreviousNonSpace(text, stateStart) == ',')
                return true;
        }
        if (shape == "5-4")
            return false;
        if (afterComma)
        {
            // Postcode first: one or two lower-case words to the field's end.
            var comma = start - 1;
            while (comma >= 0 && text[comma] != ',' && text[comma] != ';')
                comma--;
            return !PostcodeContext.IsYearLike(text[start..end]) && StreetSegmentBefore(text, comma) && LowerWordsTo(text, end, forward: true);
        }
        // Town first: ", bengaluru 560034" at the field's end.
        if (!PostcodeContext.EndsField(text, end) || shape is "2-3" or "3 2" or "4-3")
            return false;
        var i = start - 1;
        if (i < 0 || text[i] != ' ')
            return false;
        var wordsStart = LowerWordsBack(text, i);
        if (wordsStart < 0)
            return false;
        var before = wordsStart - 1;
        while (before >= 0 && text[before] == ' ')
            before--;
        return before >= 0 && text[before] == ',' && StreetSegmentBefore(text, before) && !PostcodeContext.IsYearLike(text[start..end]);
    }

    /// <summary>Lower-case words that are no town after or before a number in a chat line.</summary>
    private static readonly FrozenSet<string> NotTownWords = new[]
    {
        "was", "is", "are", "were", "be", "been", "and", "or", "but", "the", "a", "an", "to", "of", "for", "in", "on", "at", "with",
        "people", "persons", "times", "years", "days", "euros", "euro", "dollars", "pounds", "units", "items", "pieces", "pcs",
        "reasons", "more", "less", "total", "only", "each", "per", "please", "thanks", "ok", "yes", "no", "left", "later", "now",
        "km", "kg", "mb", "gb", "points", "votes", "likes", "views", "followers", "members", "users", "customers", "orders",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Endings of one-word street names ("hauptstraße", "kalverstraat", "drottninggatan", "istedgade").</summary>
    private static readonly string[] StreetSuffixes =
        ["straße", "strasse", "str", "gasse", "weg", "platz", "allee", "straat", "laan", "gracht", "gatan", "gata", "vägen", "vej", "gade", "veien", "vegen", "katu", "tie", "utca"];

    /// <summary>The field before the comma at <paramref name="comma"/> is a street: a house number and a word, at most six words.</summary>
    private static bool StreetSegmentBefore(string text, int comma)
    {
        if (comma <= 0)
            return false;
        var from = comma - 1;
        while (from >= 0 && comma - from <= 64 && text[from] is not (',' or '\n'))
            from--;
        if (from >= 0 && text[from] is not (',' or '\n'))
            return false;
        from++;
        var segment = text.AsSpan(from, comma - from).Trim();
        if (segment.Length is 0 or > 60 || segment.IndexOfAnyInRange('0', '9') < 0)
            return false;
        var words = segment.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 6 && words.Any(w => w.Length >= 2 && w.All(char.IsLetter)) && words.Any(w => PostcodeContext.IsStreetWord(w) || StreetSuffixes.Any(x => w.TrimEnd('.').EndsWith(x, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>One or two lower-case words (letters only) from <paramref name="from"/> to the field's end.</summary>
    private static bool LowerWordsTo(string text, int from, bool forward)
    {
        var i = from;
        var words = 0;
        while (true)
        {
            if (i >= text.Length || text[i] != ' ')
                return false;
            while (i < text.Length && text[i] == ' ')
                i++;
            var wordStart = i;
            while (i < text.Length && char.IsLetter(text[i]))
                i++;
            if (i == wordStart || !char.IsLower(text[wordStart]) || PostcodeContext.IsStreetWord(text[wordStart..i]) || NotTownWords.Contains(text[wordStart..i]))
                return false;
            words++;
            if (words > 2)
                return false;
            if (PostcodeContext.EndsField(text, i))
                return true;
        }
    }

    /// <summary>The start of one or two lower-case words ending at <paramref name="spaceBefore"/>, or -1.</summary>
    private static int LowerWordsBack(string text, int spaceBefore)
    {
        var i = spaceBefore;
        var start = -1;
        for (var words = 0; words < 2; words++)
        {
            while (i >= 0 && text[i] == ' ')
                i--;
            var end = i + 1;
            while (i >= 0 && char.IsLetter(text[i]))
                i--;
            if (end - i - 1 < 2 || !char.IsLower(text[i + 1]) || PostcodeContext.IsStreetWord(text[(i + 1)..end]) || NotTownWords.Contains(text[(i + 1)..end]))
                return start;
            start = i + 1;
            if (i < 0 || text[i] != ' ')
                break;
            var j = i;
            while (j >= 0 && text[j] == ' ')
                j--;
            if (j < 0 || text[j] == ',')
                break;
        }
        return start;
    }

    /// <summary>A US or Australian state code before the number: <see cref="AfterState"/> reports it.</summary>
    private static bool StateBefore(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && text[i] == ' ')
            i--;
        if (i >= 0 && text[i] == ',')
            i--;
        var end = i + 1;
        while (i >= 0 && text[i] is >= 'A' and <= 'Z')
            i--;
        return end - i - 1 is 2 or 3 && (i < 0 || !char.IsLetterOrDigit(text[i])) && States.Contains(text[(i + 1)..end]);
    }

    /// <summary>
    /// What follows is a town: at most three words up to the line's end or the next comma, none of them a street word
    /// ("4410 Maple Grove Drive, ..." is a house number; "2200 København N" and "100 00 Praha 10" are postcodes).
    /// </summary>
    private static bool TownFollows(string text, int from)
    {
        var end = text.AsSpan(from, Math.Min(text.Length - from, 121)).IndexOfAny(',', '\n');
        if (end < 0 && text.Length - from > 120)
            return false;
        end = end < 0 ? text.Length : from + end;
        // The town may end its sentence mid-line: "au 14 rue des Trois-Frères, 75018 Paris. Le code de la porte ...".
        var sentenceEnd = text.IndexOf(". ", from, end - from, StringComparison.Ordinal);
        if (sentenceEnd > from && sentenceEnd + 2 < text.Length && char.IsUpper(text[sentenceEnd + 2]) && !text.AsSpan(from, sentenceEnd - from).TrimStart().Equals("St", StringComparison.Ordinal))
            end = sentenceEnd + 1;
        // A full stop that ends the sentence is no abbreviation ("8010 Graz." is no "Str."), "9000 St. Gallen" keeps its own.
        var town = text[from..end].TrimEnd();
        if (town.EndsWith('.') && !town.EndsWith(" St.", StringComparison.Ordinal) && (end == text.Length || text[end] is '\n' or ' '))
            town = town[..^1];
        var words = town.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 3)
            return false;
        foreach (var word in words)
        {
            var cls = Tagging.EntityGazetteer.Default.Lookup(word.TrimEnd('.').ToLowerInvariant());
            if ((cls & (Tagging.GazetteerClass.StreetSuffix | Tagging.GazetteerClass.StreetWord)) != 0 && (cls & Tagging.GazetteerClass.CityWord) == 0)
                return false;
            // Street words of languages the gazetteer lacks ("1100 Congress Ave", "12 Rua Augusta"); "St." for Saint and
            // one-letter districts ("København N") stay towns.
            if (word.Length > 1 && word.TrimEnd('.').Length > 1 && PostcodeContext.IsStreetWord(word) && !word.Equals("St.", StringComparison.Ordinal))
                return false;
        }
        return true;
    }
}
