using System.Collections.Frozen;
using SpecialistPlatform.Compliance.Detection.Tagging;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// What licenses a digits-only postcode for <see cref="ZipCodeRecognizer"/>: a postcode label before it ("PLZ",
/// "Code postal:", "PSČ"), a town-like run of capitalised words before or after it, the line shape of a postal block
/// (a street line with a number above the town line, a country line below it), and the words that make a number
/// something else ("Room 1051", "order 75008", "1000 Euro", "March 2021"). Works on the folded text
/// (<see cref="NormalizedText"/>): spaces are ' ' and dashes '-'.
/// </summary>
internal static class PostcodeContext
{
    /// <summary>Labels that name a postcode, lower-case, longest first where one ends another.</summary>
    private static readonly string[] Labels =
    [
        "postal code", "post code", "postcode", "postcodes", "zip code", "zipcode", "zip", "plz", "postleitzahl", "c.p.", "c.p", "cp",
        "code postal", "codice postale", "cap", "código postal", "codigo postal", "cod postal", "cod poștal", "cod poştal",
        "psč", "psc", "irányítószám", "irsz.", "irsz", "cep", "postnummer", "postnr.", "postnr", "postinumero", "kod pocztowy",
        "pasto kodas", "pasta indekss", "postiindeks", "poštanski broj", "poštna številka", "пощенски код", "поштански број",
        "почтовый индекс", "индекс", "posta kodu", "τ.κ.", "τκ", "t.k.", "pin code", "pincode", "eircode", "mikud", "מיקוד",
        "postal", "〒",
        // Asian labels: Japanese, Korean, Chinese, Indonesian, Malay, Thai, Vietnamese.
        "郵便番号", "우편번호", "邮编", "邮政编码", "郵遞區號", "kode pos", "poskod", "รหัสไปรษณีย์", "mã bưu chính", "mã bưu điện",
        "zip/postal code", "postal/zip code", "c.e.p.",
        // Arabic, Persian, Hindi, Ukrainian, Greek, and abbreviations of Italian, Spanish and Portuguese labels.
        "الرمز البريدي", "کد پستی", "पिन कोड", "पिनकोड", "поштовий індекс", "ταχυδρομικός κώδικας", "c.a.p.", "cod. postal", "cód. postal",
        "c. postal",
    ];

    /// <summary>Words right before a number that make it anything but a postcode.</summary>
    private static readonly FrozenSet<string> NumberWords = new[]
    {
        "room", "rm", "order", "orders", "invoice", "ticket", "no", "nr", "nº", "number", "num", "flat", "apt", "apartment", "suite",
        "unit", "floor", "page", "pages", "p", "pp", "year", "years", "since", "cost", "costs", "price", "total", "qty", "quantity",
        "x", "eur", "usd", "chf", "pln", "gbp", "kr", "sek", "nok", "dkk", "czk", "huf", "ref", "reference", "case", "id", "pin",
        "box", "po", "postfach", "version", "v", "model", "route", "highway", "bus", "line", "flight", "gate", "platform", "tel",
        "phone", "fax", "call", "ext", "extension", "account", "acct", "card", "code", "error", "item", "items", "sku", "batch",
        "lot", "step", "level", "chapter", "section", "article", "art", "paragraph", "table", "figure", "fig", "about", "approx",
        "around", "over", "under", "only", "just", "all", "of", "for", "by", "during",
        "between", "than", "top", "best", "last", "first", "next", "the", "an", "my", "our", "your", "his",
        "her", "their", "its", "these", "those", "with", "without", "nearly", "almost", "exactly", "km", "miles", "kg", "tab",
        "zimmer", "raum", "bestellung", "rechnung", "seite", "jahr", "seit", "pokój", "zamówienie", "faktura", "rok", "pokoj",
        "objednávka", "chambre", "commande", "facture", "habitación", "pedido", "factura", "camera", "ordine", "kamer", "bestelling",
        "€", "$", "£", "#", "+", "season", "episode", "vol", "volume", "issue", "build", "release", "port", "user", "pid",
        // After an address label comes the street line and its house number ("Address: 6012 Hamill Junction").
        "address", "addr", "adresse", "adres", "adresa", "anschrift", "dirección", "direccion", "indirizzo", "endereço", "osoite",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Capitalised words that are no town before or after a number.</summary>
    private static readonly FrozenSet<string> NotTowns = new[]
    {
        "room", "windows", "office", "suite", "floor", "apt", "flat", "unit", "order", "invoice", "ticket", "box", "po", "route",
        "highway", "gate", "terminal", "flight", "platform", "building", "block", "level", "page", "chapter", "version", "model",
        "series", "number", "no", "nr", "year", "class", "grade", "bus", "line", "tram", "exit", "pier", "item", "case", "ref",
        "account", "card", "code", "pin", "phone", "fax", "mobile", "total", "price", "qty", "step", "section", "article",
        "table", "figure", "vol", "volume", "issue", "season", "episode", "part", "step", "phase", "sprint", "release", "build",
        "iphone", "galaxy", "pixel", "xbox", "playstation", "boeing", "airbus", "apollo", "euro", "euros", "dollar", "dollars",
        "pounds", "franken", "kronen", "kronor", "kroner", "forint", "lei", "leva", "kuna", "zloty", "złoty", "rupees", "naira",
        "rand", "yen", "won", "dong", "pesos", "reais", "lira", "shekels", "stück", "mal", "uhr", "km", "kg", "mb", "gb",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "januar", "februar", "märz", "mai",
        "juni", "juli", "oktober", "dezember", "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
        "octubre", "noviembre", "diciembre", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre",
        "dicembre", "januari", "februari", "maart", "mei", "augustus", "monday", "tuesday", "wednesday", "thursday", "friday",
        "saturday", "sunday", "spring", "summer", "autumn", "fall", "winter", "q1", "q2", "q3", "q4", "fy", "ad", "bc",
        "customers", "users", "people", "employees", "members", "points", "votes", "copies", "units", "orders", "items",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Street words of many languages (the gazetteer has those of its training locales only).</summary>
    private static readonly FrozenSet<string> StreetWords = new[]
    {
        "street", "st", "road", "rd", "lane", "ln", "avenue", "ave", "av", "avda", "avenida", "blvd", "boulevard", "bd", "drive", "dr",
        "way", "court", "ct", "place", "pl", "square", "sq", "terrace", "close", "crescent", "highway", "hwy", "parkway", "straße",
        "strasse", "str", "gasse", "platz", "weg", "allee", "ring", "ufer", "damm", "rue", "allée", "chemin", "quai", "impasse",
        "calle", "c", "carrera", "cra", "paseo", "plaza", "camino", "rua", "travessa", "largo", "praça", "via", "viale", "corso",
        "piazza", "strada", "vicolo", "straat", "laan", "gracht", "plein", "kade", "dijk", "ulica", "ul", "aleja", "al", "plac",
        "ulice", "náměstí", "nám", "třída", "ulica", "námestie", "utca", "út", "tér", "körút", "krt", "gate", "gata", "gatan",
        "vägen", "väg", "vej", "vei", "veien", "gade", "katu", "tie", "kuja", "tee", "iela", "gatvė", "g", "prospektas", "pr",
        "mnt", "maantee", "sokak", "sokağı", "caddesi", "cad", "bulvarı", "cesta", "trg", "bulevar", "bul", "blvd.", "odos",
        "rehov", "jl", "jalan", "marg", "nagar", "rasta", "apt", "flat", "unit", "suite", "floor", "no", "nr",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A street word or an abbreviation with a full stop ("Av.", "ul."): the number beside it is a house number.</summary>
    public static bool IsStreetWord(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.EndsWith('.') && lower.Length <= 5 || StreetWords.Contains(lower.TrimEnd('.')))
            return true;
        var cls = EntityGazetteer.Default.Lookup(lower.TrimEnd('.'));
        return (cls & (GazetteerClass.StreetSuffix | GazetteerClass.StreetWord)) != 0 && (cls & GazetteerClass.CityWord) == 0;
    }

    /// <summary>Lower-case words that may stand inside a town's name ("Frankfurt am Main", "Ústí nad Labem").</summary>
    private static readonly FrozenSet<string> TownConnectors = new[]
    {
        "am", "an", "der", "die", "im", "in", "bei", "ob", "sur", "sous", "de", "del", "la", "le", "les", "du", "nad", "pod", "upon",
        "on", "under", "en", "di", "da", "do", "dos", "das", "van", "aan", "den", "op", "ter",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsLetterStart(char c) => char.IsUpper(c);

    /// <summary>
    /// Countries, regions and cities of <see cref="KnownPlaces"/> (the gazetteer lacks many Asian, African and Latin American
    /// cities: "Shanghai", "Nairobi", "Riyadh"); the ambiguous names ("Sydney", "Victoria") are kept apart.
    /// </summary>
    private static readonly FrozenSet<string> Places = KnownPlaces.Countries.Concat(KnownPlaces.Regions).Concat(KnownPlaces.Cities)
        .Except(KnownPlaces.Ambiguous, StringComparer.Ordinal).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> AmbiguousPlaces = KnownPlaces.Ambiguous.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The name as written is a known country, region or city; an ambiguous one ("Sydney", "Austin", "Victoria") only when
    /// <paramref name="allowAmbiguous"/> (a number no count would take: five or more digits, or a dashed shape).
    /// </summary>
    public static bool IsKnownPlace(ReadOnlySpan<char> name, bool allowAmbiguous)
    {
        var lookup = Places.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(name))
            return true;
        return allowAmbiguous && AmbiguousPlaces.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);
    }

    /// <summary>
    /// After spaces a capitalised word follows (a capital then a lower-case letter, as "Stuttgart" or "København"), and it is
    /// no word that makes the number a count or price ("1000 Euro", "300 Spartans" passes: that is for the caller).
    /// </summary>
    public static bool CapitalisedWordNext(string text, int end)
    {
        var i = end;
        if (i >= text.Length || text[i] != ' ')
            return false;
        while (i < text.Length && text[i] == ' ')
            i++;
        if (i + 1 >= text.Length || !char.IsUpper(text[i]) || !char.IsLower(text[i + 1]))
            return false;
        var j = i;
        while (j < text.Length && char.IsLetter(text[j]))
            j++;
        return !NotTowns.Contains(text[i..j].ToLowerInvariant());
    }

    /// <summary>Whether a postcode label ends right before <paramref name="index"/> on the same line.</summary>
    public static bool LabelBefore(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or ':' or '：' or '#' or '-')
            i--;
        if (i < 0)
            return false;
        var end = i + 1;
        var start = Math.Max(0, end - 24);
        var nl = text.LastIndexOf('\n', end - 1, end - start);
        if (nl >= 0)
            start = nl + 1;
        Span<char> lower = stackalloc char[end - start];
        text.AsSpan(start, end - start).ToLowerInvariant(lower);
        foreach (var label in Labels)
        {
            if (!lower.EndsWith(label, StringComparison.Ordinal))
                continue;
            var before = lower.Length - label.Length - 1;
            if (before < 0 || !char.IsLetterOrDigit(lower[before]))
                return true;
        }
        return false;
    }

    /// <summary>The word (letters, digits, symbols up to a space) that ends before <paramref name="index"/>, skipping spaces; empty at a line's start.</summary>
    public static string PreviousWord(string text, int index, out int wordStart)
    {
        var i = index - 1;
        while (i >= 0 && text[i] is ' ' or '\t')
            i--;
        var end = i + 1;
        while (i >= 0 && text[i] is not (' ' or '\t' or '\n' or ',' or ';' or '(' or '"'))
            i--;
        wordStart = i + 1;
        return text[wordStart..end];
    }

    /// <summary>Whether the word before the number makes it a count, price, room, order, year, version ...</summary>
    public static bool NumberWordBefore(string text, int index)
    {
        var word = PreviousWord(text, index, out _).TrimEnd('.', ':').ToLowerInvariant();
        return word.Length > 0 && NumberWords.Contains(word);
    }

    /// <summary>
    /// A town starts after the number: one to three words to the line's end, a comma, a semicolon or a sentence's end,
    /// the first capitalised (not all capitals unless it is the last word), the rest capitalised, a district letter or
    /// number ("København Ø", "Praha 10") or a connector ("am Main"), none a street word or a non-town word.
    /// <paramref name="knownPlace"/> says whether the first word is a gazetteer city word or country.
    /// </summary>
    public static bool StrictTownFollows(string text, int from, out bool knownPlace)
    {
        knownPlace = false;
        if (from >= text.Length || text[from] != ' ')
            return false;
        var i = from;
        var words = 0;
        while (true)
        {
            while (i < text.Length && text[i] == ' ')
                i++;
            if (i >= text.Length || text[i] is '\n' or '\r')
                return words > 0;
            var start = i;
            while (i < text.Length && text[i] is not (' ' or '\n' or '\r' or ',' or ';' or ')' or '!' or '?'))
                i++;
            var word = text[start..i];
            var sentenceEnd = word.Length > 1 && word[^1] == '.' && (i >= text.Length || text[i] is '\n' or '\r' || text[i] == ' ' && (i + 1 >= text.Length || char.IsUpper(text[i + 1])));
            var bare = word.TrimEnd('.');
            if (bare.Length == 0)
                return false;
            if (words == 0)
            {
                if (!char.IsUpper(bare[0]) || bare.Length > 1 && !bare.Skip(1).Any(char.IsLower) && bare.Length > 4)
                    return false;
            }
            else if (!(char.IsUpper(bare[0]) || bare.Length <= 2 && bare.All(char.IsDigit) || TownConnectors.Contains(bare)))
            {
                return false;
            }
            var lower = bare.ToLowerInvariant();
            if (NotTowns.Contains(lower))
                return false;
            if (IsStreetWord(bare) || word.EndsWith('.') && !sentenceEnd && bare.Length <= 4)
                return false;
            var cls = EntityGazetteer.Default.Lookup(lower);
            if (words == 0 && (cls & (GazetteerClass.CityWord | GazetteerClass.Country)) != 0)
                knownPlace = true;
            words++;
            if (words > 3)
                return false;
            if (sentenceEnd || i >= text.Length || text[i] is ',' or ';' or ')' or '!' or '?' or '\n' or '\r')
            {
                // The whole town as written ("Kuala Lumpur", "Ciudad de México") may be a known place the gazetteer lacks.
                if (!knownPlace && IsKnownPlace(text.AsSpan(from, i - from).Trim().TrimEnd('.'), allowAmbiguous: false))
                    knownPlace = true;
                return true;
            }
        }
    }

    /// <summary>
    /// The capitalised town (one to three words) right before <paramref name="index"/>, separated from the number by
    /// spaces or " - "; its start in <paramref name="townStart"/>. <paramref name="knownPlace"/> as above.
    /// </summary>
    public static bool TownBefore(string text, int index, bool allowDash, out int townStart, out bool knownPlace)
    {
        townStart = -1;
        knownPlace = false;
        var i = index - 1;
        if (i < 0 || text[i] != ' ' && !(allowDash && text[i] == '-'))
            return false;
        while (i >= 0 && text[i] == ' ')
            i--;
        if (allowDash && i >= 0 && text[i] == '-')
        {
            i--;
            while (i >= 0 && text[i] == ' ')
                i--;
        }
        var words = 0;
        var end = i + 1;
        var townEnd = end;
        while (words < 3)
        {
            var j = end - 1;
            while (j >= 0 && (char.IsLetter(text[j]) || text[j] is '.' or '\'' or '-' || char.GetUnicodeCategory(text[j]) == System.Globalization.UnicodeCategory.NonSpacingMark))
                j--;
            var word = text[(j + 1)..end];
            if (word.Length < 2 || !char.IsUpper(word[0]) || !word.Any(char.IsLower))
                break;
            var lower = word.TrimEnd('.').ToLowerInvariant();
            if (NotTowns.Contains(lower) || IsStreetWord(word))
                return false;
            var cls = EntityGazetteer.Default.Lookup(lower);
            if ((cls & (GazetteerClass.CityWord | GazetteerClass.Country)) != 0)
                knownPlace = true;
            words++;
            townStart = j + 1;
            if (!knownPlace && IsKnownPlace(text.AsSpan(townStart, townEnd - townStart).TrimEnd('.'), allowAmbiguous: AmbiguousOk(text, index)))
                knownPlace = true;
            if (j < 0 || text[j] != ' ')
                break;
            end = j;
            while (end > 0 && text[end - 1] == ' ')
                end--;
            if (end == 0 || text[end - 1] is '\n' or ',' or ';')
                break;
        }
        return words > 0;
    }

    /// <summary>The number at <paramref name="index"/> has five or more digits or a dash: no count or year an ambiguous name would carry.</summary>
    private static bool AmbiguousOk(string text, int index)
    {
        var digits = 0;
        var i = index;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
        {
            if (text[i] == '-')
                return true;
            digits++;
            i++;
        }
        return digits >= 5;
    }

    /// <summary>The number ends an address field: at the line's or text's end, before a comma, ')' or a sentence's end.</summary>
    public static bool EndsField(string text, int end)
    {
        var i = end;
        while (i < text.Length && text[i] is ' ' or '\t')
            i++;
        if (i >= text.Length || text[i] is '\n' or '\r' or ',' or ';' or ')' or '|')
            return true;
        return text[i] is '.' or '!' or '?' && (i + 1 >= text.Length || text[i + 1] is ' ' or '\n' or '\r');
    }

    /// <summary>The character before <paramref name="index"/> skipping spaces; '\n' at the text's start.</summary>
    public static char PreviousNonSpace(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] is ' ' or '\t')
            i--;
        return i >= 0 ? text[i] : '\n';
    }

    /// <summary>
    /// The line holding <paramref name="index"/> sits in a postal block: the line above holds a letter and a digit
    /// (a street line with its house number) and at most eight words, or the line below is a known country.
    /// </summary>
    public static bool InPostalBlock(string text, int index)
    {
        var lineStart = LineStartNear(text, index);
        if (lineStart >= 2)
        {
            var prevStart = LineStartNear(text, lineStart - 1);
            if (prevStart >= 0)
            {
                var prev = text.AsSpan(prevStart, lineStart - 1 - prevStart).Trim();
                if (prev.Length is > 0 and < 80 && prev.IndexOfAnyInRange('0', '9') >= 0 && HasLetter(prev) && Words(prev) <= 8)
                    return true;
            }
        }
        var lineEnd = LineEndNear(text, index);
        if (lineEnd >= 0 && lineEnd < text.Length)
        {
            var nextEnd = LineEndNear(text, lineEnd + 1);
            if (nextEnd < 0)
                return false;
            var next = text.AsSpan(lineEnd + 1, nextEnd - lineEnd - 1).Trim().TrimEnd('.');
            if (next.Length is > 1 and < 40 && Words(next) <= 3)
            {
                Span<char> lower = stackalloc char[next.Length];
                next.ToLowerInvariant(lower);
                if ((EntityGazetteer.Default.Lookup(lower) & GazetteerClass.Country) != 0)
                    return true;
                var space = lower.LastIndexOf(' ');
                if (space > 0 && (EntityGazetteer.Default.Lookup(lower[(space + 1)..]) & GazetteerClass.Country) != 0)
                    return true;
            }
        }
        return false;
    }

    /// <summary>The number is alone on its line.</summary>
    public static bool AloneOnLine(string text, int start, int end)
    {
        var i = start - 1;
        while (i >= 0 && text[i] is ' ' or '\t')
            i--;
        if (i >= 0 && text[i] != '\n')
            return false;
        var j = end;
        while (j < text.Length && text[j] is ' ' or '\t' or '\r')
            j++;
        return j >= text.Length || text[j] == '\n';
    }

    /// <summary>The line before <paramref name="index"/>'s line is a town (one to three capitalised words) below a street line.</summary>
    public static bool TownLineAbove(string text, int index)
    {
        var lineStart = LineStartNear(text, index);
        if (lineStart < 2)
            return false;
        var prevStart = LineStartNear(text, lineStart - 1);
        if (prevStart < 0)
            return false;
        var prev = text[prevStart..(lineStart - 1)].Trim();
        var words = prev.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 3 || !words.All(w => char.IsUpper(w[0]) && w.Skip(1).Any(char.IsLower)))
            return false;
        return prevStart >= 1 && InPostalBlock(text, prevStart);
    }

    /// <summary>Postal-block lines are short: line searches look this far and no further, so long lines cost nothing.</summary>
    private const int MaxLine = 120;

    /// <summary>The start of the line holding <paramref name="index"/>, or -1 when it begins more than <see cref="MaxLine"/> back.</summary>
    public static int LineStartNear(string text, int index)
    {
        if (index <= 0)
            return 0;
        var count = Math.Min(index, MaxLine);
        var nl = text.LastIndexOf('\n', index - 1, count);
        return nl >= 0 ? nl + 1 : count == index ? 0 : -1;
    }

    /// <summary>The end of the line holding <paramref name="index"/> (its '\n' or the text's end), or -1 when further than <see cref="MaxLine"/>.</summary>
    public static int LineEndNear(string text, int index)
    {
        var count = Math.Min(text.Length - index, MaxLine);
        var nl = text.IndexOf('\n', index, count);
        return nl >= 0 ? nl : index + count == text.Length ? text.Length : -1;
    }

    public static bool IsYearLike(string digits) =>
        digits.Length == 4 && digits[0] is '1' or '2' && int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) is >= 1900 and <= 2099;

    private static bool HasLetter(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (char.IsLetter(c))
                return true;
        return false;
    }

    private static int Words(ReadOnlySpan<char> s)
    {
        var n = 0;
        var inWord = false;
        foreach (var c in s)
        {
            if (c == ' ')
                inWord = false;
            else if (!inWord)
            {
                inWord = true;
                n++;
            }
        }
        return n;
    }
}
