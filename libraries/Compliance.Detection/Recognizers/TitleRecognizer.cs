using System.Collections.Frozen;
using System.Text.RegularExpressions;
using SpecialistPlatform.Compliance.Detection.Tagging;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Honorifics, academic, professional, military, religious and public titles before a name ("Mr", "Dr.", "Prof. Dr.",
/// "Frau", "Mme", "Pani", "Sig.ra", "MUDr.", "Sayın", "Smt.", "Capt."), as Presidio's TITLE, and the few that follow
/// it ("Kovács úr", "Ahmet Bey", "John Smith, Esq."). Only before a capitalised word, so "Dr" alone or "mr" in a user
/// name stays out. A run of titles ("Prof. Dr.", "Frau Dr.", "Egr. Dott.", "prof. dr hab. inż.") is one finding.
/// Full words that also start company names, places and sentences ("General Motors", "King Street", "Father's Day",
/// "President Hotel") count only before a name the gazetteer knows; one-letter abbreviations ("M. Dupont", "D. José",
/// "k. Papadopoulos") never after a first name or an initial, where they are a middle initial. The entity tagger's
/// PERSON spans start after a title (<see cref="TitleLengthAt"/>), so the two never compete for the same characters.
/// </summary>
public sealed partial class TitleRecognizer() : PatternRecognizer(PersonalDataTypes.Title, new ContextWords(["dear", "to", "attn", "attention"]), contextBoost: 0.1)
{
    /// <summary>
    /// Titles that are no ordinary capitalised word, as a regex alternation (each may take a dot after it; those written
    /// here with a dot need it). <see cref="PersonCueRecognizer"/> reads the name after them, so no word that starts
    /// company names or places belongs here: those are in <see cref="GuardedTitles"/>. Longer forms sit before their
    /// prefixes only where a prefix would end the match early.
    /// </summary>
    internal const string Titles =
        // English honorifics and abbreviations of professional, military, public and religious titles. Without a dot
        // only those British usage writes so ("Capt Hook", "Sgt Pepper", "Cllr Jones"); "Gen", "Det", "Rep" need one.
        "Mr|Mrs|Ms|Miss|Mx|Mister|Madam|Dr|Prof|Professor|Emeritus|Emerita|Sir|Dame|Lady|Lord|Rev|Revd|Reverend|Rabbi|Fr|Sr|Msgr"
        + @"|Capt|Col|Lt|Sgt|Cpl|Maj|Brig|Cllr|Supt|Insp|Gen\.|Adm\.|Cmdr\.|Cdr\.|Det\.|Hon\.|Sen\.|Rep\.|Gov\.|Pres\.|Atty\.|Eng\.|Pvt\."
        + @"|Assoc\.[ ]Prof|Asst\.[ ]Prof|Rt\.[ ]Hon"
        // German and Austrian; the doctor's discipline stays with the title ("Dr. med.").
        + @"|Herrn|Herr|Frau|Fräulein|Frl|Dr\.[ ]med\.[ ]dent|Dr\.[ ]med|Dr\.[ ]rer\.[ ]nat|Dr\.[ ]phil|Dr\.[ ]jur|Dr\.[ ]h\.[ ]?c|Dr\.-Ing"
        + @"|Dipl\.-Ing|Dipl\.-Kfm|Dipl\.-Kffr|Dipl\.-Psych|Dipl\.-Inf|Mag\.a|Mag\."
        // Dutch and Flemish; Nordic.
        + @"|Dhr|Mevr|Mw|Mej|Meneer|Mevrouw|Ir\.|Drs|Hr|Fru|Frk|Fröken"
        // Spanish and Portuguese ("Sr.ª" is "Sr.a" once NFKC has folded the ordinal indicator).
        + @"|Sra|Srta|Sres|Sras|Sr\.ª|Sr\.a|Srª|Dña|Dra|Lic\.|Lcdo|Lcda|Licda|Licdo|Ing|Arq\.|Senhor|Senhora|Señor|Señora|Señorita"
        // Italian.
        + @"|Sig\.ra|Sig\.na|Sigra|Sig|Signor|Signora|Signorina|Dott\.ssa|Dott\.sa|Dottssa|Dott|Avv|Geom|Egr|Gent\.mo|Gent\.ma|Gent\.le|Prof\.ssa|Rag\.|Arch\."
        // French (the one-letter "M." is guarded below).
        + "|Mme|Mmes|Mlle|Mlles|Monsieur|Madame|Mademoiselle|Messieurs|MM|Maître|Pr"
        // Polish, Czech and Slovak (their lower-case forms are in LowerCaseTitles).
        + @"|Pani|Panie|Pana|Panu|Pan|Paní|Slečna|Mgr|Dr[ ]hab|Inż\.|Doc\."
        + "|Bc|MUDr|JUDr|PhDr|RNDr|MVDr|PaedDr|PharmDr|ThDr"
        // Romanian.
        + "|Dl|Dna|Dnei|Dlui|Domnule|Domnul|Doamna|Doamnă|Domnului|Doamnei|Domnișoara|D-l|D-na|D-nei|D-lui"
        // Greek (romanised and in Greek), Turkish, Russian and Ukrainian.
        + @"|Kyrios|Kyria|Kyrie|Κος|Κα|Κύριος|Κυρία|Sayın|Sayin|Г-н|Г-жа|Господин|Госпожа|Пані|Пан"
        // Malay and Indonesian, Indian, Arabic (romanised).
        + "|Encik|Cik|Puan|Datuk|Dato'|Dato’|Dato|Datin|Bapak|Ibu|Sdr|Sdri|Saudara|Saudari"
        + @"|Shri|Shree|Shrimati|Smt|Sushri|Kum\.|Sheikh|Shaikh|Sheik|Sayyid|Sayyida|Hajj|Haji|Hajji|Hajja";

    /// <summary>
    /// Titles that Polish, Czech, Slovak, Russian, Ukrainian and Greek write in lower case before the name ("pan Novák",
    /// "dr Nowak", "mgr inż.", "г-н Иванов", "κ. Παπαδόπουλος"). Kept apart from <see cref="Titles"/>: a scan for a
    /// lower-case start runs at most letters of a text, which the name cue's pattern pays on every text.
    /// </summary>
    private const string LowerCaseTitles =
        @"pani|panie|pana|panu|pan|paní|slečna|mgr|dr[ ]hab|dr|inż\.|prof|doc\.|г-н|г-жа|господин|госпожа|пані|пан|κ\.|κύριος|κυρία"
        // Dutch, Romanian, Italian, French, Spanish and Portuguese write them lower case mid-sentence too ("voor meneer De
        // Vries", "Bună ziua, doamna Popescu", "il dott. Ferraresi", "à madame Dupont", "la señora Ruiz").
        + @"|meneer|mevrouw|mevr\.|dhr\.|doamna|doamnă|doamnei|domnule|domnul|domnului|dott\.ssa|dott\.|sig\.ra|sig\.|signora|signor"
        + @"|monsieur|madame|mademoiselle|señora|señorita|señor|sra\.|sr\.|senhora|senhor";

    private const string AllTitles = Titles + "|" + LowerCaseTitles;

    /// <summary>
    /// Titles that are also ordinary words, names or parts of place and company names ("General Motors", "Major League",
    /// "King Street", "Don" the first name, "Sri Lanka", "Bay Area", "Pak choi"): a title only before a name the
    /// gazetteer knows. Capitalised only.
    /// </summary>
    private const string GuardedTitles =
        "General|Major|Captain|Colonel|Lieutenant|Sergeant|Corporal|Admiral|Commander|Inspector|Detective|Officer|Constable"
        + "|Judge|Justice|Senator|Governor|Mayor|President|Chancellor|Minister|Doctor|Father|Sister|Imam|Pastor|Bishop|Archbishop"
        + "|Cardinal|Deacon|Prince|Princess|King|Queen|Baron|Baroness|Count|Countess|Duke|Duchess|Earl|Coach|Chef|Nurse"
        + "|Don|Doña|Dona|Dom|Me|Bay|Bayan|Tuan|Pak|Bu|Sri|Kumari";

    [GeneratedRegex(@"(?<![\w.])(?<title>(?:" + AllTitles + @")\.?(?:[ \t]+(?:" + AllTitles + @")\.?)*)(?=[ \t]+(?:\p{Lu}|" + Particles + @"[ ]\p{Lu}))", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Title();

    /// <summary>Lower-case particles that open a surname ("Mevr. de Vries", "Herr von Arnim", "Sig. di Stefano").</summary>
    private const string Particles = "(?:van|de|der|den|ter|ten|von|zu|da|di|del|della|le|la|du|dos|das)";

    /// <summary>A guarded word or a one-letter abbreviation, with the one or two capitalised words after it for <see cref="Validate"/>.</summary>
    [GeneratedRegex(@"(?<![\w.'’])(?:(?<guarded>" + GuardedTitles + @")|(?<initial>M\.|D\.|k\.|Km\.))(?=[ \t]+(?<next>\p{Lu}[\p{Ll}'’\-]*\p{Ll})(?:[ ](?<after>\p{Lu}[\p{Ll}'’\-]*))?)", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex GuardedTitle();

    /// <summary>Titles written after the name: Hungarian "úr"/"asszony", Turkish "Bey"/"Hanım", English "Esq.".</summary>
    [GeneratedRegex(@"(?<![\w])(?<post>úr|asszony|Bey|Hanım|Hanim|Esq\.|Esq)(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex PostTitle();

    protected override IEnumerable<Regex> Patterns => [Title(), GuardedTitle(), PostTitle()];

    [GeneratedRegex(@"\G(?<![\w.])(?<title>(?:" + AllTitles + @")\.?(?:[ \t]+(?:" + AllTitles + @")\.?)*)(?=[ \t]+(?:\p{Lu}|" + Particles + @"[ ]\p{Lu}))", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex TitleAt();

    [GeneratedRegex(@"\G(?<![\w.'’])(?:(?<guarded>" + GuardedTitles + @")|(?<initial>M\.|D\.|k\.|Km\.))(?=[ \t]+(?<next>\p{Lu}[\p{Ll}'’\-]*\p{Ll})(?:[ ](?<after>\p{Lu}[\p{Ll}'’\-]*))?)", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex GuardedTitleAt();

    [GeneratedRegex(@"\G(?<![\w])(?<post>úr|asszony|Bey|Hanım|Hanim|Esq\.|Esq)(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex PostTitleAt();

    /// <summary>Each anchored pattern with the first words of its alternatives (see <see cref="FirstWords"/>).</summary>
    private static readonly (Regex At, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Words)[] AnchoredPatterns =
    [
        (TitleAt(), FirstWords(AllTitles)),
        (GuardedTitleAt(), FirstWords(GuardedTitles + @"|M\.|D\.|k\.|Km\.")),
        (PostTitleAt(), FirstWords(@"úr|asszony|Bey|Hanım|Hanim|Esq")),
    ];

    /// <summary>
    /// The first run of letters of each alternative ("Dott" of "Dott.ssa", "Dr" of "Dr. med", "Г" of "Г-н"). An
    /// alternative's first letters end where the text's word does (a dot, a hyphen, a space or the end follows them),
    /// so a match can only start at a word that is one of these ("Meeting" is no "Me").
    /// </summary>
    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FirstWords(string alternation) =>
        FirstWordList(alternation).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static IEnumerable<string> FirstWordList(string alternation) =>
        alternation.Split('|').Select(a => new string(LiteralStart(a).TakeWhile(char.IsLetter).ToArray())).Where(w => w.Length > 0);

    /// <summary>The letters a title's first word starts with: a vectorised search for them skips every other word.</summary>
    private static readonly System.Buffers.SearchValues<char> FirstLetters = System.Buffers.SearchValues.Create(
        string.Concat(FirstWordList(AllTitles + "|" + GuardedTitles + @"|M\.|D\.|k\.|Km\.|úr|asszony|Bey|Hanım|Hanim|Esq").Select(w => w[0]).Distinct()));

    /// <summary>The literal text an alternative starts with (up to its first class, group or quantifier; "\\." is a dot).</summary>
    private static string LiteralStart(string alternative)
    {
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < alternative.Length; i++)
        {
            var c = alternative[i];
            if (c == '\\' && i + 1 < alternative.Length && alternative[i + 1] is '.' or '-')
                literal.Append(alternative[++i]);
            else if (c is '\\' or '[' or '(' or '?' or '*' or '+' or '{')
                break;
            else
                literal.Append(c);
        }
        return literal.ToString();
    }

    // Every match starts at a word (a run of letters after no word character) that is the first word of one of its
    // pattern's alternatives. One pass over the words finds those, and each anchored pattern is tried only there,
    // leftmost first and never inside its previous match: the matches of a full scan (MultilingualTitleTests checks it),
    // without trying a few hundred alternatives at every letter.
    protected override IEnumerable<Match> Candidates(string text)
    {
        var words = new List<(int Start, int Length)>();
        var i = 0;
        while (i < text.Length)
        {
            var offset = text.AsSpan(i).IndexOfAny(FirstLetters);
            if (offset < 0)
                break;
            var start = i + offset;
            i = start + 1;
            while (i < text.Length && char.IsLetter(text[i]))
                i++;
            if (i - start <= 12 && (start == 0 || !IsWordChar(text[start - 1])))
                words.Add((start, i - start));
        }
        foreach (var (at, titleWords) in AnchoredPatterns)
        {
            foreach (var match in TextScan.AnchoredMatches(at, text, words.Where(w => titleWords.Contains(text.AsSpan(w.Start, w.Length))).Select(w => w.Start)))
                yield return match;
        }
    }

    /// <summary>Words that make the capitalised words after a guarded title a place, company, event or thing, not a name.</summary>
    private static readonly FrozenSet<string> NotAfterTitle = new[]
    {
        "motors", "electric", "mills", "dynamics", "foods", "assembly", "hospital", "clinic", "store", "stores", "manager",
        "secretary", "counsel", "public", "election", "elections", "strike", "practitioner", "practice", "league", "hotel", "hotels",
        "day", "christmas", "time", "size", "street", "road", "avenue", "lane", "square", "park", "island", "islands", "county",
        "city", "cross", "bridge", "station", "airport", "school", "college", "university", "church", "cathedral", "house", "hall",
        "court", "palace", "bank", "insurance", "group", "company", "corporation", "inc", "ltd", "llc", "gmbh", "area", "bridge",
        "lanka", "lankan", "jayawardenepura", "choi",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    protected override Candidate? Validate(string text, Match match)
    {
        var title = match.Groups["title"];
        if (title.Success)
        {
            // "Pan Am", "Pan-American": no title. "Sheikh Zayed Road", "Dr Martin Luther King Jr. Blvd": a street named after one.
            var end = title.Index + title.Length;
            var first = TextScan.WordAfter(text, end, out var firstEnd);
            if (PanWords.Contains(first))
                return null;
            if (firstEnd < text.Length - 1 && text[firstEnd] == ' ' && char.IsUpper(text[firstEnd + 1]) && IsStreetOrCompany(TextScan.WordAfter(text, firstEnd, out _)))
                return null;
            // A run of titles ("Prof. Dr.", "Frau Dr.") is stronger evidence, and must outscore a name cue that read its
            // second title as a name (PersonCueRecognizer scores "Dr" in "Prof. Dr. Müller" 0.75).
            var chained = title.Value.AsSpan().ContainsAny(' ', '\t') && IsRun(title.Value);
            return new Candidate(title.Index, end, chained ? 0.8 : 0.6);
        }
        var post = match.Groups["post"];
        if (post.Success)
            return ValidatePost(text, post);
        var next = match.Groups["next"].Value;
        var after = match.Groups["after"];
        if (NotAfterTitle.Contains(next) || after.Success && NotAfterTitle.Contains(after.Value))
            return null;
        var nextClass = EntityGazetteer.Default.Lookup(next.ToLowerInvariant());
        if (after.Success && IsStreetOrCompany(after.Value))
            return null;
        var guarded = match.Groups["guarded"];
        if (guarded.Success)
        {
            // Before a known name only ("General Smith", "Father Brown", "Don José"), never a country, state or street word.
            if ((nextClass & (GazetteerClass.FirstName | GazetteerClass.LastName)) == 0
                || (nextClass & (GazetteerClass.Country | GazetteerClass.State)) != 0)
                return null;
            // The English first names "Don", "Dom" and "Dona" and the Asian ones "Tuan", "Pak" and "Bu" are titles before a first name only.
            if (guarded.Value is "Don" or "Dom" or "Dona" or "Tuan" or "Pak" or "Bu" or "Bay" or "Bayan" && (nextClass & GazetteerClass.FirstName) == 0)
                return null;
            return new Candidate(guarded.Index, guarded.Index + guarded.Length, 0.6);
        }
        var initial = match.Groups["initial"];
        if (IsAfterFirstNameOrInitial(text, initial.Index))
            return null;
        // "D." is also an initial: a title before a first name only ("D. José García"). "Km." is kilometres after a number.
        if (initial.Value == "D." && (nextClass & GazetteerClass.FirstName) == 0)
            return null;
        if (initial.Value == "Km." && PrecededByDigit(text, initial.Index))
            return null;
        return new Candidate(initial.Index, initial.Index + initial.Length, 0.5);
    }

    private static Candidate? ValidatePost(string text, Group post)
    {
        // After a capitalised word on the same line: "Kovács úr", "Ahmet Bey", "Ayşe Hanım", "John Smith, Esq.".
        var i = post.Index;
        var isEsq = post.Value.StartsWith("Esq", StringComparison.Ordinal);
        while (i > 0 && text[i - 1] == ' ')
            i--;
        if (i == post.Index)
            return null;
        if (isEsq && i > 0 && text[i - 1] == ',')
            i--;
        var end = i;
        while (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] is '-' or '\'' or '’'))
            i--;
        if (end - i < 2 || !char.IsUpper(text[i]) || (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '.')))
            return null;
        // "Bey" and "Hanım" capitalised are titles only after a name; lower-case "úr" and "asszony" after any capitalised word.
        var word = text[i..end];
        if (IsStreetOrCompany(word) || NotAfterTitle.Contains(word) || HungarianArticles.Contains(word))
            return null;
        return new Candidate(post.Index, post.Index + post.Length, 0.6);
    }

    /// <summary>Capitalised Hungarian articles and pronouns at a sentence's start: "Az úr" is "the gentleman".</summary>
    private static readonly FrozenSet<string> HungarianArticles =
        new[] { "a", "az", "egy", "ez", "ezt", "azt", "ez", "és", "is", "mint", "nem", "minden", "kedves", "tisztelt" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a title match holds more than one title ("Prof. Dr."), as opposed to one written with a space ("Dr. med.").</summary>
    private static bool IsRun(string value)
    {
        var m = SingleTitle().Match(value);
        return !(m.Success && m.Index == 0 && m.Length == value.Length);
    }

    [GeneratedRegex(@"^(?:" + AllTitles + @")\.?$", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex SingleTitle();

    /// <summary>Words after "Pan" that make it "Pan-American", not a Polish or Czech "Mr".</summary>
    private static readonly FrozenSet<string> PanWords =
        new[] { "am", "american", "americana", "pacific", "asian", "african", "european", "arab", "arabic", "slavic", "hellenic" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>A street, company or place word that is no name the gazetteer knows ("Road", "Hospital", "GmbH"; not "Park" or "Lane").</summary>
    private static bool IsStreetOrCompany(string word)
    {
        var c = EntityGazetteer.Default.Lookup(word.ToLowerInvariant());
        if ((c & (GazetteerClass.FirstName | GazetteerClass.LastName)) != 0)
            return false;
        return NotAfterTitle.Contains(word) || (c & (GazetteerClass.StreetSuffix | GazetteerClass.CompanySuffix)) != 0;
    }


    /// <summary>"John M. Smith", "J. M. Coetzee": the letter is a middle initial, not a title.</summary>
    private static bool IsAfterFirstNameOrInitial(string text, int index)
    {
        var i = index;
        while (i > 0 && text[i - 1] is ' ' or '\t')
            i--;
        if (i == index || i == 0)
            return false;
        if (text[i - 1] == '.' && i >= 2 && char.IsUpper(text[i - 2]) && (i == 2 || !char.IsLetter(text[i - 3])))
            return true;
        var end = i;
        while (i > 0 && char.IsLetter(text[i - 1]))
            i--;
        if (end == i || !char.IsUpper(text[i]))
            return false;
        var cls = EntityGazetteer.Default.Lookup(text[i..end].ToLowerInvariant());
        return (cls & (GazetteerClass.FirstName | GazetteerClass.LastName)) != 0;
    }

    private static bool PrecededByDigit(string text, int index)
    {
        var i = index;
        while (i > 0 && text[i - 1] is ' ' or '\t')
            i--;
        return i > 0 && char.IsDigit(text[i - 1]);
    }

    /// <summary>Length of a title (with its dot and the spaces after it) starting at <paramref name="start"/>, or 0 when none does.</summary>
    public static int TitleLengthAt(string text, int start)
    {
        var match = Title().Match(text, start);
        if (!match.Success || match.Index != start)
            return 0;
        var end = match.Index + match.Length;
        while (end < text.Length && text[end] is ' ' or '\t')
            end++;
        return end - start;
    }
}
