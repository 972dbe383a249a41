namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// Keeps one finding per stretch of text: the higher score wins, then the longer span, then the earlier
/// start. Returns findings ordered by position.
/// </summary>
public static class OverlapResolver
{
    public static IReadOnlyList<Finding> Resolve(IEnumerable<Finding> findings)
    {
        // Whether a finding survives depends only on the findings it overlaps, directly or through a chain,
        // so the greedy choice runs per group of transitively overlapping findings. Most findings overlap
        // nothing; this keeps a 10 MB text with hundreds of thousands of findings at O(n log n).
        var byStart = findings.Where(f => f.End > f.Start).OrderBy(f => f.Start).ThenBy(f => f.End).ToList();
        var kept = new List<Finding>(byStart.Count);
        var i = 0;
        while (i < byStart.Count)
        {
            var j = i + 1;
            var groupEnd = byStart[i].End;
            while (j < byStart.Count && byStart[j].Start < groupEnd)
            {
                groupEnd = Math.Max(groupEnd, byStart[j].End);
                j++;
            }
            if (j == i + 1)
                kept.Add(byStart[i]);
            else
                kept.AddRange(ResolveGroup(byStart.GetRange(i, j - i)));
            i = j;
        }
        return kept;
    }

    private static List<Finding> ResolveGroup(List<Finding> group)
    {
        var ranked = group
            .OrderByDescending(f => f.Score)
            .ThenByDescending(f => f.Length)
            .ThenBy(f => f.Start)
            .ThenBy(f => f.Type, StringComparer.Ordinal);
        // Kept findings never overlap, so ordered by start they are also ordered by end: checking the
        // neighbours of the insertion point is enough.
        var kept = new List<Finding>();
        var starts = new List<int>();
        foreach (var candidate in ranked)
        {
            var index = starts.BinarySearch(candidate.Start);
            if (index < 0)
                index = ~index;
            else if (kept[index].Overlaps(candidate))
                continue;
            if (index > 0 && kept[index - 1].Overlaps(candidate))
                continue;
            if (index < kept.Count && kept[index].Overlaps(candidate))
                continue;
            kept.Insert(index, candidate);
            starts.Insert(index, candidate.Start);
        }
        return kept;
    }

    /// <summary>Tagger types a rule-found organisation absorbs: a name or place inside "Nordvik Shipping AS" or "Ankara Üniversitesi".</summary>
    private static readonly HashSet<string> InsideOrganization = new(StringComparer.Ordinal)
    {
        PersonalDataTypes.Person, PersonalDataTypes.Location, PersonalDataTypes.Organization,
    };

    /// <summary>
    /// A tagger LOCATION lying wholly inside a longer place the place list knows ("Newcastle" and "Tyne" in "Newcastle upon
    /// Tyne", "Trent" in "Stoke-on-Trent") is dropped before overlaps are resolved: the list knows the whole name, the
    /// tagger's pieces would win on probability and leave half of it.
    /// </summary>
    public static List<Finding> CombinePlaces(List<Finding> findings, string taggerName)
    {
        const string list = nameof(Recognizers.KnownPlaceRecognizer);
        var places = findings.Where(f => f.Recognizer == list).ToList();
        if (places.Count == 0)
            return findings;
        return findings.Where(f => f.Recognizer != taggerName || f.Type != PersonalDataTypes.Location
            || !places.Exists(p => p.Start <= f.Start && f.End <= p.End && p.Length > f.Length)).ToList();
    }

    /// <summary>
    /// Combines the organisations found by <see cref="Recognizers.OrganizationRecognizer"/> with the tagger's findings before
    /// overlaps are resolved. The rule knows where a legal form or an institution word puts the name, the tagger reads only
    /// the words: a tagger PERSON, LOCATION or ORGANIZATION lying wholly inside a rule organisation is dropped ("Nordvik"
    /// read as a town in "Nordvik Shipping AS", "Ankara Üniversitesi" read as a person), whatever its probability. Over a
    /// rule organisation with a legal form, a tagger ORGANIZATION is dropped too ("Acme Corp. and Globex" read as one
    /// company leaves "Acme Corp." and "Globex Corporation" to the rule, "Sp. z o." cut before its last dot leaves the whole
    /// "Sp. z o.o."), and a tagger PERSON or LOCATION keeps only its capitalised pieces outside it. Other overlaps are left to <see cref="Resolve"/>: a
    /// confident tagger span still beats a rule organisation found by an industry word alone.
    /// </summary>
    public static List<Finding> CombineOrganizations(string text, List<Finding> findings, string taggerName)
    {
        // An organisation the list knows by name counts as a rule organisation with a legal form.
        static bool IsRule(Finding f) => f.Recognizer is nameof(Recognizers.OrganizationRecognizer) or nameof(Recognizers.KnownOrganizationRecognizer);
        if (!findings.Exists(IsRule) || !findings.Exists(f => f.Recognizer == taggerName))
            return findings;
        var organizations = findings.Where(IsRule).OrderBy(f => f.Start).ToList();
        var result = new List<Finding>(findings.Count);
        foreach (var f in findings)
        {
            // A tagger street line without a house number over an institution ("Hadassah Medical Center") is the institution.
            var streetWithoutNumber = f.Type == PersonalDataTypes.StreetAddress && text.AsSpan(f.Start, f.Length).IndexOfAnyInRange('0', '9') < 0;
            if (f.Recognizer != taggerName || !(InsideOrganization.Contains(f.Type) || streetWithoutNumber))
            {
                result.Add(f);
                continue;
            }
            var overlapping = organizations.Where(o => o.Overlaps(f)).ToList();
            if (overlapping.Count == 0)
            {
                result.Add(f);
                continue;
            }
            if (overlapping.Exists(o => o.Start <= f.Start && f.End <= o.End))
                continue;
            if (streetWithoutNumber)
            {
                result.Add(f);
                continue;
            }
            var legal = overlapping.Where(o => o.Score >= Recognizers.OrganizationRecognizer.LegalFormScore).ToList();
            if (legal.Count == 0)
            {
                result.Add(f);
                continue;
            }
            // A tagger organisation over a legal-form one is the same company read with other edges ("Договор с ООО «Ромашка»"):
            // nothing of it is kept. A name or place keeps its pieces outside ("Anna Kowalska, Acme Ltd" read as one name).
            if (f.Type == PersonalDataTypes.Organization)
                continue;
            var pieceStart = f.Start;
            foreach (var o in legal)
            {
                AddCapitalisedPiece(text, f, pieceStart, Math.Max(pieceStart, o.Start), result);
                pieceStart = Math.Max(pieceStart, o.End);
            }
            AddCapitalisedPiece(text, f, pieceStart, f.End, result);
        }
        return result;
    }

    /// <summary>A piece of a tagger span cut by a rule organisation, when a capitalised word is left in it ("and" alone is not).</summary>
    private static void AddCapitalisedPiece(string text, Finding finding, int start, int end, List<Finding> into)
    {
        var pieces = new List<Finding>(1);
        TaggerSpanRefiner.AddPiece(text, finding, start, end, pieces);
        foreach (var p in pieces)
            if (text.AsSpan(p.Start, p.Length).IndexOfAnyInRange('A', 'Z') >= 0 || HasUpper(text, p.Start, p.End))
                into.Add(p);
    }

    private static bool HasUpper(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
            if (char.IsUpper(text[i]))
                return true;
        return false;
    }

    /// <summary>Types a rule-found street line absorbs when they lie wholly inside it ("Oak Dr" is no title, "Piotrkowska" no town).</summary>
    private static readonly HashSet<string> InsideStreet = new(StringComparer.Ordinal)
    {
        PersonalDataTypes.Person, PersonalDataTypes.Location, PersonalDataTypes.Organization, PersonalDataTypes.Title, PersonalDataTypes.DateTime,
        PersonalDataTypes.Age, PersonalDataTypes.Nrp, PersonalDataTypes.StreetAddress,
    };

    /// <summary>
    /// Combines the street lines found by <see cref="Recognizers.StreetAddressRecognizer"/> with the tagger's findings before
    /// overlaps are resolved. A tagger street span overlapping a rule street widens it by what the tagger adds on the same
    /// line up to a comma, and by flat parts with a digit after or before a comma (see <see cref="ExtendEnd"/>), never by a
    /// town after a comma (", Berlin" is a LOCATION of its own). Names, places, titles, dates and the like that lie wholly
    /// inside a rule street are dropped ("Piotrkowska" in "ul. Piotrkowska 104" is no town); a tagger finding that reaches
    /// beyond it keeps the part outside ("Hauptstraße 112, Stuttgart" read as one LOCATION keeps "Stuttgart").
    /// </summary>
    public static List<Finding> CombineStreetLines(string text, List<Finding> findings, string taggerName)
    {
        const string rule = nameof(Recognizers.StreetAddressRecognizer);
        if (!findings.Exists(f => f.Recognizer == rule))
            return findings;
        var streets = findings.Where(f => f.Recognizer == rule).OrderByDescending(f => f.Score).ThenByDescending(f => f.Length).ToList();
        var others = findings.Where(f => f.Recognizer != rule).ToList();
        var result = new List<Finding>(findings.Count);
        var keptStreets = new List<Finding>();
        foreach (var s in streets)
        {
            var street = s;
            if (keptStreets.Exists(k => k.Overlaps(street)))
                continue;
            foreach (var t in others)
            {
                if (t.Recognizer != taggerName || t.Type != PersonalDataTypes.StreetAddress || !t.Overlaps(street))
                    continue;
                var start = t.Start < street.Start ? ExtendStart(text, t.Start, street.Start) : street.Start;
                var end = t.End > street.End ? ExtendEnd(text, street.End, t.End) : street.End;
                street = street with { Start = start, End = end, Score = Math.Max(street.Score, t.Score) };
            }
            keptStreets.Add(street);
        }
        foreach (var other in others)
        {
            var o = other;
            var overlapping = keptStreets.Where(k => k.Overlaps(o)).ToList();
            if (overlapping.Count == 0)
            {
                result.Add(o);
                continue;
            }
            if (!InsideStreet.Contains(o.Type))
            {
                result.Add(o);
                continue;
            }
            if (overlapping.Exists(k => k.Start <= o.Start && o.End <= k.End))
                continue;
            if (o.Recognizer != taggerName)
            {
                result.Add(o);
                continue;
            }
            // A tagger finding reaching beyond the street keeps its pieces outside it; what is left of a tagger street span
            // without a digit is the town after it (", København").
            if (o.Type == PersonalDataTypes.StreetAddress)
                o = o with { Type = PersonalDataTypes.Location };
            var pieceStart = o.Start;
            foreach (var k in overlapping.OrderBy(k => k.Start))
            {
                TaggerSpanRefiner.AddPiece(text, o, pieceStart, Math.Max(pieceStart, k.Start), result);
                pieceStart = Math.Max(pieceStart, k.End);
            }
            TaggerSpanRefiner.AddPiece(text, o, pieceStart, o.End, result);
        }
        result.AddRange(keptStreets);
        return result;
    }

    /// <summary>
    /// How far a street line may grow to the right into the tagger's span [from, to): the words up to the next comma on the
    /// same line ("Jansenplein 826 III", "Sannedijk 921 3 hoog achter"), then comma-separated pieces that hold a digit and do
    /// not start with a postcode ("Strada Zanetta 567, Appartamento 60"); never a piece without a digit after a comma
    /// (", Berlin": the town is a LOCATION of its own) nor anything on the next line.
    /// </summary>
    private static int ExtendEnd(string text, int from, int to)
    {
        var end = from;
        var pieceStart = from;
        var first = true;
        while (pieceStart < to)
        {
            var comma = text.IndexOf(',', pieceStart, to - pieceStart);
            var pieceEnd = comma < 0 ? to : comma;
            if (!PieceJoins(text, pieceStart, pieceEnd, first))
                break;
            end = TrimEnd(text, end, pieceEnd);
            first = false;
            if (comma < 0)
                break;
            pieceStart = comma + 1;
        }
        return end;
    }

    /// <summary>The same to the left: the words right before the street on its line ("Undre Idrottsgatan 198"), then pieces
    /// with a digit before a comma ("Flat 3, 27 Kingsley Road").</summary>
    private static int ExtendStart(string text, int from, int to)
    {
        var start = to;
        var pieceEnd = to;
        var first = true;
        while (pieceEnd > from)
        {
            var comma = text.LastIndexOf(',', pieceEnd - 1, pieceEnd - from);
            var pieceStart = comma < 0 ? from : comma + 1;
            if (!PieceJoins(text, pieceStart, pieceEnd, first))
                break;
            start = TrimStart(text, pieceStart, start);
            first = false;
            if (comma < 0)
                break;
            pieceEnd = comma;
        }
        return start;
    }

    private static bool PieceJoins(string text, int start, int end, bool adjacent)
    {
        var piece = text.AsSpan(start, end - start);
        if (piece.IndexOfAny('\n', '\r') >= 0)
            return false;
        if (adjacent)
            return true;
        piece = piece.Trim();
        if (piece.Length == 0 || piece.Length > 24 || piece.IndexOfAnyInRange('0', '9') < 0)
            return false;
        // "2200 København N", "70173 Stuttgart": a postcode and a town.
        var digits = 0;
        while (digits < piece.Length && char.IsAsciiDigit(piece[digits]))
            digits++;
        return !(digits >= 4 && digits + 1 < piece.Length && piece[digits] == ' ' && char.IsUpper(piece[digits + 1]));
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';'))
            end--;
        return end;
    }

    private static int TrimStart(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ',' or ';'))
            start++;
        return start;
    }
}
