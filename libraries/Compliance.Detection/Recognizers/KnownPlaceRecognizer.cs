using System.Collections.Frozen;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Known countries, regions and cities (<see cref="KnownPlaces"/>) as LOCATION, for the real places the entity tagger
/// has not seen in a context it knows ("Kraków", "Đà Nẵng", "Be'er Sheva, Israel"). Names match whole-word and
/// case-sensitively on their capitalised form, the longest first ("Tel Aviv-Yafo" before "Tel Aviv"), or in capitals on a
/// line without lower-case letters (a shipping label). Rules:
/// <list type="bullet">
/// <item>Names that are also common words or given names (<see cref="KnownPlaces.Ambiguous"/>: "Nice", "Split", "Sofia",
/// "Jordan") count only in a locative context: after a place preposition ("in", "to", "from", "near", "at", "nach", "aus",
/// "à", "en", "w", "v" ...), after a postcode ("06000 Nice"), after a comma that follows a street line (a digit before the
/// comma on the same line), before ", " and a known country or region or a state code ("Victoria, Australia",
/// "Austin, TX"), before a postcode ("Split 21000"), or alone on a line under a line with a digit (a postal block).</item>
/// <item>Never inside an e-mail address, URL or domain, inside a hyphenated compound ("Berlin-Mitte"), or before a street
/// word ("London Road" is a street: the street rules handle it).</item>
/// <item>Score 0.6; beside another capitalised word that is not the sentence's first ("Paris Hilton", "Air France",
/// "Bank of Georgia", "Duke of York") only in a locative context as above, and then 0.4, so that a tagger PERSON or ORGANIZATION over it (0.85 x its probability) wins the overlap from
/// a probability of 0.48 up, and in the plain case from 0.71 up.</item>
/// </list>
/// </summary>
public sealed class KnownPlaceRecognizer : IRecognizer
{
    private sealed record Entry(string Name, bool Ambiguous);

    private static readonly FrozenDictionary<string, Entry[]> ByFirstWord;
    private static readonly FrozenDictionary<string, Entry[]> ByFirstWordUpper;
    private static readonly FrozenDictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> Lookup;
    private static readonly FrozenDictionary<string, Entry[]>.AlternateLookup<ReadOnlySpan<char>> LookupUpper;

    static KnownPlaceRecognizer()
    {
        var ambiguous = new HashSet<string>(KnownPlaces.Ambiguous, StringComparer.Ordinal);
        ambiguous.UnionWith(KnownPlaces.MoreAmbiguous);
        var names = new HashSet<string>(StringComparer.Ordinal);
        names.UnionWith(KnownPlaces.Countries);
        names.UnionWith(KnownPlaces.Regions);
        names.UnionWith(KnownPlaces.Cities);
        names.UnionWith(KnownPlaces.Ambiguous);
        names.UnionWith(KnownPlaces.MoreRegions);
        names.UnionWith(KnownPlaces.MoreCities);
        names.UnionWith(KnownPlaces.MoreAmbiguous);
        var entries = names.Select(n => new Entry(n, ambiguous.Contains(n))).ToList();
        ByFirstWord = entries.GroupBy(e => FirstWord(e.Name), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Name.Length).ToArray(), StringComparer.Ordinal);
        ByFirstWordUpper = entries.Where(e => e.Name.Any(char.IsLower)).GroupBy(e => FirstWord(e.Name).ToUpperInvariant(), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Name.Length).ToArray(), StringComparer.Ordinal);
        Lookup = ByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        LookupUpper = ByFirstWordUpper.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static string FirstWord(string name)
    {
        var i = 0;
        while (i < name.Length && IsLetter(name[i]))
            i++;
        return name[..i];
    }

    private static bool IsLetter(char c) => char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    /// <summary>Whether <paramref name="name"/> is in the list (any form, ambiguous ones included).</summary>
    public static bool IsKnownPlace(string name) =>
        ByFirstWord.TryGetValue(FirstWord(name), out var entries) && entries.Any(e => e.Name == name);

    private static bool IsUnambiguousPlace(string name) =>
        ByFirstWord.TryGetValue(FirstWord(name), out var entries) && entries.Any(e => e.Name == name && !e.Ambiguous);

    /// <summary>Words after which a capitalised place word starts a place ("in", "nach", "à" ...), compared case-insensitively.</summary>
    private static readonly FrozenSet<string> LocativeWords = new[]
    {
        "in", "to", "from", "near", "at", "into", "around", "outside", "via", "visit", "visiting", "visited", "toward", "towards", "across",
        "nach", "aus", "bei", "von", "à", "en", "au", "aux", "desde", "hacia", "em", "para", "no", "na", "w", "we", "z", "ze", "do", "v", "ve", "u",
        "til", "fra", "från", "till", "naar", "uit", "nel", "da", "di",
        "lives", "live", "living", "based", "born", "moved", "moving", "travel", "travelling", "traveling", "flight", "fly", "flying",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Street-type words: a place name before one names a street ("London Road"), left to the street rules.</summary>
    private static readonly FrozenSet<string> StreetWords = new[]
    {
        "Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Ln", "Drive", "Dr", "Boulevard", "Blvd", "Way", "Place", "Pl", "Square", "Court",
        "Terrace", "Crescent", "Close", "Highway", "Hwy", "Parkway", "Straße", "Strasse", "Str", "Allee", "Platz", "Weg", "Gasse", "Ring", "Damm",
        "Ufer", "Chaussee", "Landstraße", "mnt", "tn", "pst", "iela", "út", "utca", "gate", "vei", "veien", "Gate", "Iela", "Út", "Utca",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Currency words: a place before one names money ("UK pounds", "US dollars"), not where someone is.</summary>
    private static readonly FrozenSet<string> MoneyWords = new[]
    {
        "pound", "pounds", "sterling", "dollar", "dollars", "euro", "euros", "franc", "francs", "krone", "kroner", "krona", "kronor", "yen",
        "yuan", "renminbi", "rupee", "rupees", "peso", "pesos", "real", "reais", "rand", "lira", "forint", "zloty", "złoty", "koruna", "leu", "lei",
        "currency", "shekel", "shekels", "dinar", "dirham", "riyal", "won", "ringgit", "rupiah", "baht", "dong",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Lower-case linking words inside a capitalised name ("Bank of Georgia", "Universidad de Chile").</summary>
    private static readonly FrozenSet<string> NameLinks = new[] { "of", "de", "del", "da", "do", "di", "du", "des", "der", "van", "von", "the", "and", "&" }
        .ToFrozenSet(StringComparer.Ordinal);

    public string Name => nameof(KnownPlaceRecognizer);

    public IReadOnlyCollection<string> SupportedTypes => [PersonalDataTypes.Location];

    public IEnumerable<Finding> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var findings = new List<Finding>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLower(c) && (i == 0 || !AttachedBefore(text[i - 1])) && LowerCasePlace(text, i) is { } lower)
            {
                findings.Add(new Finding(PersonalDataTypes.Location, i, i + lower, 0.6, Name));
                i += lower;
                continue;
            }
            if (!(char.IsUpper(c) || char.IsLetter(c) && !char.IsLower(c)) || (i > 0 && AttachedBefore(text[i - 1])))
            {
                i++;
                continue;
            }
            var wordEnd = i;
            while (wordEnd < text.Length && IsLetter(text[wordEnd]))
                wordEnd++;
            var word = text.AsSpan(i, wordEnd - i);
            var match = Match(text, i, word);
            if (match is { } m && Accept(text, i, i + m.Name.Length, m)
                && Score(text, i, i + m.Name.Length) is var score && (score >= 0.6 || m.Ambiguous || Locative(text, i, i + m.Name.Length)))
            {
                findings.Add(new Finding(PersonalDataTypes.Location, i, i + m.Name.Length, score, Name));
                i += m.Name.Length;
                continue;
            }
            i = Math.Max(wordEnd, i + 1);
        }
        return findings;
    }

    /// <summary>
    /// A place written in lower case, as chats write everything ("moving to atlanta??", "im in lisbon rn"): only on a line
    /// with no capital letter, only a name that is no common word of any language the gazetteer knows and not ambiguous,
    /// and only right after a place word ("to", "in", "from"...). Returns the name's length, or null.
    /// </summary>
    private static int? LowerCasePlace(string text, int start)
    {
        var end = start;
        while (end < text.Length && IsLetter(text[end]))
            end++;
        if (end - start < 4 || end - start > 40)
            return null;
        // The cheap test first: most lower-case words are no place; the context tests run only for those that are.
        Span<char> titled = stackalloc char[end - start];
        text.AsSpan(start, end - start).CopyTo(titled);
        titled[0] = char.ToUpperInvariant(titled[0]);
        if (!Lookup.TryGetValue(titled, out var entries) || !Locative(text, start, end) || !LineHasNoUpperCase(text, start))
            return null;
        foreach (var e in entries)
            if (!e.Ambiguous && text.AsSpan(start).StartsWith(e.Name, StringComparison.OrdinalIgnoreCase) && EndsWord(text, start + e.Name.Length)
                && !Tagging.EntityGazetteer.Default.IsCommonOrEnglishWord(text.AsSpan(start, e.Name.Length)))
                return e.Name.Length;
        return null;
    }

    private static bool AttachedBefore(char c) => IsLetter(c) || char.IsDigit(c) || c is '@' or '.' or '/' or '_' or '-' or '\'' or '#' or '&' or '=';

    private static Entry? Match(string text, int start, ReadOnlySpan<char> word)
    {
        if (Lookup.TryGetValue(word, out var entries))
            foreach (var e in entries)
                if (text.AsSpan(start).StartsWith(e.Name, StringComparison.Ordinal) && EndsWord(text, start + e.Name.Length))
                    return e;
        if (word.Length >= 3 && IsAllCaps(word) && LookupUpper.TryGetValue(word, out entries) && LineHasNoLowerCase(text, start))
            foreach (var e in entries)
                if (text.AsSpan(start).StartsWith(e.Name, StringComparison.OrdinalIgnoreCase) && EndsWord(text, start + e.Name.Length))
                    return e;
        return null;
    }

    private static bool IsAllCaps(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (char.IsLower(c))
                return false;
        return true;
    }

    private static bool LineHasNoLowerCase(string text, int at) => !LineHasAny(text, at, char.IsLower);

    private static bool LineHasNoUpperCase(string text, int at) => !LineHasAny(text, at, char.IsUpper);

    /// <summary>Whether a character of the line holding <paramref name="at"/> passes <paramref name="test"/>.</summary>
    private static bool LineHasAny(string text, int at, Func<char, bool> test)
    {
        var s = at;
        while (s > 0 && text[s - 1] != '\n')
            s--;
        var e = at;
        while (e < text.Length && text[e] != '\n')
            e++;
        for (var k = s; k < e; k++)
            if (test(text[k]))
                return true;
        return false;
    }

    /// <summary>The name ends a word: no letter or digit after it, no hyphenated or dotted continuation, a possessive "'s" allowed.</summary>
    private static bool EndsWord(string text, int end)
    {
        if (end >= text.Length)
            return true;
        var c = text[end];
        if (IsLetter(c) || char.IsDigit(c) || c is '@' or '_')
            return false;
        if (c is '-' or '.' or '/' or '\'' or '’' && end + 1 < text.Length && IsLetter(text[end + 1]))
            return c is '\'' or '’' && text[end + 1] == 's' && (end + 2 >= text.Length || !IsLetter(text[end + 2]));
        return true;
    }

    private static bool Accept(string text, int start, int end, Entry entry)
    {
        if (InsideAddressOrLink(text, start, end))
            return false;
        var (next, _) = NextWord(text, end);
        if (StreetWords.Contains(next) || MoneyWords.Contains(next))
            return false;
        return !entry.Ambiguous || Locative(text, start, end);
    }

    /// <summary>Whether the whitespace-delimited chunk around the name is an e-mail address, URL or domain.</summary>
    private static bool InsideAddressOrLink(string text, int start, int end)
    {
        var s = start;
        while (s > 0 && !char.IsWhiteSpace(text[s - 1]) && start - s < 200)
            s--;
        var e = end;
        while (e < text.Length && !char.IsWhiteSpace(text[e]) && e - end < 200)
            e++;
        var chunk = text.AsSpan(s, e - s);
        return chunk.Contains('@') || chunk.Contains("://", StringComparison.Ordinal) || chunk.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }

    private static bool Locative(string text, int start, int end)
    {
        var (previous, previousStart) = PreviousWord(text, start);
        if (previous.Length > 0 && OnlySpacesBetween(text, previousStart + previous.Length, start)
            && (LocativeWords.Contains(previous) || char.IsUpper(previous[0]) && SentenceStart(text, previousStart) && LocativeWords.Contains(previous.ToLowerInvariant())))
            return true;
        // Before: a postcode ("06000 Nice"), or a comma after a street line ("Obala 5, Split").
        var p = start - 1;
        while (p >= 0 && text[p] == ' ')
            p--;
        if (p >= 0 && char.IsDigit(text[p]))
        {
            var digits = 0;
            while (p >= 0 && (char.IsDigit(text[p]) || text[p] == '-'))
            {
                digits += char.IsDigit(text[p]) ? 1 : 0;
                p--;
            }
            if (digits >= 4)
                return true;
        }
        else if (p >= 0 && text[p] == ',')
        {
            for (var k = p - 1; k >= 0 && text[k] != '\n' && p - k < 120; k--)
                if (char.IsDigit(text[k]))
                    return true;
        }
        // After: ", Country / Region / state code" or a postcode.
        var q = end;
        if (q < text.Length && text[q] == ',')
        {
            q++;
            while (q < text.Length && text[q] == ' ')
                q++;
            var wordEnd = q;
            while (wordEnd < text.Length && (IsLetter(text[wordEnd]) || text[wordEnd] == ' ' && wordEnd + 1 < text.Length && char.IsUpper(text[wordEnd + 1])))
                wordEnd++;
            var after = text[q..wordEnd].TrimEnd();
            if (after.Length == 2 && after.All(char.IsUpper) && ZipCodeRecognizer.States.Contains(after))
                return true;
            for (var cut = after.Length; cut > 0; cut = after.LastIndexOf(' ', cut - 1) is var sp && sp > 0 ? sp : 0)
                if (IsUnambiguousPlace(after[..cut]))
                    return true;
        }
        else
        {
            while (q < text.Length && text[q] == ' ')
                q++;
            var digits = 0;
            while (q < text.Length && char.IsDigit(text[q]))
            {
                digits++;
                q++;
            }
            if (digits >= 4 && (q >= text.Length || !char.IsLetterOrDigit(text[q])))
                return true;
        }
        // Alone on a line under a line with a digit (a postal block).
        var lineStart = start;
        while (lineStart > 0 && text[lineStart - 1] != '\n')
            lineStart--;
        var lineEnd = end;
        while (lineEnd < text.Length && text[lineEnd] != '\n')
            lineEnd++;
        if (lineStart > 0 && text.AsSpan(lineStart, start - lineStart).Trim().IsEmpty && text.AsSpan(end, lineEnd - end).Trim().IsEmpty)
        {
            for (var k = lineStart - 2; k >= 0 && text[k] != '\n'; k--)
                if (char.IsDigit(text[k]))
                    return true;
        }
        return false;
    }

    private static bool OnlySpacesBetween(string text, int from, int to)
    {
        for (var k = from; k < to; k++)
            if (text[k] != ' ')
                return false;
        return to > from;
    }

    private static double Score(string text, int start, int end)
    {
        var (next, nextStart) = NextWord(text, end);
        if (next.Length > 0 && char.IsUpper(next[0]) && OnlySpacesBetween(text, end, nextStart))
            return 0.4;
        if (next.Length > 0 && NameLinks.Contains(next) && OnlySpacesBetween(text, end, nextStart))
        {
            var (afterLink, afterStart) = NextWord(text, nextStart + next.Length);
            if (afterLink.Length > 0 && char.IsUpper(afterLink[0]) && OnlySpacesBetween(text, nextStart + next.Length, afterStart) && !IsKnownPlace(afterLink))
                return 0.4;
        }
        var (previous, previousStart) = PreviousWord(text, start);
        if (previous.Length > 0 && OnlySpacesBetween(text, previousStart + previous.Length, start))
        {
            if (char.IsUpper(previous[0]) && !SentenceStart(text, previousStart) && !IsKnownPlace(previous))
                return 0.4;
            if (NameLinks.Contains(previous))
            {
                var (beforeLink, beforeStart) = PreviousWord(text, previousStart);
                if (beforeLink.Length > 0 && char.IsUpper(beforeLink[0]) && OnlySpacesBetween(text, beforeStart + beforeLink.Length, previousStart) && !IsKnownPlace(beforeLink))
                    return 0.4;
            }
        }
        return 0.6;
    }

    private static bool SentenceStart(string text, int at)
    {
        var p = at - 1;
        while (p >= 0 && text[p] == ' ')
            p--;
        return p < 0 || text[p] is '.' or '!' or '?' or '\n' or ':' or '"' or '(' or '-' or '\u2014';
    }

    private static (string Word, int Start) NextWord(string text, int from)
    {
        var i = from;
        while (i < text.Length && text[i] == ' ')
            i++;
        var s = i;
        while (i < text.Length && (IsLetter(text[i]) || text[i] == '&'))
            i++;
        if (i < text.Length && text[i] == '.' && i > s)
            return (text[s..i], s);
        return (text[s..i], s);
    }

    private static (string Word, int Start) PreviousWord(string text, int before)
    {
        var i = before;
        while (i > 0 && text[i - 1] == ' ')
            i--;
        var e = i;
        while (i > 0 && (IsLetter(text[i - 1]) || text[i - 1] == '&'))
            i--;
        return (text[i..e], i);
    }
}
