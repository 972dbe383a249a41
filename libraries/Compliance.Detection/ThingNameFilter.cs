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
        "sandwich", "blend", "roast",
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
        // "Risk Committee", "Lincoln Room" (either type); "Committee" alone only as a person: "Room" alone is no place either,
        // but a place the list knows is not dropped for its last word alone.
        var lastWord = TextScan.WordBefore(text, f.End);
        var single = text.AsSpan(f.Start, f.End - f.Start).IndexOfAny(' ', '\n', '\t') < 0;
        if (ThingHeads.Contains(lastWord) && (!single || f.Type == PersonalDataTypes.Person))
            return true;
        if (!single || f.Start == 0 || text[f.Start - 1] != ' ' || f.End >= text.Length || text[f.End] != ' ')
            return false;
        var after = TextScan.WordAfter(text, f.End, out var afterEnd);
        if (after.Length == 0 || !char.IsLower(after[0]))
            return false;
        // "Cleopatra bath oil", "Savannah loafers": a product noun right after the name, or after one more word, with no article.
        if (f.Type == PersonalDataTypes.Person && (ThingNouns.Contains(after) || ThingNouns.Contains(TextScan.WordAfter(text, afterEnd, out _))))
            return true;
        if (!Determiners.Contains(TextScan.WordBefore(text, f.Start)))
            return false;
        return f.Type == PersonalDataTypes.Person ? !KeepsPerson(after) : ThingNouns.Contains(after);
    }

    /// <summary>"the Jordan who called" or "the Anna I know" are rare, "the Hudson tote" is how products read; a verb, a
    /// linking word or a family word after the name keeps it ("the Kowalski we met", "the Vasquez family").</summary>
    private static bool KeepsPerson(string word) =>
        word is "who" or "whom" or "whose" or "that" or "and" or "or" or "is" or "was" or "has" or "had" or "we" or "i" or "you" or "from" or "of"
            or "family" or "household" or "twins" or "brothers" or "sisters" or "siblings" or "couple" or "kids" or "children";
}
