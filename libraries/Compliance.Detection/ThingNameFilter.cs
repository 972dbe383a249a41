using System.Collections.Frozen;
using SpecialistPlatform.Compliance.Detection.Recognizers;

namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// Drops person and place findings that name a thing, not a person or a place: a product, a room or a module named
/// after one ("the Hudson tote", "our Florence sandals", "the Brooklyn meeting room", "the Oslo sofa bed"), and a
/// committee, a tier or a role ("Risk Committee", "Sterling Tier", "Lincoln Room", "Parish Secretary"). The tagger and
/// the place list judge the word; the words around it say what it names.
/// </summary>
/// <remarks>
/// A person is not written with an article before a single name and a common noun after it; a place used as a
/// modifier is kept ("the Paris office" may well be the location) unless the noun after it is one that products, rooms
/// and code names take. Findings of the sentence cues (a title, an introduction) are never dropped here.
/// </remarks>
public static class ThingNameFilter
{
    /// <summary>Words before a name used as a modifier: "the Aurora lamp", "our Chelsea boots".</summary>
    private static readonly FrozenSet<string> Determiners = new[]
    {
        "the", "our", "your", "this", "that", "these", "those", "a", "an", "its", "their", "new", "every", "each",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Nouns that products, rooms, code names and software parts take after the name they borrow.</summary>
    private static readonly FrozenSet<string> ThingNouns = new[]
    {
        "room", "rooms", "suite", "hall", "lounge", "boardroom", "auditorium", "wing", "collection", "range", "line", "edition", "series",
        "model", "theme", "font", "template", "style", "sofa", "chair", "armchair", "lamp", "table", "desk", "bed", "bag", "tote",
        "weekender", "backpack", "boots", "boot", "shoes", "sandals", "loafers", "sneakers", "trainers", "jacket", "coat", "dress",
        "shirt", "scarf", "mug", "glasses", "bottle", "oil", "candle", "perfume", "fragrance", "module", "server", "servers", "cluster",
        "database", "service", "app", "dashboard", "release", "build", "branch", "project", "programme", "program", "initiative",
        "campaign", "workstream", "sprint", "export", "import", "plugin", "api", "endpoint", "feature", "package", "bundle", "plan",
        "tier", "card", "account", "rewards", "menu", "brandy", "bath", "soap", "lotion", "cream", "burger", "salad", "cocktail", "pizza",
        "sandwich", "blend", "roast", "pod", "pods", "runner", "runners", "tiers", "printer", "cup", "cups", "teapot", "kit", "kits",
        "cobbler", "vase", "rug", "cushion", "throw", "sofas", "chairs", "lamps", "bags",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Last words of a committee, tier, room or role: no person's or place's name ends in one of them.</summary>
    private static readonly FrozenSet<string> ThingHeads = new[]
    {
        "committee", "tier", "secretary", "room", "team", "department", "programme", "program", "initiative", "collection",
        "board", "council", "panel", "taskforce", "workstream", "squad", "desk", "unit", "division", "chair", "treasurer",
        "coordinator", "manager", "officer", "director", "assistant", "administrator", "supervisor", "lead", "suite", "edition",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Recognizers whose findings a sentence cue stands behind: never dropped here.</summary>
    private static readonly FrozenSet<string> CueRecognizers = new[]
    {
        nameof(PersonCueRecognizer), nameof(AdminUnitRecognizer), nameof(StreetAddressRecognizer),
    }.ToFrozenSet(StringComparer.Ordinal);

    public static List<Finding> Apply(string text, List<Finding> findings)
    {
        List<Finding>? kept = null;
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            var drop = f.Type is PersonalDataTypes.Person or PersonalDataTypes.Location && !CueRecognizers.Contains(f.Recognizer) && NamesAThing(text, f);
            if (drop)
                kept ??= findings.GetRange(0, i);
            else
                kept?.Add(f);
        }
        return kept ?? findings;
    }

    private static bool NamesAThing(string text, Finding f)
    {
        // A code name in quotes: "Lisbon" and "Oslo" meeting rooms, release "Georgia", the "Charlotte" sofa bed. A place is
        // not quoted for its own sake; a person may be (a nickname, a name badge "Trevor"), so only with a thing noun beside.
        if (IsQuoted(text, f.Start, f.End, out var afterQuote))
        {
            if (f.Type == PersonalDataTypes.Location)
                return true;
            var next = TextScan.WordAfter(text, afterQuote, out var nextEnd);
            return IsThingNounOrBeforeOne(text, next, nextEnd) || ThingNouns.Contains(TextScan.WordBefore(text, f.Start - 1));
        }
        // "Risk Committee", "Lincoln Room" (either type); "Committee" alone only as a person: "Room" alone is no place either,
        // but a place the list knows is not dropped for its last word alone.
        var lastWord = TextScan.WordBefore(text, f.End);
        var single = text.AsSpan(f.Start, f.End - f.Start).IndexOfAny(' ', '\n', '\t') < 0;
        if (ThingHeads.Contains(lastWord) && (!single || f.Type == PersonalDataTypes.Person))
            return true;
        if (!single || f.Start == 0 || text[f.Start - 1] != ' ' || f.End >= text.Length || text[f.End] != ' ')
            return false;
        var after = TextScan.WordAfter(text, f.End, out var afterEnd);
        var before = TextScan.WordBefore(text, f.Start);
        // Two names sharing the noun: "the Berlin and Hamburg conference rooms", "The Denver and Madison pricing tiers".
        if (after is "and" or "or" && IsCapitalisedWordAt(text, afterEnd, out var secondEnd))
            after = TextScan.WordAfter(text, secondEnd, out afterEnd);
        else if (before is "and" or "or" && IsCapitalisedWordBefore(text, f.Start - before.Length - 1, out var firstStart))
            before = TextScan.WordBefore(text, firstStart);
        if (after.Length == 0 || !char.IsLower(after[0]))
            return false;
        // "Cleopatra bath oil", "Savannah loafers": a product noun right after the name, or after one more word, with no article.
        if (f.Type == PersonalDataTypes.Person && IsThingNounOrBeforeOne(text, after, afterEnd))
            return true;
        if (!Determiners.Contains(before) && !IsQuantity(text, f.Start))
            return false;
        // A place: "the Oslo sofa bed", "the Berlin and Hamburg conference rooms" (the noun may come second).
        return f.Type == PersonalDataTypes.Person ? !KeepsPerson(after) : IsThingNounOrBeforeOne(text, after, afterEnd);
    }

    /// <summary>Whether <paramref name="word"/> (ending at <paramref name="wordEnd"/>) or the word after it is a thing noun: "bath oil", "sofa bed", "conference rooms".</summary>
    private static bool IsThingNounOrBeforeOne(string text, string word, int wordEnd) =>
        ThingNouns.Contains(word) || ThingNouns.Contains(TextScan.WordAfter(text, wordEnd, out _));

    private static bool IsQuoted(string text, int start, int end, out int afterQuote)
    {
        afterQuote = end + 1;
        if (start == 0 || end >= text.Length || text[start - 1] is not ('"' or '“' or '„' or '«') || text[end] is not ('"' or '”' or '“' or '»'))
            return false;
        // A value in JSON, CSV or key="value" is quoted for the format, not as a name: "city": "Tokyo"; Dubai,"Tokyo",3.
        // A sentence's colon is no format: Room booking: "Lisbon" and "Oslo" meeting rooms.
        var i = start - 1;
        while (i > 0 && text[i - 1] is ' ' or '\t')
            i--;
        var j = afterQuote;
        while (j < text.Length && text[j] is ' ' or '\t')
            j++;
        var valueEnds = j < text.Length && text[j] is ',' or '}' or ']' or ';';
        var formatBefore = i > 0 && (text[i - 1] is '=' or '[' || text[i - 1] is ':' or ',' && i > 1 && text[i - 2] is '"' or '\'');
        return !formatBefore && !valueEnds;
    }

    /// <summary>A single capitalised word after the spaces at <paramref name="index"/>: the second name of "Berlin and Hamburg".</summary>
    private static bool IsCapitalisedWordAt(string text, int index, out int end)
    {
        var word = TextScan.WordAfter(text, index, out end);
        return word.Length > 1 && char.IsUpper(word[0]);
    }

    /// <summary>A single capitalised word ending before the spaces at <paramref name="index"/>, and where it starts.</summary>
    private static bool IsCapitalisedWordBefore(string text, int index, out int start)
    {
        var word = TextScan.WordBefore(text, Math.Max(0, index));
        var end = index;
        while (end > 0 && text[end - 1] is ' ' or '\t')
            end--;
        start = end - word.Length;
        return word.Length > 1 && char.IsUpper(word[0]);
    }

    /// <summary>"1x Florence teapot", "2x Paris espresso cups": an order line's count before a product.</summary>
    private static bool IsQuantity(string text, int start)
    {
        var i = start;
        while (i > 0 && text[i - 1] == ' ')
            i--;
        return i >= 2 && text[i - 1] is 'x' or '×' && char.IsDigit(text[i - 2]);
    }

    /// <summary>"the Jordan who called" or "the Anna I know" are rare, "the Hudson tote" is how products read; a verb, a
    /// linking word or a family word after the name keeps it ("the Kowalski we met", "the Vasquez family").</summary>
    private static bool KeepsPerson(string word) =>
        word is "who" or "whom" or "whose" or "that" or "and" or "or" or "is" or "was" or "has" or "had" or "we" or "i" or "you" or "from" or "of"
            or "family" or "household" or "twins" or "brothers" or "sisters" or "siblings" or "couple" or "kids" or "children";
}
