using System.Buffers;

namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// Cuts the rule findings out of the learned tagger's spans before overlaps are resolved. The tagger reads a line
/// as words and may take "Dr Cohen", "Hauptstraße 112, 70173 Stuttgart" or "Jane (jane@x.io" as one span; the rules
/// know exactly where a title, a postcode or an e-mail address lies. Without this step the resolver keeps one of
/// the two whole and loses the other; with it the title, the postcode and the name, street or town each keep their
/// own span. Only types that never belong inside a name, place, company or street are cut out.
/// Before that, tagger spans made only of other languages' common words are dropped, and a person's edge pieces of
/// them cut off (<see cref="WithoutCommonWordPieces"/>).
/// </summary>
public static class TaggerSpanRefiner
{
    /// <summary>Types whose rule findings a tagger span must not swallow.</summary>
    private static readonly HashSet<string> Separate = new(StringComparer.Ordinal)
    {
        PersonalDataTypes.Title, PersonalDataTypes.ZipCode, PersonalDataTypes.PhoneNumber, PersonalDataTypes.EmailAddress,
        PersonalDataTypes.CreditCard, PersonalDataTypes.Iban, PersonalDataTypes.Url, PersonalDataTypes.DomainName,
        PersonalDataTypes.IpAddress, PersonalDataTypes.UsSsn, PersonalDataTypes.UkNhs, PersonalDataTypes.DateTime,
        PersonalDataTypes.Age, PersonalDataTypes.Crypto, PersonalDataTypes.MedicalLicense,
    };

    public static List<Finding> Refine(string text, List<Finding> findings, string taggerName)
    {
        // Cut first: "Szanowna Pani Agnieszko" loses its title, and only then is "Szanowna" a piece of its own to drop.
        var plain = WithoutCommonWords(text, WithoutRuleFindings(text, findings, taggerName), taggerName);
        return ThingNameFilter.Apply(text, NameListSplitter.Apply(text, plain, taggerName));
    }

    private static List<Finding> WithoutRuleFindings(string text, List<Finding> findings, string taggerName)
    {
        // A state code before a postcode is a place of its own, not part of the town the tagger may have run into it.
        var cutters = findings
            .Where(f => f.Recognizer != taggerName && (Separate.Contains(f.Type) || f.Recognizer == nameof(Recognizers.StateCodeRecognizer)))
            .OrderBy(f => f.Start)
            .ToList();
        if (cutters.Count == 0 || !findings.Exists(f => f.Recognizer == taggerName))
            return findings;
        var starts = cutters.Select(c => c.Start).ToList();
        var longest = cutters.Max(c => c.Length);
        var refined = new List<Finding>(findings.Count);
        foreach (var finding in findings)
        {
            if (finding.Recognizer != taggerName)
            {
                refined.Add(finding);
                continue;
            }
            var index = starts.BinarySearch(finding.Start - longest);
            if (index < 0)
                index = ~index;
            var pieceStart = finding.Start;
            var cut = false;
            for (var i = index; i < cutters.Count && cutters[i].Start < finding.End; i++)
            {
                var c = cutters[i];
                if (c.End <= pieceStart)
                    continue;
                cut = true;
                AddPiece(text, finding, pieceStart, Math.Max(pieceStart, c.Start), refined);
                pieceStart = Math.Max(pieceStart, c.End);
            }
            if (!cut)
            {
                refined.Add(finding);
                continue;
            }
            AddPiece(text, finding, pieceStart, finding.End, refined);
        }
        return refined;
    }

    /// <summary>
    /// The tagger's findings without spans made only of other languages' common words ("Rechnung" as a place,
    /// "Kundenservice" as a company, "Kontakt" as a person), and persons without such edge pieces ("Grüße, Anna Weber").
    /// </summary>
    internal static List<Finding> WithoutCommonWords(string text, List<Finding> findings, string taggerName)
    {
        List<Finding>? kept = null;
        for (var i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            var (start, end) = f.Recognizer != taggerName ? (f.Start, f.End)
                : f.Type == PersonalDataTypes.Person ? WithoutCommonWordPieces(text, f.Start, f.End)
                : IsHeadingNotPlace(text, f.Start, f.End) ? (0, 0) : (f.Start, f.End);
            if (start == f.Start && end == f.End)
            {
                kept?.Add(f);
                continue;
            }
            kept ??= findings.GetRange(0, i);
            if (end > start)
                kept.Add(f with { Start = start, End = end });
        }
        return kept ?? findings;
    }

    /// <summary>
    /// A PERSON span without its leading and trailing pieces (split at commas, semicolons and line breaks) made only of
    /// other languages' common words: "Grüße, Anna Weber" keeps "Anna Weber", "Montag, Zahlung" and "Kontakt" keep
    /// nothing (an empty range). "Weber, Anna" and "Anna Weber" stay whole; no piece is cut inside.
    /// </summary>
    internal static (int Start, int End) WithoutCommonWordPieces(string text, int start, int end)
    {
        while (start < end)
        {
            var cut = text.AsSpan(start, end - start).IndexOfAny(PieceBreaks);
            var pieceEnd = cut < 0 ? end : start + cut;
            if (!IsCommonWordsOnly(text, start, pieceEnd))
                break;
            start = cut < 0 ? end : pieceEnd + 1;
        }
        while (end > start)
        {
            var cut = text.AsSpan(start, end - start).LastIndexOfAny(PieceBreaks);
            var pieceStart = cut < 0 ? start : start + cut + 1;
            if (!IsCommonWordsOnly(text, pieceStart, end))
                break;
            end = cut < 0 ? start : start + cut;
        }
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ',' or ';'))
            start++;
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';'))
            end--;
        // Then whole words at either edge: "Merhaba Elif", "Familie Gruber", "Und Resi", "Mensaje de Andrés" keep the name.
        while (start < end)
        {
            var space = text.IndexOf(' ', start, end - start);
            if (space < 0 || !IsCommonWordsOnly(text, start, space))
                break;
            start = space + 1;
            while (start < end && char.IsLower(text[start]) && text.IndexOf(' ', start, end - start) is var next and > 0)
                start = next + 1;
        }
        while (end > start)
        {
            var space = text.LastIndexOf(' ', end - 1, end - start);
            if (space < 0 || !IsCommonWordsOnly(text, space + 1, end))
                break;
            end = space;
        }
        return (start, end);
    }

    /// <summary>
    /// Whether a place or company the tagger found is only common words, English ones included even where a town's name
    /// or a surname shares them ("Water will be shut off", "Booked by: People Team", "Platform Engineering"), and is no
    /// place the list knows ("Reading", "Bath" stay).
    /// </summary>
    private static bool IsHeadingNotPlace(string text, int start, int end) =>
        IsCommonWordsOnly(text, start, end, englishToo: true) && !Recognizers.KnownPlaceRecognizer.IsKnownPlace(text[start..end]);

    private static readonly SearchValues<char> PieceBreaks = SearchValues.Create(",;\n");

    /// <summary>
    /// Whether every word of [start, end) is a common word of another language and no name ("Kontakt", "Rechnung",
    /// "Vielen Dank", "Адреса"): German capitalises every noun, and forms in Czech, Polish or Swedish open lines with
    /// capitalised labels, which the tagger, trained on English-like context, reads as names. A span with any other
    /// word ("Anna Weber", "Frau Kunde") is kept whole.
    /// </summary>
    internal static bool IsCommonWordsOnly(string text, int start, int end, bool englishToo = false)
    {
        var gazetteer = Tagging.EntityGazetteer.Default;
        Span<char> lower = stackalloc char[64];
        var words = 0;
        var i = start;
        while (i < end)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }
            var from = i;
            while (i < end && (char.IsLetter(text[i]) || text[i] is '\'' or '’'))
                i++;
            var length = i - from;
            if (length > lower.Length)
                return false;
            text.AsSpan(from, length).ToLowerInvariant(lower);
            if (!(englishToo ? gazetteer.IsCommonOrEnglishWord(lower[..length]) : gazetteer.IsCommonWord(lower[..length])))
                return false;
            words++;
        }
        return words > 0;
    }

    /// <summary>Adds [start, end) of a tagger finding, trimmed of spaces and punctuation, when two letters are left. Also
    /// used by <see cref="OverlapResolver"/> for what a tagger span keeps outside a rule's street line.</summary>
    internal static void AddPiece(string text, Finding finding, int start, int end, List<Finding> into)
    {
        while (start < end && IsTrimmed(text[start]))
            start++;
        while (end > start && IsTrimmed(text[end - 1]))
            end--;
        var letters = 0;
        for (var i = start; i < end && letters < 2; i++)
        {
            if (char.IsLetter(text[i]))
                letters++;
        }
        if (letters >= 2)
            into.Add(finding with { Start = start, End = end });
    }

    private static bool IsTrimmed(char c) => char.IsWhiteSpace(c) || c is ',' or ';' or ':' or '(' or ')' or '<' or '>' or '[' or ']' or '"' or '\'' or '-' or '–' or '/' or '|';
}
