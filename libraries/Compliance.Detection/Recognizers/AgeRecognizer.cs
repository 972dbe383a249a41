using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using SpecialistPlatform.Compliance.Detection.Tagging;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Ages stated as ages: "42 years old", "42-year-old", "aged 42", "age: 42", "42 y/o", "42 y.o.", "42 years of age";
/// in other languages "34-jährige", "34 ans" after "j'ai"/"âgé de", "tiene 34 años", "34 anni", "34 år gammal",
/// "34-vuotias", "ma 34 lata", "je mu 34 let", "34 éves", "34 yaşında", "мне 34 года", "34岁"; news style after a name
/// ("Maria Lopez, 42, of Austin", "Anna Nowak (34)"); decades ("in his 40s"). The finding covers the number only (as
/// Presidio's evaluation data marks it; "40s" for a decade); ages above 130 are rejected.
/// </summary>
public sealed partial class AgeRecognizer() : PatternRecognizer(
    PersonalDataTypes.Age,
    new ContextWords(["age", "aged", "old", "born", "birthday"]),
    contextBoost: 0.0)
{
    [GeneratedRegex(@"(?<![\w.,])(?<n>[0-9]{1,3})(?:\s|-)?(?:years?|yrs?|jahre|ans|años)(?:\s|-)?(?:old|alt)\b|(?<![\w.,])(?<![Aa]t\s+least\s+|[Oo]ver\s+|[Uu]nder\s+|[Mm]inimum\s+)(?<n>[0-9]{1,3})(?:\s|-)?(?:years?|yrs?)\s+of\s+age\b(?!\s+(?:or|and)\s+(?:older|over|above|younger|under))|(?<![\w.,])(?<n>[0-9]{1,3})(?:-year-old|\s?y/o|\s?yo|\s?y\.\s?o\.)(?![\w])|\b(?:aged|age(?:\s?:|\s+of|\s+is)?|alter(?:\s?:)?|âge(?:\s?:)?)\s*(?<n>[0-9]{1,3})(?![\w]|[.,][0-9])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Age();

    /// <summary>
    /// An age stated of a person without "years": "I'm 29, Muslim, ...", "my grandmother is 91 and lives alone", "she
    /// turned 40". Only after a person (I, he, she, a relative, a patient) and before a pause, so "I'm 5 minutes away"
    /// and "the total is 91" stay out.
    /// </summary>
    [GeneratedRegex(@"(?<![\w])(?:I'm|I’m|I\s+am|[Hh]e's|[Ss]he's|[Hh]e\s+is|[Ss]he\s+is|[Hh]e\s+was|[Ss]he\s+was|(?:[Gg]rand)?(?:mother|father|ma|pa|mum|mom|dad|son|daughter|brother|sister|wife|husband|partner|neighbou?r|patient|child|baby|boy|girl|friend)\s+is)\s+(?<n>[0-9]{1,3})(?=\s*(?:[,.;!?)]|$)|\s+and\s|\s+now\b)|(?<![\w])(?:[Tt]urned|[Tt]urns|[Tt]urning|[Tt]urn)\s+(?<n>[0-9]{1,3})(?![\w]|[.,][0-9]|\s*(?:%|percent|degrees|°|times|minutes|pages|km|miles|pounds|euros|dollars))", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex StatedAge();

    /// <summary>
    /// Adjectives and nouns of age glued to the number: "34-jährige", "34-jarige", "34-årig", "34-vuotias", "34-letni",
    /// "34letý", "34-ročný", "34 éves", "34 yaşında", "34-летний", "34-річна", and the CJK "34岁", "34歳", "34才", "34세",
    /// "34살". The word after it is kept to tell a person's age from a duration ("10-jährige Erfahrung").
    /// </summary>
    [GeneratedRegex(@"(?<![.,]|[\w-[\p{Lo}]])(?<n>[0-9]{1,3})(?:(?:[ \t]?-[ \t]?|[ \t])?(?<adj>jährig\w*|jarig\w*|årig\w*|åring\w*|vuotia\w*|letni\w*|letn\w*|let[ýáé]\w*|ročn\w*|roční\w*|éves\w*|esztendős\w*|yaşında\w*|yaşındaki|летн\w*|річн\w*)|[ ]?(?<adj>[岁歳才세살]))(?:[ \t]+(?<noun>\p{L}+))?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex AgeAdjective();

    /// <summary>
    /// A number of years that is an age only in context ("j'ai 34 ans" but "il y a 34 ans", "tiene 34 años" but "hace 34
    /// años", "ma 34 lata" but "34 lata temu"): the words before and after it are read in <see cref="Validate"/>.
    /// </summary>
    [GeneratedRegex(@"(?<![\w.,])(?<n>[0-9]{1,3})[ \t]?(?<unit>jahre|jahren|ans|años|anos|anni|jaar|år|lat|lata|let|rokov|roky|года|год|лет|роки|років|рік|vuotta|tahun|tuổi|ετών|χρονών|sene|saal|sal|ปี|वर्ष|साल)(?![\w])(?:[ \t]+(?<post>\p{L}+)(?:[ \t'’]+(?<post2>\p{L}+))?)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex YearsInContext();

    /// <summary>News style: a number between commas or in brackets right after a name ("Maria Lopez, 42, of Austin", "Tom Baker (67)").</summary>
    [GeneratedRegex(@"(?:,[ ]?|\()(?<news>[0-9]{1,3})(?=,|\)|\.(?:\s|$))", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex NewsAge();

    /// <summary>A decade of life: "a man in his 40s", "in her early 30s" (the finding is "40s").</summary>
    // The words sit in a lookbehind so that the scan jumps between digits instead of trying "in" at every "in" of a text.
    [GeneratedRegex(@"(?<=(?<![\w])in\s+(?:his|her|their|my|your|our)\s+(?:(?:early|mid|late)[\s-]+)?)(?<decade>[1-9]0)'?s(?![\w])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Decade();

    /// <summary>
    /// An age after a form label of another language ("Edad: 7 años", "Umur : 32 tahun", "Wiek: 34", "Возраст: 44", "อายุ 79
    /// ปี"), after
    /// "Age on census day:", or in brackets after a relation ("(son, 17)", "(daughter, 14)"). The finding is the number.
    /// </summary>
    [GeneratedRegex(@"(?<![\w])(?:(?:edad|età|eta|idade|umur|usia|wiek|věk|vek|leeftijd|ålder|alder|ikä|yaş|возраст|вік|ηλικία|tuổi|आयु|อายุ|umri)[ \t]*:?[ \t]*|age\s+(?:on|at)\s+[\w ]{1,24}?[ \t]*:[ \t]*|\((?:son|daughter|child|grandson|granddaughter|nephew|niece|brother|sister|wife|husband|mother|father|stepson|stepdaughter)[ \t]*,[ \t]*)(?<n>[0-9]{1,3})(?![\w]|[.,][0-9])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex LabelledAge();

    /// <summary>A birthday's ordinal: "her 30th birthday", "happy 40th!" (the finding is "30th").</summary>
    [GeneratedRegex(@"(?<![\w])(?:(?<ordinal>[1-9][0-9]?(?:st|nd|rd|th))[ \t]+birthday|(?<=(?<![\w])happy[ \t]+)(?<ordinal>[1-9][0-9]?(?:st|nd|rd|th))(?![\w]))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex BirthdayOrdinal();

    /// <summary>
    /// An age spelled out after a person, as speech and letters write it: "she turns seventy", "he's eighty-one,", "(he's
    /// four)". "One" is left out ("he's one of them"), and the same pause as <see cref="StatedAge"/> follows "he's".
    /// </summary>
    [GeneratedRegex(@"(?<![\w])(?:(?:[Hh]e's|[Ss]he's|[Hh]e’s|[Ss]he’s|I'm|I’m|[Hh]e\s+is|[Ss]he\s+is)\s+(?<spelled>" + SpelledAge + @")(?=\s*(?:[,.;!?)]|$)|\s+now\b|\s+and\s)|(?:[Tt]urned|[Tt]urns|[Tt]urning)\s+(?<spelled>" + SpelledAge + @")(?![\w-]))", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex SpelledStatedAge();

    private const string SpelledAge =
        "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|a\\s+hundred"
        + "|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";

    protected override IEnumerable<Regex> Patterns => [Age(), StatedAge(), AgeAdjective(), YearsInContext(), NewsAge(), Decade(), LabelledAge(), BirthdayOrdinal(), SpelledStatedAge()];

    [GeneratedRegex(@"\G" + @"(?<![.,]|[\w-[\p{Lo}]])(?<n>[0-9]{1,3})(?:(?:[ \t]?-[ \t]?|[ \t])?(?<adj>jährig\w*|jarig\w*|årig\w*|åring\w*|vuotia\w*|letni\w*|letn\w*|let[ýáé]\w*|ročn\w*|roční\w*|éves\w*|esztendős\w*|yaşında\w*|yaşındaki|летн\w*|річн\w*)|[ ]?(?<adj>[岁歳才세살]))(?:[ \t]+(?<noun>\p{L}+))?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex AgeAdjectiveAt();

    [GeneratedRegex(@"\G" + @"(?<![\w.,])(?<n>[0-9]{1,3})[ \t]?(?<unit>jahre|jahren|ans|años|anos|anni|jaar|år|lat|lata|let|rokov|roky|года|год|лет|роки|років|рік|vuotta|tahun|tuổi|ετών|χρονών|sene|saal|sal|ปี|वर्ष|साल)(?![\w])(?:[ \t]+(?<post>\p{L}+)(?:[ \t'’]+(?<post2>\p{L}+))?)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex YearsInContextAt();

    // The adjective and years patterns start at a run of at most three digits with a letter after it (past a space or
    // hyphen): one pass finds those runs and the anchored patterns are tried there only, leftmost first and never inside
    // the previous match, which yields the full scan's matches (MultilingualAgeTests checks it) without trying every digit.
    protected override IEnumerable<Match> Candidates(string text)
    {
        foreach (var pattern in new[] { Age(), StatedAge(), NewsAge(), Decade(), LabelledAge(), BirthdayOrdinal(), SpelledStatedAge() })
            foreach (Match match in pattern.Matches(text))
                yield return match;
        var runs = new List<int>();
        var i = 0;
        while (i < text.Length)
        {
            var offset = text.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (offset < 0)
                break;
            var start = i + offset;
            var end = start + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
                end++;
            i = end;
            if (end - start > 3 || start > 0 && IsWordChar(text[start - 1]) && char.GetUnicodeCategory(text[start - 1]) != UnicodeCategory.OtherLetter)
                continue;
            var next = end;
            while (next < text.Length && next - end < 3 && text[next] is ' ' or '\t' or '-')
                next++;
            if (next < text.Length && char.IsLetter(text[next]))
                runs.Add(start);
        }
        foreach (var at in new[] { AgeAdjectiveAt(), YearsInContextAt() })
        {
            foreach (var match in TextScan.AnchoredMatches(at, text, runs))
                yield return match;
        }
    }

    protected override Candidate? Validate(string text, Match match)
    {
        var decade = match.Groups["decade"];
        if (decade.Success)
            return new Candidate(decade.Index, match.Index + match.Length, 0.6);
        var ordinal = match.Groups["ordinal"];
        if (ordinal.Success)
            return new Candidate(ordinal.Index, ordinal.Index + ordinal.Length, 0.6);
        var spelled = match.Groups["spelled"];
        if (spelled.Success)
            return new Candidate(spelled.Index, spelled.Index + spelled.Length, 0.6);
        var news = match.Groups["news"];
        if (news.Success)
            return IsNewsAge(text, match.Index, news) ? Number(news, 0.6) : null;
        var n = match.Groups["n"];
        if (match.Groups["adj"].Success)
            return IsDuration(match.Groups["noun"].Value) ? null : Number(n, 0.75);
        if (match.Groups["unit"].Success)
            return YearsAreAge(text, match) ? Number(n, 0.75) : null;
        return Number(n, 0.75);
    }

    private static Candidate? Number(Group n, double score)
    {
        var age = int.Parse(n.Value, CultureInfo.InvariantCulture);
        return age is >= 0 and <= 130 ? new Candidate(n.Index, n.Index + n.Length, score) : null;
    }

    /// <summary>Nouns after an age adjective that make it a duration: "10-jährige Erfahrung", "5-letnia gwarancja", "25-jarig jubileum".</summary>
    private static readonly FrozenSet<string> DurationNouns = new[]
    {
        "erfahrung", "jubiläum", "jubilaeum", "garantie", "laufzeit", "bestehen", "betriebszugehörigkeit", "geschichte", "tradition",
        "zusammenarbeit", "mitgliedschaft", "vertrag", "studie", "plan", "anleihe", "firmenjubiläum", "dienstjubiläum", "pause",
        "jubileum", "bestaan", "ervaring", "contract", "looptijd", "erfarenhet", "erfaring", "garanti", "avtal", "avtale", "aftale",
        "gwarancja", "gwarancji", "gwarancję", "umowa", "umowy", "umowę", "okres", "staż", "doświadczenie", "kadencja", "kadencji",
        "historia", "tradycja", "plan", "program", "kredyt", "záruka", "záruky", "záruku", "smlouva", "smlouvy", "plán", "zkušenost",
        "zkušenosti", "historie", "tradice", "úvěr", "hypotéka", "zmluva", "zmluvy", "skúsenosť", "skúsenosti", "garancia", "garanciát",
        "tapasztalat", "tapasztalattal", "szerződés", "évforduló", "terv", "fennállás", "múlt", "hitel", "опыт", "юбилей", "стаж",
        "контракт", "план", "период", "срок", "досвід", "ювілей", "термін", "договір", "anniversary", "warranty", "experience",
        "mortgage", "loan", "contract", "plan", "history", "guarantee", "period", "term", "lease", "bond",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static bool IsDuration(string noun) => noun.Length > 0 && DurationNouns.Contains(noun);

    /// <summary>Words after a number of years that make it an age: "34 Jahre alt", "34 år gammal", "34 vuotta vanha", "34 años de edad".</summary>
    private static readonly FrozenSet<string> OldWords = new[] { "alt", "old", "oud", "gammal", "gammel", "vanha", "edad", "età", "idade", "âge" }
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after a number of years that make it a time ago or a duration ("34 ans de carrière", "34 lata temu").</summary>
    private static readonly FrozenSet<string> NotAgeAfter = new[]
    {
        "ago", "later", "fa", "dopo", "atrás", "atras", "después", "despues", "depois", "geleden", "later", "sedan", "siden", "senere",
        "temu", "później", "pozniej", "zpět", "zpátky", "později", "nazad", "назад", "спустя", "тому", "потому", "später", "her",
        "zurück", "lang", "lange", "vergangen", "plus", "tard", "más", "mas", "più", "piu", "mais", "meer", "mehr", "more", "of", "in", "de", "d", "di", "van", "av",
        "za", "w", "na", "z", "ze", "od", "do", "в", "на", "за", "с", "у", "з",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before a number of years that make it the age of the person the sentence is about.</summary>
    private static readonly FrozenSet<string> AgeCues = new[]
    {
        "ist", "bin", "bist", "sind", "war", "wird", "wurde", "werde", "wäre", "mit",
        "ai", "as", "a", "avait", "avais", "aura", "aurai", "auras", "fête", "fêtera", "fêté", "eu",
        "tiene", "tengo", "tienes", "tenía", "tenia", "tenemos", "tendrá", "cumple", "cumplió", "cumplio", "cumplo", "cumplir", "cumplirá", "con",
        "ha", "ho", "hai", "aveva", "avevo", "compie", "compiuto", "compiuti", "compirà", "ai",
        "tem", "tenho", "tinha", "completou", "completa", "completar", "completará", "com",
        "is", "ben", "bent", "werd", "wordt",
        "är", "er", "var", "blir", "bliver", "fyller", "fyllde", "fylte", "fylder", "fyldte", "fyllt",
        "mam", "ma", "masz", "miał", "miała", "mial", "miala", "skończył", "skończyła", "skonczyl", "skonczyla", "kończy", "skończy", "wieku",
        "mu", "jí", "mi", "ti", "jim", "věku", "veku", "mám", "má", "máš", "mal", "mala", "měl", "měla", "oslavil", "oslavila", "slaví", "dovŕšil", "dovŕšila",
        "berusia", "umur", "usia", "umurnya", "usianya",
        "мне", "ему", "ей", "тебе", "вам", "им", "исполнилось", "исполняется", "исполнится", "возрасте", "мені", "йому", "їй", "тобі", "віці", "виповнилося",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before "de"/"di"/"van" that make "de 34 años" a person's age ("una mujer de 34 años", not "una hipoteca de 30 años").</summary>
    private static readonly FrozenSet<string> PersonNouns = new[]
    {
        "âgé", "âgée", "âgés", "âgées", "agé", "agée", "homme", "femme", "fille", "garçon", "enfant", "patient", "patiente", "mère", "père",
        "fils", "jeune", "victime", "personne", "conducteur", "conductrice", "retraité", "retraitée", "adolescent", "adolescente", "bébé",
        "hombre", "mujer", "joven", "chico", "chica", "niño", "niña", "paciente", "madre", "padre", "hijo", "hija", "señor", "señora",
        "varón", "anciano", "anciana", "persona", "víctima", "conductor", "conductora", "bebé", "edad",
        "uomo", "donna", "ragazzo", "ragazza", "bambino", "bambina", "figlio", "figlia", "signore", "signora", "anziano", "anziana",
        "vittima", "età", "homem", "mulher", "rapaz", "menino", "menina", "filho", "filha", "mãe", "pai", "senhor", "senhora", "idoso",
        "idosa", "pessoa", "vítima", "idade", "man", "vrouw", "jongen", "meisje", "kind", "patiënt", "zoon", "dochter", "leeftijd",
        "alter",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static bool YearsAreAge(string text, Match match)
    {
        var post = match.Groups["post"].Value.ToLowerInvariant();
        var post2 = match.Groups["post2"].Value.ToLowerInvariant();
        if (OldWords.Contains(post) || post is "de" or "di" && OldWords.Contains(post2))
            return true;
        if (NotAgeAfter.Contains(post) || IsDuration(post))
            return false;
        var (word1, word2, word3) = WordsBefore(text, match.Index);
        {
            // "il y a 34 ans" is 34 years ago; "j'ai 34 ans", "il a 34 ans" an age.
            if (word1 is "a" && word2 is "y")
                return false;
            if (word1 is "de" or "di" or "van")
                return PersonNouns.Contains(word2) || word2 is "von" || word2 is "alter" && word3 is "im";
            if (word1 is "von" && word2 is "alter")
                return true;
            if (AgeCues.Contains(word1))
                return true;
            // "Ich bin jetzt 34 Jahre", "je mu už 34 let": one filler between the cue and the number.
            if (word1 is "jetzt" or "nun" or "schon" or "bereits" or "déjà" or "ya" or "già" or "já" or "nu" or "już" or "už" or "уже" or "вже" or "now"
                && AgeCues.Contains(word2))
                return true;
        }
        // "Marie Dupont, 34 ans, ..." and "Anna Nowak (34 lat)": news style after a name.
        var before = match.Index;
        while (before > 0 && text[before - 1] == ' ')
            before--;
        if (before > 0 && text[before - 1] is ',' or '(')
        {
            var end = match.Groups["unit"].Index + match.Groups["unit"].Length;
            return end < text.Length && text[end] is ',' or ')' && IsNewsAge(text, before - 1, match.Groups["n"]);
        }
        return false;
    }

    /// <summary>The three lower-cased words before <paramref name="index"/> on its line (nearest first), "" where none.</summary>
    private static (string, string, string) WordsBefore(string text, int index)
    {
        Span<string> words = ["", "", ""];
        var i = index;
        for (var k = 0; k < 3; k++)
        {
            while (i > 0 && text[i - 1] is ' ' or '\t')
                i--;
            var end = i;
            while (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] is '\'' or '’'))
                i--;
            if (end == i)
                break;
            var word = text[i..end].ToLowerInvariant();
            // "j'ai", "l'âge": the part after the apostrophe.
            var apostrophe = word.LastIndexOfAny(['\'', '’']);
            words[k] = apostrophe >= 0 && apostrophe < word.Length - 1 && word is not ("i'm" or "i’m") ? word[(apostrophe + 1)..] : word;
        }
        return (words[0], words[1], words[2]);
    }

    /// <summary>The first character of the word ending before <paramref name="index"/> (a space), or a space when none.</summary>
    private static char PreviousWordStart(string text, int index)
    {
        var i = index;
        while (i > 0 && char.IsLetter(text[i - 1]))
            i--;
        return i < index ? text[i] : ' ';
    }

    /// <summary>Capitalised words that open a list item, an address part or a date, not a name ("Suite 12, 34", "Chapter Two, 12,").</summary>
    private static readonly FrozenSet<string> NotNameWords = new[]
    {
        "suite", "apt", "apartment", "flat", "room", "unit", "floor", "page", "pages", "chapter", "section", "box", "lot", "block", "no",
        "nr", "vol", "volume", "part", "grade", "level", "year", "gate", "platform", "seat", "row", "table", "item", "exhibit", "figure",
        "fig", "step", "phase", "windows", "version", "act", "scene", "psalm", "article", "clause", "paragraph", "question", "number",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "street", "road", "avenue", "lane", "building",
        "house", "hotel", "route", "highway", "terminal", "hall", "bus", "train", "flight", "ward", "bed", "i", "ii", "iii", "iv",
        "ul", "ulica", "via", "rue", "calle", "avenida", "av", "str", "strada", "piazza", "plac", "osiedle", "náměstí", "utca", "team",
        "group", "class", "division", "series", "season", "episode", "mr", "mrs", "ms", "dr",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the number at <paramref name="number"/>, after a comma or bracket at <paramref name="punctuation"/>, follows a
    /// name: one to four capitalised words, at least one of them a first or last name the gazetteer knows, none of them a
    /// place, street, company or list word ("Suite 12, 34", "Paris, 75", "pages 12, 34" stay out).
    /// </summary>
    private static bool IsNewsAge(string text, int punctuation, Group number)
    {
        var value = int.Parse(number.Value, CultureInfo.InvariantCulture);
        if (value is < 1 or > 120)
            return false;
        // The number must stand alone: "(34)" or ", 34," but not "(12, 34)" or "12, 34, 56".
        var i = punctuation;
        if (text[i] == '(')
        {
            if (i == 0 || text[i - 1] != ' ')
                return false;
            i--;
        }
        var anyName = false;
        var words = 0;
        while (words < 4)
        {
            var end = i;
            while (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] is '-' or '\'' or '’'))
                i--;
            if (end - i < 2 || !char.IsUpper(text[i]))
                break;
            var word = text[i..end];
            var lower = word.ToLowerInvariant();
            if (NotNameWords.Contains(lower))
                return false;
            var cls = EntityGazetteer.Default.Lookup(lower);
            const GazetteerClass place = GazetteerClass.Country | GazetteerClass.State | GazetteerClass.CityWord;
            // "Paris, 75": a place alone, even one that is also a first name; "Charlotte Brown, 42" is a name.
            if (words == 0 && (cls & place) != 0 && (i == 0 || text[i - 1] != ' ' || !char.IsUpper(PreviousWordStart(text, i - 1))))
                return false;
            if ((cls & (GazetteerClass.FirstName | GazetteerClass.LastName)) != 0)
                anyName = true;
            else if ((cls & (GazetteerClass.Country | GazetteerClass.State | GazetteerClass.CityWord | GazetteerClass.StreetSuffix | GazetteerClass.CompanySuffix)) != 0)
                return false;
            words++;
            if (i == 0 || text[i - 1] != ' ')
                break;
            i--;
        }
        if (words == 0 || !anyName)
            return false;
        // A digit or a street prefix before the name run: an address or a list, not a name.
        while (i > 0 && text[i - 1] is ' ' or '.')
            i--;
        return i == 0 || !char.IsDigit(text[i - 1]);
    }
}
