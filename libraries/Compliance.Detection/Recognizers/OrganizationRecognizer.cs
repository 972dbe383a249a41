using System.Collections.Frozen;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Companies and institutions named by their shape, for the made-up and foreign names the entity tagger reads as persons
/// or places ("Quillmore Systems", "Nordvik Shipping AS", "Smith, Jones and Brown LLP", "Uniwersytet Jagielloński"):
/// <list type="bullet">
/// <item>a run of one to five capitalised name words (hyphens, apostrophes, initials, "&amp;", "and", "und", "et", "y", "i",
/// "e", "of", "de" inside; commas only in a list of partners that ends in "and" or "&amp;") followed by a legal form of one of
/// about 40 jurisdictions (<see cref="OrganizationForms.Suffixes"/>: "Ltd", "GmbH &amp; Co. KG", "Sp. z o.o.", "S.A. de C.V.",
/// "Ltd. Şti.", "Pty Ltd", "Sdn Bhd"): score 0.75;</item>
/// <item>a legal form written before the name ("ООО «Ромашка»", "PT Maju Bersama Tbk", "PJSC Acme"): 0.75, or 0.65 for the
/// forms that are also abbreviations (PT, CV, AO), which need the name quoted or an Indonesian business word or "Tbk";</item>
/// <item>a run of name words ending in an industry or institution word ("Quillmore Systems", "Hadassah Medical Center",
/// "Semmelweis Egyetem", "Ankara Üniversitesi"), of which at least one is not an ordinary word ("Global Solutions",
/// "Your Bank" and "Customer Service Group" stay out); an institution word starting the name in the languages where it is
/// no everyday English noun ("Universität Hamburg", "Banco Santander"), or with a link word ("University of Oslo",
/// "Bank of Montreal"; "Bank Holiday" stays out): score 0.6.</item>
/// </list>
/// Scores sit below a confident tagger span (0.85 x its probability), so a tagger PERSON or LOCATION wins the overlap only
/// from a probability of 0.89 (legal form) or 0.71 (industry word) up. Names without any of these ("Harris-Walker", "Smith,
/// Jones and Brown" alone) are left to the tagger: lists of surnames and double-barrelled names are persons as often.
/// Fast: a single pass looks each word up in a dictionary of trigger words; the name rules run only at a trigger.
/// </summary>
public sealed class OrganizationRecognizer : IRecognizer
{
    public const double LegalFormScore = 0.75;
    public const double WeakPrefixScore = 0.65;
    public const double OrganizationWordScore = 0.6;

    /// <summary>Most name words kept before a legal form or an organisation word.</summary>
    private const int MaxNameWords = 5;

    private enum Kind { Suffix, Prefix, EndWord }

    /// <summary>A trigger: a legal form or an organisation word, with how many characters it has before its first word ("(Persero)").</summary>
    private sealed record Trigger(string Text, Kind Kind, int Lead);

    private static readonly FrozenDictionary<string, Trigger[]> ByFirstWord;
    private static readonly FrozenDictionary<string, Trigger[]>.AlternateLookup<ReadOnlySpan<char>> Lookup;
    private static readonly FrozenSet<string> EndWordSet;
    private static readonly FrozenSet<string> SingleWordSuffixes;
    private static readonly string[] SuffixesByLength = OrganizationForms.Suffixes.Where(s => !s.Contains(' ')).Distinct().OrderByDescending(s => s.Length).ToArray();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StartWordLookup;
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StartWithLinkLookup;

    static OrganizationRecognizer()
    {
        var triggers = new List<Trigger>();
        triggers.AddRange(OrganizationForms.Suffixes.Distinct().Select(s => new Trigger(s, Kind.Suffix, LeadLength(s))));
        triggers.AddRange(OrganizationForms.Prefixes.Select(s => new Trigger(s, Kind.Prefix, 0)));
        triggers.AddRange(OrganizationForms.EndWords.Distinct().Select(s => new Trigger(s, Kind.EndWord, 0)));
        ByFirstWord = triggers.GroupBy(t => FirstWord(t.Text), StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(t => t.Text.Length).ThenBy(t => t.Kind).ToArray(), StringComparer.Ordinal);
        Lookup = ByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        EndWordSet = OrganizationForms.EndWords.Where(w => !w.Contains(' ')).ToFrozenSet(StringComparer.Ordinal);
        SingleWordSuffixes = OrganizationForms.Suffixes.Where(s => s.All(char.IsLetter)).ToFrozenSet(StringComparer.Ordinal);
        StartWordLookup = OrganizationForms.StartWords.GetAlternateLookup<ReadOnlySpan<char>>();
        StartWithLinkLookup = OrganizationForms.StartWithLinkWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static int LeadLength(string form)
    {
        var i = 0;
        while (i < form.Length && !char.IsLetterOrDigit(form[i]))
            i++;
        return i;
    }

    private static string FirstWord(string form)
    {
        var i = LeadLength(form);
        var start = i;
        while (i < form.Length && IsWordChar(form[i]))
            i++;
        return form[start..i];
    }

    public string Name => nameof(OrganizationRecognizer);

    public IReadOnlyCollection<string> SupportedTypes => [PersonalDataTypes.Organization];

    public IEnumerable<Finding> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<Finding>? found = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]) || (i > 0 && IsWordChar(text[i - 1])))
            {
                i++;
                continue;
            }
            var wordEnd = i;
            while (wordEnd < text.Length && IsWordChar(text[wordEnd]))
                wordEnd++;
            var word = text.AsSpan(i, wordEnd - i);
            if (Lookup.TryGetValue(word, out var triggers))
                foreach (var t in triggers)
                    if (TryTrigger(text, i, t) is { } f)
                        (found ??= []).Add(f);
            if (char.IsUpper(word[0]) && (StartWordLookup.Contains(word) || StartWithLinkLookup.Contains(word)) && StartShape(text, i, wordEnd) is { } s)
                (found ??= []).Add(s);
            i = wordEnd;
        }
        return found is null ? [] : KeepBest(found);
    }

    /// <summary>The best of this recognizer's own overlapping findings: the higher score, then the longer span.</summary>
    private static List<Finding> KeepBest(List<Finding> found)
    {
        if (found.Count < 2)
            return found;
        var kept = new List<Finding>();
        foreach (var f in found.OrderByDescending(f => f.Score).ThenByDescending(f => f.Length).ThenBy(f => f.Start))
            if (!kept.Exists(k => k.Overlaps(f)))
                kept.Add(f);
        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    private Finding? TryTrigger(string text, int wordStart, Trigger t)
    {
        var start = wordStart - t.Lead;
        if (start < 0 || MatchForm(text, start, t.Text) is not { } end)
            return null;
        if (start > 0 && t.Lead > 0 && IsWordChar(text[start - 1]))
            return null;
        // A form or word glued to what is before it is part of another token ("U.S.A.", "#BankHoliday").
        if (t.Kind != Kind.Prefix && start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] != ',')
            return null;
        switch (t.Kind)
        {
            case Kind.Suffix:
            {
                var ambiguous = OrganizationForms.AmbiguousSuffixes.Contains(t.Text);
                if (NameBefore(text, start, commaBefore: !ambiguous) is not { } name)
                    return null;
                if (ambiguous && !AcceptAmbiguous(text, name, end))
                    return null;
                return new Finding(PersonalDataTypes.Organization, name.Start, end, LegalFormScore, Name);
            }
            case Kind.Prefix:
                return PrefixShape(text, start, end, t.Text);
            default:
            {
                // The organisation word ends the capitalised run: "Dynamic Communications Manager" and "Senior Group Developer"
                // are job titles, "Customer Service Group Chat" a heading (a legal form or another organisation word after it
                // is a trigger of its own: "Acme Holdings Ltd", "Oslo University Hospital").
                var next = SkipSpaces(text, end);
                if (next > end && next < text.Length && IsNameWord(text.AsSpan(next, WordEndAfter(text, next) - next)))
                    return null;
                if (NameBefore(text, start, linkFirst: true, andInside: false) is not { } name || !name.HasProperWord)
                    return null;
                // "Hadassah Medical Center of Jerusalem": an institution word may also take a link and a place after it.
                var after = StartWithLinkLookup.Contains(text.AsSpan(start, end - start)) && LinkedNameAfter(text, end) is { } linked ? linked : end;
                return new Finding(PersonalDataTypes.Organization, name.Start, after, OrganizationWordScore, Name);
            }
        }
    }

    /// <summary>A legal form or organisation word written before the name: "ООО «Ромашка»", "PT Maju Bersama Tbk".</summary>
    private Finding? PrefixShape(string text, int start, int end, string form)
    {
        if (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not ('(' or '"' or '«' or '“' or ','))
            return null;
        if (QuotedAfter(text, end) is { } quotedEnd)
            return new Finding(PersonalDataTypes.Organization, start, quotedEnd, LegalFormScore, Name);
        if (NameAfter(text, end, links: true) is not { } after)
            return null;
        var stop = after.End;
        // "PT Maju Bersama Tbk", "PT Bank Mandiri (Persero) Tbk": the suffix joins the span.
        var (suffixEnd, hasTbk) = TrailingSuffix(text, stop);
        if (!OrganizationForms.WeakPrefixes.Contains(form))
            return new Finding(PersonalDataTypes.Organization, start, suffixEnd, LegalFormScore, Name);
        if (hasTbk || after.Words >= 2 && after.HasIndonesianWord)
            return new Finding(PersonalDataTypes.Organization, start, suffixEnd, WeakPrefixScore, Name);
        return null;
    }

    private static (int End, bool HasTbk) TrailingSuffix(string text, int from)
    {
        var p = from;
        while (p < text.Length && text[p] == ' ')
            p++;
        foreach (var form in (ReadOnlySpan<string>)["(Persero) Tbk", "(Persero)", "Tbk.", "Tbk"])
            if (MatchForm(text, p, form) is { } e)
                return (e, form.Contains("Tbk", StringComparison.Ordinal));
        return (from, false);
    }

    /// <summary>An institution word that starts a name: "Universität Hamburg", "Universidad de Chile", "University of Oslo",
    /// with any name words before it ("National Bank of Greece", "London School of Economics").</summary>
    private Finding? StartShape(string text, int start, int end)
    {
        var word = text.AsSpan(start, end - start);
        int stop;
        if (LinkedNameAfter(text, end) is { } linked)
            stop = linked;
        else if (StartWordLookup.Contains(word) && NameAfter(text, end, links: true) is { } direct && !direct.AllGeneric)
            stop = direct.End;
        else
            return null;
        var from = NameBefore(text, start, andInside: false) is { } before ? before.Start : start;
        return new Finding(PersonalDataTypes.Organization, from, stop, OrganizationWordScore, Name);
    }

    /// <summary>After an institution word: a link word and capitalised words ("of Oslo", "de Buenos Aires", "für Musik"); the end, or null.</summary>
    private static int? LinkedNameAfter(string text, int end)
    {
        var p = SkipSpaces(text, end);
        if (p == end || p >= text.Length)
            return null;
        var linkEnd = p;
        while (linkEnd < text.Length && char.IsLetter(text[linkEnd]))
            linkEnd++;
        if (linkEnd < text.Length && text[linkEnd] is '\'' or '’' && linkEnd - p == 1)
            linkEnd++;
        if (linkEnd == p || !OrganizationForms.StartLinks.Contains(text[p..linkEnd]))
            return null;
        return NameAfter(text, linkEnd, links: true, requireSpace: text[linkEnd - 1] is not ('\'' or '’'))?.End;
    }

    private readonly record struct NameRun(int Start, int End, int Words, bool HasProperWord, bool AllGeneric, bool HasLowerCase, bool HasIndonesianWord);

    /// <summary>
    /// The capitalised name words right before <paramref name="end"/> on the same line, with the links between them, leading
    /// sentence and label words dropped ("The", "Dear", "Invoice"); null when no name word is left.
    /// </summary>
    /// <param name="commaBefore">Whether a comma may stand between the name and the form ("Smith &amp; Jones, P.C.", "Acme, Inc.").</param>
    /// <param name="linkFirst">Whether "and", "&amp;", "e", "y" may stand between the name and the word ("Zemlak and Sons", "Costa e Associados").</param>
    /// <param name="andInside">Whether "and" may join name words further left ("Smith and Brown LLP"); without a legal form it
    /// joins two names as often ("UN and World Bank", "Pope and World Council of Churches"), so only "&amp;" does.</param>
    private static NameRun? NameBefore(string text, int end, bool commaBefore = false, bool linkFirst = false, bool andInside = true)
    {
        Span<(int Start, int End)> words = stackalloc (int, int)[MaxNameWords];
        var count = 0;
        var p = end;
        var pendingLink = false;
        var sawAnd = false;
        var wordsSinceLink = 0;
        var countAtComma = 0;
        if (commaBefore)
        {
            var q = end;
            while (q > 0 && text[q - 1] is ' ' or '\t')
                q--;
            if (q > 0 && text[q - 1] == ',' && q < end)
                p = q - 1;
        }
        while (true)
        {
            var q = p;
            while (q > 0 && text[q - 1] is ' ' or '\t')
                q--;
            if (q == 0)
                break;
            var c = text[q - 1];
            // "&" may touch the words ("H&M"); other words of a name stand apart.
            if (c == '&' && (count > 0 || linkFirst && p == end) && !pendingLink)
            {
                pendingLink = true;
                sawAnd = true;
                wordsSinceLink = 0;
                p = q - 1;
                continue;
            }
            if (count > 0 && q == p && !pendingLink)
                break;
            // Another company or institution ends here ("Vestas A/S and Novo Nordisk A/S", "Ankara Üniversitesi and Semmelweis
            // Egyetem"): the name does not reach back over it.
            if (count > 0 && EndsOrganization(text, q, afterAnd: pendingLink && sawAnd))
                break;
            if (c == ',' && count > 0 && !pendingLink && sawAnd && wordsSinceLink == 1)
            {
                pendingLink = true;
                wordsSinceLink = 0;
                countAtComma = count;
                p = q - 1;
                continue;
            }
            var ws = WordStartBefore(text, q);
            if (ws < 0)
                break;
            var token = text.AsSpan(ws, q - ws);
            // A hashtag or handle is no part of a name; nor, past the name's first word, is a pronoun, article or preposition
            // of a title-case headline ("Russia Liquidates Its US Treasury Holdings").
            if (ws > 0 && text[ws - 1] is '#' or '@')
                break;
            if (count > 0 && OrganizationForms.LeadingNonNames.Contains(token.ToString()))
                break;
            if (IsNameWord(token) && !(count > 0 && SingleWordSuffixes.Contains(token.ToString())))
            {
                // In a list of partners each name between commas is one word: "Smith, Jones and Brown", not "Direct Identity
                // Architect, Kessler and Sons" (a job title and a company).
                if (countAtComma > 0 && !pendingLink && wordsSinceLink >= 1)
                {
                    count = countAtComma;
                    break;
                }
                if (count == MaxNameWords)
                    break;
                words[count++] = (ws, q);
                pendingLink = false;
                wordsSinceLink++;
                p = ws;
                continue;
            }
            if (!pendingLink && (count > 0
                    ? IsLink(token) && LinkJoins(text, ws, token) && (andInside || !OrganizationForms.AndLinks.Contains(token.ToString()))
                    : linkFirst && p == end && OrganizationForms.AndLinks.Contains(token.ToString())))
            {
                pendingLink = true;
                if (OrganizationForms.AndLinks.Contains(token.ToString()))
                    sawAnd = true;
                wordsSinceLink = 0;
                p = ws;
                continue;
            }
            break;
        }
        if (count == 0)
            return null;
        // Drop sentence and label words from the left ("The", "Dear", "Invoice"), and a link left dangling by that.
        var first = count - 1;
        while (first >= 0 && OrganizationForms.LeadingNonNames.Contains(text[words[first].Start..words[first].End]))
            first--;
        if (first < 0)
            return null;
        var start = words[first].Start;
        var proper = false;
        var allGeneric = true;
        var lower = false;
        var indonesian = false;
        for (var k = 0; k <= first; k++)
        {
            var w = text[words[k].Start..words[k].End];
            var generic = OrganizationForms.Generic.Contains(w) || EndWordSet.Contains(w) || OrganizationForms.LeadingNonNames.Contains(w);
            proper |= !generic;
            allGeneric &= generic;
            lower |= w.Any(char.IsLower);
            indonesian |= OrganizationForms.IndonesianWords.Contains(w);
        }
        return new NameRun(start, end, first + 1, proper, allGeneric, lower, indonesian);
    }

    /// <summary>
    /// Whether the link word at <paramref name="linkStart"/> joins the name word before it to the name: "and", "&amp;", "und",
    /// "e", "i" always ("Kowalski i Wspólnicy"); "of", "de", "van", "for" only after an institution word ("Bank of America
    /// Corp.", "Banco de Chile S.A."), since after any other word they are prepositions ("Facture de Lavergne SAS", "Offerte
    /// van Jansen B.V.", "Helsinki for Pohjola Ab"); "a" and "en" (also prepositions in Romance languages) not after the
    /// first word of a sentence ("Pedido a Construcciones Ribera S.L.").
    /// </summary>
    private static bool LinkJoins(string text, int linkStart, ReadOnlySpan<char> link)
    {
        var q = linkStart;
        while (q > 0 && text[q - 1] is ' ' or '\t')
            q--;
        if (q == linkStart || q == 0)
            return false;
        var ws = WordStartBefore(text, q);
        if (ws < 0)
            return false;
        var before = text[ws..q];
        if (!OrganizationForms.AndLinks.Contains(link.ToString()))
            return EndWordSet.Contains(before) || OrganizationForms.StartWords.Contains(before) || OrganizationForms.StartWithLinkWords.Contains(before);
        if (link is "a" or "en")
            return !StartsSentence(text, ws);
        return true;
    }

    /// <summary>Whether the word at <paramref name="start"/> is the first of its line or sentence.</summary>
    private static bool StartsSentence(string text, int start)
    {
        var p = start;
        while (p > 0 && text[p - 1] is ' ' or '\t')
            p--;
        return p == 0 || text[p - 1] is '\n' or '\r' or '.' or '!' or '?' or ':' or '"' or '“' or '«' or '(';
    }

    /// <summary>Whether a legal form or, after "and", an organisation word ends at <paramref name="end"/>.</summary>
    private static bool EndsOrganization(string text, int end, bool afterAnd)
    {
        var ws = afterAnd ? WordStartBefore(text, end) : -1;
        if (ws >= 0 && EndWordSet.Contains(text[ws..end]))
            return true;
        var before = text.AsSpan(0, end);
        foreach (var form in SuffixesByLength)
            if (before.EndsWith(form, StringComparison.Ordinal) && (end - form.Length == 0 || !IsWordChar(text[end - form.Length - 1])))
                return true;
        return false;
    }

    /// <summary>Capitalised name words from <paramref name="from"/> on, with links between them ("Maju Bersama", "Bank of Nova Scotia").</summary>
    private static NameRun? NameAfter(string text, int from, bool links, bool requireSpace = true)
    {
        var p = SkipSpaces(text, from);
        if (requireSpace && p == from)
            return null;
        var count = 0;
        var end = -1;
        var proper = false;
        var allGeneric = true;
        var lower = false;
        var indonesian = false;
        while (p < text.Length && count < MaxNameWords)
        {
            var we = WordEndAfter(text, p);
            if (we <= p)
                break;
            var token = text.AsSpan(p, we - p);
            if (IsNameWord(token) && !SingleWordSuffixes.Contains(token.ToString()))
            {
                var w = token.ToString();
                var generic = OrganizationForms.Generic.Contains(w) || EndWordSet.Contains(w);
                proper |= !generic;
                allGeneric &= generic;
                lower |= w.Any(char.IsLower);
                indonesian |= OrganizationForms.IndonesianWords.Contains(w);
                count++;
                end = we;
            }
            else if (!(links && count > 0 && IsLink(token)))
            {
                break;
            }
            var next = SkipSpaces(text, we);
            if (next == we || next >= text.Length)
                break;
            p = next;
        }
        return count == 0 ? null : new NameRun(from, end, count, proper, allGeneric, lower, indonesian);
    }

    /// <summary>A name in quotes right after a prefix form: "«Ромашка»", "\"Vector\""; the end after the closing quote.</summary>
    private static int? QuotedAfter(string text, int from)
    {
        var p = SkipSpaces(text, from);
        if (p >= text.Length || text[p] is not ('«' or '"' or '“' or '„'))
            return null;
        var close = text[p] switch { '«' => '»', '„' => '“', '“' => '”', _ => '"' };
        for (var q = p + 1; q < text.Length && q - p < 80; q++)
        {
            if (text[q] is '\n' or '\r')
                return null;
            if (text[q] == close || (close == '“' && text[q] == '”'))
                return q > p + 1 && char.IsUpper(text[p + 1]) ? q + 1 : null;
        }
        return null;
    }

    /// <summary>
    /// For two-letter forms that are also abbreviations ("SA", "AS", "AB") and forms that are ordinary words ("Company",
    /// "Limited"): a name with a lower-case letter that is not all ordinary words, not a known place ("Cape Town SA") and no
    /// postcode after ("Adelaide SA 5000").
    /// </summary>
    private static bool AcceptAmbiguous(string text, NameRun name, int end)
    {
        if (!name.HasLowerCase || !name.HasProperWord)
            return false;
        if (KnownPlaceRecognizer.IsKnownPlace(text[name.Start..FormStart(text, name.End)]))
            return false;
        var p = SkipSpaces(text, end);
        return !(p < text.Length && char.IsAsciiDigit(text[p]));
    }

    /// <summary>The end of the name words before a form (the form's start less the spaces before it).</summary>
    private static int FormStart(string text, int formStart)
    {
        var e = formStart;
        while (e > 0 && text[e - 1] is ' ' or '\t')
            e--;
        return e;
    }

    /// <summary>Where <paramref name="form"/> ends if it is written at <paramref name="at"/> (a space in it stands for any run of
    /// spaces) and is not continued by a letter or digit; null otherwise.</summary>
    private static int? MatchForm(string text, int at, string form)
    {
        var p = at;
        for (var k = 0; k < form.Length; k++)
        {
            if (form[k] == ' ')
            {
                if (p >= text.Length || text[p] is not (' ' or '\t'))
                    return null;
                while (p < text.Length && text[p] is ' ' or '\t')
                    p++;
                continue;
            }
            if (p >= text.Length || text[p] != form[k])
                return null;
            p++;
        }
        if (p < text.Length && IsWordChar(text[p]))
            return null;
        // "Inc" before ".com" or "AG-Bericht": the form is part of a longer token.
        if (p + 1 < text.Length && text[p] is '-' or '/' or '@' or '_' && IsWordChar(text[p + 1]))
            return null;
        if (p + 1 < text.Length && text[p] == '.' && form[^1] != '.' && IsWordChar(text[p + 1]))
            return null;
        return p;
    }

    private static int SkipSpaces(string text, int p)
    {
        while (p < text.Length && text[p] is ' ' or '\t')
            p++;
        return p;
    }

    /// <summary>The start of the word that ends at <paramref name="end"/>: letters and digits with inner hyphens and apostrophes
    /// ("Harris-Walker", "O'Kon", "McDonald's"), or an initial with its dot ("J."); -1 when none.</summary>
    private static int WordStartBefore(string text, int end)
    {
        if (text[end - 1] == '.')
        {
            // An initial or "St." ("J. Walter Thompson", "St. Olav's Hospital").
            var s = end - 1;
            while (s > 0 && char.IsLetter(text[s - 1]))
                s--;
            var len = end - 1 - s;
            if ((len == 1 || text.AsSpan(s, len) is "St" or "Ste") && char.IsUpper(text[s]) && (s == 0 || char.IsWhiteSpace(text[s - 1]) || text[s - 1] is '(' or '"'))
                return s;
            return -1;
        }
        if (!IsWordChar(text[end - 1]))
            return -1;
        var i = end;
        while (i > 0)
        {
            if (IsWordChar(text[i - 1]))
                i--;
            else if (i - 1 > 0 && text[i - 1] is '-' or '\'' or '’' && IsWordChar(text[i - 2]) && i < end)
                i--;
            else
                break;
        }
        return i;
    }

    /// <summary>The end of the word starting at <paramref name="start"/>, as <see cref="WordStartBefore"/> reads words.</summary>
    private static int WordEndAfter(string text, int start)
    {
        if (start >= text.Length)
            return start;
        if (text[start] == '&')
            return start + 1;
        var i = start;
        while (i < text.Length)
        {
            if (IsWordChar(text[i]))
                i++;
            else if (i > start && i + 1 < text.Length && text[i] is '-' or '\'' or '’' && IsWordChar(text[i + 1]))
                i++;
            else
                break;
        }
        // An initial or "St." before a capitalised word.
        if (i < text.Length && text[i] == '.' && i > start && (i - start == 1 || text.AsSpan(start, i - start) is "St" or "Ste") && char.IsUpper(text[start])
            && i + 2 < text.Length && text[i + 1] == ' ' && char.IsUpper(text[i + 2]))
            i++;
        return i;
    }

    /// <summary>A name word: starts with a capital ("Nordvik", "McLaughlin", "İnşaat", "Ромашка"), or digits with a capital ("3M").</summary>
    private static bool IsNameWord(ReadOnlySpan<char> token)
    {
        if (token.Length == 0)
            return false;
        if (char.IsUpper(token[0]))
            return true;
        if (!char.IsDigit(token[0]))
            return false;
        foreach (var c in token)
            if (char.IsUpper(c))
                return true;
        return false;
    }

    private static bool IsLink(ReadOnlySpan<char> token) =>
        token is "&" || OrganizationForms.NameLinks.Contains(token.ToString());

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
}
