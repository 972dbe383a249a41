using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// The street line of a postal address (house number, street, flat part), as the many locales write it, from the
/// street-type words and house-number orders of each: number first and the type last in English ("27 Kingsley Road",
/// "1600 Pennsylvania Avenue NW", "Flat 3, 27 Kingsley Road", "45, Nehru Nagar"); number first and the type first in
/// French and Vietnamese ("12, rue de la Paix", "123 Đường Lê Lợi"); the type first and the number last in Romance,
/// Slavic, Romanian, Greek, Hebrew and Cyrillic usage ("Via Roma 12", "C/ Alcalá, 45, 3º B", "ul. Piotrkowska 104/12 m. 5",
/// "Str. Lipscani nr. 12", "вул. Хрещатик, 22"); a compound street word and the number after it in German, Dutch, Nordic,
/// Icelandic and Finnish ("Hauptstraße 112", "Nørrebrogade 45, 3. th.", "Laugavegur 28", "Mannerheimintie 5");
/// a separate type word between name and number ("Berliner Straße 5", "Andrássy út 60", "Brīvības iela 55",
/// "Bağdat Cad. No:45 D:3", "Karl Johans gate 22", "Rothschild Blvd 22"); Korean road names ("Teheran-ro 152") and
/// Japanese chōme-ban-gō ("2-chōme 3-ban 4-gō"). A house number is always required, so "take the high road" or
/// "on the street" never fire; the town after a comma and the postcode are left to LOCATION and ZIP_CODE.
/// </summary>
public sealed partial class StreetAddressRecognizer() : PatternRecognizer(PersonalDataTypes.StreetAddress,
    new ContextWords(["address", "addr", "street", "live", "lives", "living", "deliver", "delivery", "ship", "shipping", "send", "located", "residing",
        "resides", "moved", "home", "office", "adresse", "anschrift", "wohnhaft", "dirección", "domicilio", "indirizzo", "adres", "adresa", "cím", "lakcím",
        "adressi", "osoite", "heimilisfang", "endereço", "morada", "adresas", "aadress", "adrese", "adresi", "адрес", "адреса", "כתובת", "địa"]),
    contextBoost: 0.2)
{
    /// <summary>A capitalised word (with hyphens and apostrophes), an initial or short abbreviation ("St.", "M.G."), an
    /// ordinal ("5th"), or a word of a script without case (Hebrew, CJK).</summary>
    private const string Word =
        @"(?:(?:[dl]['’])?\p{Lu}[\p{L}\p{M}'’]*(?:-[\p{L}\p{M}]+)*(?:\.(?=[ ]))?|(?:\p{Lu}\.){1,3}|[0-9]{1,3}(?:st|nd|rd|th)|\p{Lo}[\p{L}\p{M}'’]*(?:-[\p{L}\p{M}]+)*)";

    /// <summary>Lower-case particles inside street names ("rue de la Paix", "Via dei Mille", "Straße des 17. Juni").</summary>
    private const string Particle =
        @"(?:de|del|della|delle|dei|degli|di|da|do|dos|das|du|des|la|le|les|los|las|el|al|van|von|der|den|het|ten|ter|the|of|y|i|e|am|an|im|auf|zum|zur|sur|sul|sulla|on|upon|d'|l')";

    private const string StreetName = "(?:" + Particle + "[ ]+){0,3}" + Word + "(?:[ ]+(?:" + Particle + "[ ]+){0,3}" + Word + "){0,3}";

    /// <summary>A house number: digits, a letter, a range or a slash ("12", "12A", "221b", "12 B", "12-14", "104/12").</summary>
    private const string Number = @"[0-9]{1,5}(?:[A-Za-z]|[ ][A-H](?=[ ,.;)\n]|$))?(?![\p{L}\p{M}0-9])(?:[ ]?[-/][ ]?[0-9]{1,5}[A-Za-z]?(?![\p{L}\p{M}0-9]))?";

    /// <summary>What may stand before a house number: "No.", "nr.", "nº", "n°", "№", "No:", "#", "č.", "д.", "буд.".</summary>
    private const string NumberMark = @"(?:(?:(?i:no|nr|num|n|č|д|буд|h\.no|plot|house)\.?:?|nº|n°|№|#)[ ]?)?";

    /// <summary>A flat, floor or plot before the number ("Flat 3, ", "Apt 5B ", "Plot 12, ").</summary>
    private const string FlatBefore = @"(?:(?i:flat|apt|apartment|unit|suite|ste|plot|block|house|lot|shop|room)\.?[ ]?[A-Z]?[0-9]{1,4}[A-Za-z]?,?[ ]+)?";

    /// <summary>Flat, floor, door and building parts after the number, up to three.</summary>
    private const string FlatAfter =
        @"(?:(?:\.?,[ ]?|\.?[ ]+)(?:" +
        // "Apt 5B", "flat 3", "m. 14", "lok. 2", "кв. 5", "Daire 3", "ap. 12", "bl. A2", "sc. 1", "et. 3", "Top 4", "apto 45", "#12"
        @"(?:(?i:flat|apt|apto|apartment|unit|suite|ste|lok|lokal|kv|кв|daire|kat|door|piso|puerta|pta|dpto|dto|app|appt|bloco|bl|sc|scala|int|interno|et|étage|em|emelet|ajtó|byt|stan|whg|top|appartamento|piano|esc|escalera|portal|hus|lgh|leil|ap|m))\.?:?[ ]?[A-Z]?[0-9]{1,4}[A-Za-z]?(?![\p{L}\p{M}0-9])" +
        @"|D:[ ]?[0-9]{1,4}|#[ ]?[0-9]{1,4}[A-Za-z]?" +
        // Dutch and French floors: "3 hoog achter", "2e étage"
        @"|[0-9]{1,2}[ ]hoog(?:[ ](?:achter|voor))?|[0-9]{1,2}(?:e|er|ème)?[ ]étage" +
        // Danish floor and side: "3. th.", "st. tv.", "2. sal"
        @"|(?:[0-9]{1,2}\.|st\.)[ ]?(?:th|tv|mf|sal)\.?" +
        // Spanish and Portuguese floor: "3º B", "2º Esq.", "1ºA", "4.º dcha."
        @"|[0-9]{1,2}\.?[ºª°](?:[ ]?(?:(?i:dto|esq|dta|izq|izqda|dcha|dr|drt|frente|fte)\.?|[A-Z](?![\p{L}\p{M}])))?" +
        // Hungarian floor and door: "2. em. 5.", "III. em. 4."
        @"|(?:[0-9]{1,2}|[IVX]{1,4})\.[ ]?em\.(?:[ ]?[0-9]{1,3}\.?)?" +
        @")){0,3}";

    /// <summary>Types written after the name, in English and the anglophone usages of India, Nigeria and South Africa.</summary>
    private const string EnglishType =
        @"(?i:street|st|road|rd|avenue|ave|av|lane|ln|drive|dr|close|crescent|cres|way|court|ct|place|pl|boulevard|blvd|terrace|tce|terr|highway|hwy|" +
        @"parkway|pkwy|square|sq|grove|gardens|gdns|mews|row|hill|walk|circle|cir|trail|trl|park|parade|pde|esplanade|view|rise|green|wharf|quay|alley|" +
        @"expressway|freeway|pike|loop|path|ridge|vale|nagar|marg|layout|cross|main|colony|enclave|extension|estate|bypass|chase)\.?(?![\p{L}\p{M}])" +
        @"(?:[ ]+(?:N|S|E|W|NE|NW|SE|SW)\.?(?![\p{L}\p{M}]))?";

    /// <summary>Types written before the name (full words); each may be followed by a dot-less space.</summary>
    private const string PrefixWord =
        @"(?i:rue|voie|avenue|avenida|boulevard|bulevar|bulevardul|chemin|allée|allee|impasse|place|quai|route|cours|passage|via|viale|piazza|piazzale|corso|vicolo|largo|" +
        @"lungomare|contrada|calle|carrer|paseo|plaza|carrera|camino|travesía|ronda|rua|travessa|praça|praca|alameda|estrada|ulica|ulice|aleja|plac|osiedle|náměstí|" +
        @"třída|námestie|nábřeží|strada|calea|aleea|șoseaua|şoseaua|soseaua|piața|piaţa|piata|splaiul|intrarea|cesta|trg|rehov|rechov|odos|οδός|οδος|улица|" +
        @"булевард|вулиця|проспект|переулок|провулок|шосе|шоссе|площадь|площа|đường|phố|duong|jalan|rruga)(?![\p{L}\p{M}])";

    /// <summary>Abbreviated types written before the name: they need their dot or slash ("ul.", "C/", "Avda.", "r.", "Str.").</summary>
    private const string PrefixAbbreviation =
        @"(?:(?i:av|ave|avda|bd|bld|blvd|ch|imp|rte|v\.le|p\.za|c\.so|pso|pza|cra|cr|r|tv|pç|ul|al|pl|os|nám|tř|str|sos|şos|ул|бул|вул|пр|просп|пер|пл|jl)\.|(?i:c)/|пр-т)";

    private const string Prefix = "(?:" + PrefixWord + "|" + PrefixAbbreviation + ")";

    /// <summary>Compound endings of street names in German, Dutch, Danish, Swedish, Norwegian, Icelandic and Finnish.</summary>
    private const string CompoundEnding =
        @"(?i:straße|strasse|str\.|weg|gasse|allee|platz|damm|ufer|chaussee|steig|pfad|straat|laan|plein|gracht|kade|singel|dijk|steeg|gade|vej|allé|" +
        @"stræde|torv|plads|gata|gatan|vägen|väg|gränd|torget|allén|plantsoen|veien|vei|veg|vegen|gate|plass|torg|vegur|stræti|braut|stígur|katu|tie|kuja|polku|kaari|tori|tänav)";

    /// <summary>Separate type words between the name and the number.</summary>
    private const string SeparateType =
        @"(?:(?i:straße|strasse|weg|allee|platz|gasse|damm|ring|gate|gata|gatan|vej|gade|vei|veien|väg|vägen|allé|stræde|plass|plads|torg|torget|utca|út|útja|" +
        @"körút|tér|tere|köz|sor|sétány|rakpart|fasor|iela|gatvė|prospektas|alėja|tänav|maantee|mnt|sokak|sokağı|cadde|caddesi|bulvarı|bulvar|mahallesi|yolu|" +
        @"ulica|cesta|trg|bulevar|street|road|avenue|boulevard|blvd|lane|drive|highway|hwy|ave|rd|st)(?![\p{L}\p{M}])" +
        @"|(?i:str|u|krt|g|pr|al|cad|cd|sok|sk|mah|blv|ave|rd|st)\.)";

    private const string Before = @"(?<![\p{L}\p{M}0-9.,:/#-])";

    /// <summary>Number first, type last: "27 Kingsley Road", "Flat 3, 27 Kingsley Road", "No. 12, MG Road", "45, Nehru Nagar".</summary>
    [GeneratedRegex(Before + "(?<a>" + FlatBefore + NumberMark + Number + ",?[ ]+" + StreetName + "[ ]+" + EnglishType + FlatAfter + ")",
        RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex NumberNameType();

    /// <summary>Number first, type first: "12, rue de la Paix", "12 bis avenue Foch", "123 Đường Lê Lợi".</summary>
    [GeneratedRegex(Before + "(?<a>" + FlatBefore + Number + "(?:[ ]?(?i:bis|ter|quater))?,?[ ]+" + Prefix + "[ ]*" + StreetName + ")",
        RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex NumberTypeName();

    /// <summary>Type first, number last: "Via Roma 12", "ul. Piotrkowska 104/12 m. 5", "Str. Lipscani nr. 12", "вул. Хрещатик, 22".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{M}])(?<a>" + Prefix + "[ ]*" + StreetName + ",?[ ]+" + NumberMark + "(?<n>" + Number + ")" + FlatAfter + ")",
        RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex TypeNameNumber();

    /// <summary>A compound street word and the number: "Hauptstraße 112", "Nørrebrogade 45, 3. th.", "Laugavegur 28".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{M}])(?<a>(?<w>\p{Lu}[\p{L}\p{M}'’-]{2,}?" + CompoundEnding + @")(?![\p{L}\p{M}]),?[ ]+" + NumberMark + "(?<n>" + Number + ")" + FlatAfter + ")",
        RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex CompoundNumber();

    /// <summary>A name, a separate type word and the number: "Berliner Straße 5", "Andrássy út 60", "Bağdat Cad. No:45 D:3".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{M}])(?<a>" + StreetName + "[ ]+" + SeparateType + ",?[ ]+" + NumberMark + "(?<n>" + Number + ")" + FlatAfter + ")",
        RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex NameTypeNumber();

    /// <summary>Korean road names with a number before or after ("Teheran-ro 152", "45 Gangnam-daero 10-gil"), Japanese chōme-ban-gō.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{M}0-9])(?<a>(?:[0-9]{1,4}(?:-[0-9]{1,3})?[ ]+)?\p{Lu}\p{Ll}+(?:-\p{Ll}+)?-(?i:ro|gil|daero)(?:[ ]+[0-9]{1,3}(?:beon)?-?gil)?(?:[ ]+[0-9]{1,4}(?:-[0-9]{1,3})?)?" +
        @"|(?:\p{Lu}[\p{L}\p{M}-]+[ ]+)?[0-9]{1,2}[ ]?-?(?i:chome|chōme|choume)[ ,-]*[0-9]{1,3}(?:[ ]?-?(?i:ban|banchi))?(?:[ ,-]*[0-9]{1,3}(?:[ ]?-?(?i:go|gō))?)?)(?![\p{L}\p{M}0-9])",
        RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex EastAsian();

    /// <summary>
    /// What follows a street line in a postal address, on the next line or after a comma: a postcode and a town ("130 00
    /// Praha 3", "D-10115 Berlin", "00-950 Warszawa"), a town and a state code or postcode ("New York, NY 10036", "Springfield,
    /// IL", "Tel Aviv 6688218"), or a town and a UK postcode ("Leeds LS6 2AB").
    /// </summary>
    private const string PostalLineAhead =
        @"(?=(?<sep>[ \t]*,[ \t]*|[ \t]*\r?\n[ \t]*)(?:" +
        @"(?:[A-Z]{1,3}-)?(?<pc>[0-9]{2,5})(?:[ -][0-9]{2,4})?[ ]+\p{Lu}[\p{Ll}\p{M}]" +
        @"|\p{Lu}[\p{L}\p{M}'.-]+(?:[ ]\p{Lu}?[\p{L}\p{M}'.-]+){0,3},?[ ]+(?:[A-Z]{2,3}[ ]+)?[0-9]{4,7}(?:-[0-9]{4})?(?![0-9])" +
        @"|\p{Lu}[\p{L}\p{M}'.-]+(?:[ ]\p{Lu}[\p{L}\p{M}'.-]+){0,3},[ ]*(?<st>[A-Z]{2})(?![\p{L}\p{M}0-9])" +
        @"|\p{Lu}[\p{L}\p{M}'.-]+(?:[ ]\p{Lu}[\p{L}\p{M}'.-]+){0,2},?[ ]+[A-Z]{1,2}[0-9][0-9A-Z]?[ ]?[0-9][A-Z]{2}(?![\p{L}\p{M}0-9])))";

    /// <summary>
    /// A street line with no street-type word, known by the postal line after it: "Vinohradská 1511/230, 130 00 Praha 3",
    /// "Ilica 10\n10000 Zagreb", "1500 Broadway, New York, NY 10036". Name first with the number last, or the number first.
    /// Anchored: it is tried only where a field starts (<see cref="FieldStarts"/>).
    /// </summary>
    [GeneratedRegex(@"\G(?<a>(?<bw>" + StreetName + ")[ ]+" + NumberMark + "(?<bn>" + Number + ")" + FlatAfter + "|(?<bn>" + Number + "),?[ ]+(?<bw>" + StreetName + "))" + PostalLineAhead,
        RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex PostalBlockStreet();

    protected override IEnumerable<Regex> Patterns => [NumberNameType(), NumberTypeName(), TypeNameNumber(), CompoundNumber(), NameTypeNumber(), EastAsian()];

    protected override IEnumerable<Match> Candidates(string text)
    {
        // Every form holds a house number near a street word, and none crosses a line: the patterns run only over the lines
        // where the first pass sees both (no pattern looks beyond its line, so this finds what a whole-text scan finds).
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
            yield break;
        foreach (var (start, end) in AddressLines(text))
        {
            foreach (var pattern in Patterns)
            {
                for (var m = pattern.Match(text, start, end - start); m.Success; m = m.NextMatch())
                    yield return m;
            }
        }
        // Streets without a type word are known only by the postal line after them, which holds a postcode or a state code:
        // the pattern runs only over a line with a digit and the line after it, where that line or the rest of the first after
        // a comma holds a digit or a two-letter code.
        foreach (var (start, lineEnd, end) in PostalBlockLines(text))
        {
            foreach (var fieldStart in FieldStarts(text, start, lineEnd))
            {
                var m = PostalBlockStreet().Match(text, fieldStart, end - fieldStart);
                if (m.Success)
                    yield return m;
            }
        }
    }

    /// <summary>Where a street may start on a line: the line's first word, after a short "Label:", after ", " and after "at ", "to ", "is ".</summary>
    private static IEnumerable<int> FieldStarts(string text, int lineStart, int lineEnd)
    {
        var i = lineStart;
        while (i < lineEnd && text[i] is ' ' or '\t')
            i++;
        yield return i;
        var colon = text.IndexOf(':', i, Math.Min(26, lineEnd - i));
        if (colon > i)
            yield return SkipSpaces(text, colon + 1, lineEnd);
        for (var j = i + 1; j < lineEnd - 1; j++)
        {
            if (text[j] == ',' && text[j + 1] == ' ')
                yield return SkipSpaces(text, j + 1, lineEnd);
            else if (text[j] == ' ' && j >= 2 && (IsWordBefore(text, j, "at") || IsWordBefore(text, j, "to") || IsWordBefore(text, j, "is")))
                yield return j + 1;
        }
    }

    private static int SkipSpaces(string text, int i, int end)
    {
        while (i < end && text[i] == ' ')
            i++;
        return i;
    }

    private static bool IsWordBefore(string text, int space, string word) =>
        space >= word.Length && string.Compare(text, space - word.Length, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (space == word.Length || !char.IsLetter(text[space - word.Length - 1]));

    /// <summary>A line with a digit (start, end) and the end of the text the pattern may see: that line, or it and the next
    /// one, where a postal line may follow a street (see <see cref="PostalBlockStreet"/>).</summary>
    internal static List<(int Start, int LineEnd, int End)> PostalBlockLines(string text)
    {
        var ranges = new List<(int, int, int)>();
        var lineStart = 0;
        while (lineStart < text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
                lineEnd = text.Length;
            var line = text.AsSpan(lineStart, lineEnd - lineStart);
            var digit = line.IndexOfAnyInRange('0', '9');
            if (digit >= 0)
            {
                var comma = line[digit..].IndexOf(',');
                var sameLine = comma >= 0 && PostalHint(line[(digit + comma)..]);
                var nextEnd = lineEnd < text.Length ? text.IndexOf('\n', lineEnd + 1) : -1;
                if (nextEnd < 0)
                    nextEnd = text.Length;
                var nextLine = lineEnd < text.Length ? text.AsSpan(lineEnd + 1, nextEnd - lineEnd - 1) : [];
                if (sameLine || PostalHint(nextLine))
                    ranges.Add((lineStart, lineEnd, sameLine ? lineEnd : nextEnd));
            }
            lineStart = lineEnd + 1;
        }
        return ranges;
    }

    /// <summary>A digit, or ", " and two capitals (a US state code).</summary>
    private static bool PostalHint(ReadOnlySpan<char> s) =>
        s.IndexOfAnyInRange('0', '9') >= 0 || (s.IndexOf(", ") is var c && c >= 0 && c + 3 < s.Length && char.IsAsciiLetterUpper(s[c + 2]) && char.IsAsciiLetterUpper(s[c + 3]));

    /// <summary>Every street-type word and abbreviation above, without dots, and the Korean and Japanese address words: the gate
    /// of <see cref="AddressLines"/>.</summary>
    private static readonly FrozenSet<string> StreetWords = new[]
    {
        "al", "alameda", "aleea", "aleja", "allee", "alley", "allé", "allée", "allén", "alėja", "av", "avda", "ave", "avenida", "avenue", "bd",
        "bld", "blv", "blvd", "boulevard", "braut", "bulevar", "bulevardul", "bulvar", "bulvarı", "bypass", "c", "cad", "cadde", "caddesi", "calea", "calle",
        "camino", "carrer", "carrera", "cd", "cesta", "ch", "chase", "chaussee", "chemin", "chome", "choume", "chōme", "cir", "circle", "close", "colony",
        "contrada", "corso", "cours", "court", "cr", "cra", "cres", "crescent", "cross", "ct", "daero", "damm", "dijk", "dr", "drive", "duong",
        "enclave", "esplanade", "estate", "estrada", "expressway", "extension", "fasor", "freeway", "g", "gade", "gardens", "gasse", "gata", "gatan", "gate", "gatvė",
        "gdns", "gil", "gracht", "green", "grove", "gränd", "highway", "hill", "hwy", "iela", "imp", "impasse", "intrarea", "jalan", "jl", "kaari",
        "kade", "katu", "krt", "kuja", "körút", "köz", "laan", "lane", "largo", "layout", "le", "ln", "loop", "lungomare", "maantee", "mah",
        "mahallesi", "main", "marg", "mews", "mnt", "nagar", "nábřeží", "nám", "námestie", "náměstí", "odos", "os", "osiedle", "p", "parade",
        "park", "parkway", "paseo", "passage", "path", "pde", "pfad", "phố", "piata", "piazza", "piazzale", "piaţa", "piața", "pike", "pkwy", "pl",
        "plac", "place", "plads", "plantsoen", "plass", "platz", "plaza", "plein", "polku", "pr", "praca", "praça", "prospektas", "pso", "pza", "pç",
        "quai", "quay", "r", "rakpart", "rd", "rechov", "rehov", "ridge", "ring", "rise", "ro", "road", "ronda", "route", "row", "rruga",
        "rte", "rua", "rue", "singel", "sk", "so", "sok", "sokak", "sokağı", "sor", "sos", "soseaua", "splaiul", "sq", "square", "st",
        "steeg", "steig", "str", "straat", "strada", "strasse", "straße", "street", "stræde", "stræti", "stígur", "sétány", "tce", "tere", "terr", "terrace",
        "tie", "torg", "torget", "tori", "torv", "trail", "travessa", "travesía", "trg", "trl", "tv", "tänav", "tér", "tř", "třída", "u",
        "ufer", "ul", "ulica", "ulice", "utca", "v", "vale", "veg", "vegen", "vegur", "vei", "veien", "vej", "via", "viale", "vicolo",
        "view", "voie", "väg", "vägen", "walk", "way", "weg", "wharf", "yolu", "za", "út", "útja", "đường", "şos", "şoseaua", "șoseaua",
        "οδος", "οδός", "бул", "булевард", "вул", "вулиця", "пер", "переулок", "пл", "площа", "площадь", "пр", "пр-т", "провулок", "просп", "проспект",
        "ул", "улица", "шосе", "шоссе",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StreetWordLookup = StreetWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] CompoundEndings = ["straße", "strasse", "str", "weg", "gasse", "allee", "platz", "damm", "ufer", "chaussee", "steig", "pfad", "straat", "laan", "plein", "gracht", "kade", "singel", "dijk", "steeg", "gade", "vej", "allé", "stræde", "torv", "plads", "gata", "gatan", "vägen", "väg", "gränd", "torget", "allén", "plantsoen", "veien", "vei", "veg", "vegen", "gate", "plass", "torg", "vegur", "stræti", "braut", "stígur", "katu", "tie", "kuja", "polku", "kaari", "tori", "tänav"];

    /// <summary>How far apart a street word and a house number may stand on one line.</summary>
    private const int Reach = 60;

    /// <summary>
    /// A cheap first pass: the lines (start, end) where a street word (or a capitalised word with a compound street ending)
    /// stands within <see cref="Reach"/> characters of a digit. Most texts with digits (amounts, phone numbers, dates) hold
    /// none, and the patterns, which try a name at every capitalised word, then do not run at all.
    /// </summary>
    internal static List<(int Start, int End)> AddressLines(string text)
    {
        var lines = new List<(int, int)>();
        var lastDigit = int.MinValue;
        var lastWordEnd = int.MinValue;
        var lineStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var hit = false;
            if (c == '\n')
            {
                lineStart = i + 1;
                lastDigit = lastWordEnd = int.MinValue;
                i++;
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                hit = lastWordEnd >= lineStart && i - lastWordEnd <= Reach;
                lastDigit = i;
                i++;
            }
            else if (!char.IsLetter(c))
            {
                i++;
            }
            else
            {
                var start = i;
                while (i < text.Length && (char.IsLetter(text[i]) || char.GetUnicodeCategory(text[i]) is UnicodeCategory.NonSpacingMark))
                    i++;
                if (IsStreetWord(text.AsSpan(start, i - start)))
                {
                    hit = lastDigit >= lineStart && start - lastDigit <= Reach;
                    lastWordEnd = i;
                }
            }
            if (hit)
            {
                var lineEnd = text.IndexOf('\n', i);
                if (lineEnd < 0)
                    lineEnd = text.Length;
                lines.Add((lineStart, lineEnd));
                i = lineEnd;
            }
        }
        return lines;
    }

    private static bool IsStreetWord(ReadOnlySpan<char> word)
    {
        if (word.Length <= 10 && StreetWordLookup.Contains(word))
            return true;
        if (word.Length < 5 || !char.IsUpper(word[0]))
            return false;
        foreach (var ending in CompoundEndings)
        {
            if (word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>Words after a number that make it a count or a measure, not a house number ("Plaza Hotel 5 stars").</summary>
    private static readonly FrozenSet<string> CountWords = new[]
    {
        "times", "time", "days", "day", "hours", "hour", "minutes", "min", "mins", "weeks", "week", "months", "month", "years", "year", "items", "km", "kg",
        "people", "persons", "stars", "pm", "am", "x", "percent", "euro", "euros", "eur", "usd", "dollars", "pounds", "mal", "jahre", "tage", "stunden",
        "minuten", "jours", "ans", "giorni", "anni", "días", "años", "dni", "lat", "pages", "points", "pts", "mb", "gb", "miles", "mi", "m", "cm", "mm",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words a compound ending makes look like a street ("Brigade 5").</summary>
    private static readonly FrozenSet<string> NotStreets = new[]
    {
        "brigade", "renegade", "watergate", "colgate", "aftergate", "tailgate", "delegate", "investigate", "navigate", "propagate", "aggregate", "segregate",
        "blockade", "untie", "necktie", "bowtie", "cookie", "ghostie",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>First words of lines that end in a number and are no street: rooms, boxes, buildings, form labels.</summary>
    private static readonly FrozenSet<string> NotBlockStreets = new[]
    {
        "room", "suite", "flat", "apt", "apartment", "unit", "floor", "level", "building", "bldg", "block", "gate", "terminal", "platform", "box", "po",
        "p.o.", "pobox", "postfach", "apartado", "caixa", "casilla", "skrytka", "boîte", "bp", "cp", "locked", "private", "bag", "order", "invoice",
        "ticket", "case", "ref", "reference", "version", "chapter", "page", "section", "step", "item", "table", "row", "line", "seat", "desk", "office",
        "phone", "tel", "fax", "mobile", "account", "code", "no", "nr", "number", "year", "week", "day", "pier", "dock", "hall", "stand", "booth",
        "lot", "plot", "house", "km", "exit", "junction", "route", "highway", "interstate", "bus", "train", "flight", "tram", "volume", "vol", "issue",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static Candidate? ValidateBlockStreet(string text, Match match)
    {
        var group = match.Groups["a"];
        var start = group.Index;
        var end = group.Index + group.Length;
        while (end > start && text[end - 1] is ' ' or ',')
            end--;
        var words = match.Groups["bw"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || NotBlockStreets.Contains(words[0].TrimEnd('.')))
            return null;
        // A year ("Vienna 1998") or a bare number in a list is no house number; four digits need a slash or letter with them.
        var number = match.Groups["bn"].Value;
        if (IsYear(LeadingDigits(number)) && LeadingDigits(number).Length == number.Trim().Length)
            return null;
        if (CountWords.Contains(NextWord(text, match.Groups["bn"].Index + match.Groups["bn"].Length)))
            return null;
        // "March 12, 2024 Berlin": a date and a year, not a street and a postcode. A year-like postcode after a comma on the
        // same line is taken for a year; on the next line it stays a postcode ("2000 Antwerpen").
        if (IsMonthOrWeekday(words[0]))
            return null;
        var sameLine = !match.Groups["sep"].Value.Contains('\n');
        if (match.Groups["pc"].Success && sameLine && IsYear(match.Groups["pc"].Value))
            return null;
        // "iPhone 12, Paris, FR": only a US state code makes "Town, XX" a postal line.
        if (match.Groups["st"].Success && !ZipCodeRecognizer.States.Contains(match.Groups["st"].Value))
            return null;
        return new Candidate(start, end, 0.6);
    }

    private static readonly FrozenSet<string> MonthsAndWeekdays = new[]
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "janvier", "février", "mars", "avril", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
        "octubre", "noviembre", "diciembre", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static bool IsMonthOrWeekday(string word) => MonthsAndWeekdays.Contains(word.TrimEnd('.', ','));

    protected override Candidate? Validate(string text, Match match)
    {
        if (match.Groups["bw"].Success)
            return ValidateBlockStreet(text, match);
        var group = match.Groups["a"];
        var start = group.Index;
        var end = group.Index + group.Length;
        while (end > start && text[end - 1] is ' ' or ',')
            end--;
        if (end - start < 4)
            return null;
        var value = text[start..end];
        if (!value.Any(char.IsAsciiDigit))
            return null;
        if (match.Groups["w"].Success && NotStreets.Contains(match.Groups["w"].Value.ToLowerInvariant()))
            return null;
        // "et al. Nature 2019" is a citation.
        if (start >= 3 && string.Compare(text, start - 3, "et ", 0, 3, StringComparison.OrdinalIgnoreCase) == 0)
            return null;
        // "rue de la Paix, 75002 Paris": four or five digits before a capitalised town are the postcode.
        if (match.Groups["n"].Success && LeadingDigits(match.Groups["n"].Value).Length >= 4 && TownFollows(text, match.Groups["n"].Index + match.Groups["n"].Length))
            return null;
        // A year where the house number stands after the street ("Brandenburger Tor 1989") is a date.
        if (match.Groups["n"].Success && IsYear(match.Groups["n"].Value))
            return null;
        // Number first: "In 2019 Oxford Road was closed" starts with a year after a preposition.
        if (!match.Groups["n"].Success && char.IsAsciiDigit(value[0]) && IsYear(LeadingDigits(value)) && PreviousWordIsTemporal(text, start))
            return null;
        if (CountWords.Contains(NextWord(text, end)))
            return null;
        // "3:16", "12.5": a verse, a clock time or a decimal.
        if (end + 1 < text.Length && text[end] is ':' or '.' && char.IsAsciiDigit(text[end + 1]))
            return null;
        var score = match.Groups["w"].Success || match.Groups["n"].Success ? 0.65 : 0.6;
        return new Candidate(start, end, score);
    }

    private static bool TownFollows(string text, int from)
    {
        var i = from;
        while (i < text.Length && text[i] == ' ')
            i++;
        return i > from && i + 1 < text.Length && char.IsUpper(text[i]) && char.IsLower(text[i + 1]);
    }

    private static bool IsYear(string digits) =>
        digits.Length == 4 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2099;

    private static string LeadingDigits(string value)
    {
        var n = 0;
        while (n < value.Length && char.IsAsciiDigit(value[n]))
            n++;
        return value[..n];
    }

    private static readonly FrozenSet<string> Temporal = new[]
    {
        "in", "since", "by", "until", "till", "from", "of", "year", "before", "after", "during", "im", "seit", "en", "depuis", "nel", "dal", "desde", "w", "od",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static bool PreviousWordIsTemporal(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && text[i] == ' ')
            i--;
        var end = i + 1;
        while (i >= 0 && char.IsLetter(text[i]))
            i--;
        return end > i + 1 && Temporal.Contains(text[(i + 1)..end]);
    }

    private static string NextWord(string text, int end)
    {
        var i = end;
        while (i < text.Length && text[i] == ' ')
            i++;
        if (i < text.Length && text[i] == '%')
            return "percent";
        var from = i;
        while (i < text.Length && char.IsLetter(text[i]))
            i++;
        return text[from..i].ToLowerInvariant();
    }
}
