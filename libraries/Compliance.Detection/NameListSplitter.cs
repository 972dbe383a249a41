namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// Joins tagger PERSON spans that only a space separates ("Declan" "Forsythe" read as two names) into one, then splits a
/// tagger PERSON span that runs over a list of names ("Present: Olumide, Bao, Katarzyna, Hamid, Sunita",
/// "Anna Kowalska, Jan Nowak") into one span per name. The tagger labels words, and a comma between two name words is
/// inside the span for it; scored per name, one span over five names matches none of them.
/// </summary>
/// <remarks>
/// "Kowalska, Anna" (a surname, a comma, a given name) is one person written in the order of forms, so a list needs
/// three or more pieces, or two pieces of two words or more each. A trailing "and"/"&amp;" piece ("Heidi, Kofi and
/// Raúl") is split too.
/// </remarks>
public static class NameListSplitter
{
    public static List<Finding> Apply(string text, List<Finding> findings, string taggerName)
    {
        findings = JoinSpaceSeparated(text, findings, taggerName);
        List<Finding>? result = null;
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            var pieces = f.Type == PersonalDataTypes.Person && f.Recognizer == taggerName ? ListPieces(text, f.Start, f.End) : null;
            if (pieces is null)
            {
                result?.Add(f);
                continue;
            }
            result ??= findings.GetRange(0, i);
            result.AddRange(pieces.Select(p => f with { Start = p.Start, End = p.End }));
        }
        return result ?? findings;
    }

    /// <summary>The names of a list in [start, end), or null when the span is no list.</summary>
    private static List<(int Start, int End)>? ListPieces(string text, int start, int end)
    {
        if (text.AsSpan(start, end - start).IndexOfAny(',', ';') < 0)
            return null;
        var pieces = new List<(int Start, int End)>();
        var from = start;
        for (var i = start; i <= end; i++)
        {
            if (i < end && text[i] is not (',' or ';'))
                continue;
            pieces.AddRange(SplitAtAnd(text, from, i));
            from = i + 1;
        }
        pieces = pieces.Select(p => Trim(text, p.Start, p.End)).Where(p => p.End > p.Start).ToList();
        var isList = pieces.Count >= 3 || (pieces.Count == 2 && pieces.All(p => text.AsSpan(p.Start, p.End - p.Start).Contains(' ')));
        return isList ? pieces : null;
    }

    private static IEnumerable<(int Start, int End)> SplitAtAnd(string text, int start, int end)
    {
        foreach (var joiner in new[] { " and ", " & ", " und ", " et ", " y ", " e ", " i ", " og ", " och ", " en " })
        {
            var at = text.IndexOf(joiner, start, end - start, StringComparison.Ordinal);
            if (at > start)
                return [(start, at), (at + joiner.Length, end)];
        }
        return [(start, end)];
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && !char.IsLetter(text[start]))
            start++;
        while (end > start && !char.IsLetter(text[end - 1]) && text[end - 1] != '.')
            end--;
        return (start, end);
    }

    /// <summary>Two people are never written one after the other with a single space between them; one person's given name
    /// and surname are, and the tagger may close the span between them.</summary>
    private static List<Finding> JoinSpaceSeparated(string text, List<Finding> findings, string taggerName)
    {
        var persons = findings.Where(f => f.Type == PersonalDataTypes.Person && f.Recognizer == taggerName).OrderBy(f => f.Start).ToList();
        var joined = new List<Finding>(persons.Count);
        var changed = false;
        foreach (var person in persons)
        {
            if (joined.Count > 0 && person.Start == joined[^1].End + 1 && text[joined[^1].End] == ' ')
            {
                joined[^1] = joined[^1] with { End = person.End, Score = Math.Min(joined[^1].Score, person.Score) };
                changed = true;
            }
            else
            {
                joined.Add(person);
            }
        }
        return changed ? [.. findings.Where(f => f.Type != PersonalDataTypes.Person || f.Recognizer != taggerName), .. joined] : findings;
    }
}
