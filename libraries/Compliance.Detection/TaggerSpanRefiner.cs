namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// Cuts the rule findings out of the learned tagger's spans before overlaps are resolved. The tagger reads a line
/// as words and may take "Dr Cohen", "Hauptstraße 112, 70173 Stuttgart" or "Jane (jane@x.io" as one span; the rules
/// know exactly where a title, a postcode or an e-mail address lies. Without this step the resolver keeps one of
/// the two whole and loses the other; with it the title, the postcode and the name, street or town each keep their
/// own span. Only types that never belong inside a name, place, company or street are cut out.
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
