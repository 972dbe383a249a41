using System.Text.RegularExpressions;
using SpecialistPlatform.Compliance.Detection.Recognizers;
using SpecialistPlatform.Compliance.Detection.Tagging;

namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// Marks the later (and earlier) mentions of a name the detector already found once in the same text. A letter
/// introduces "Anna Kowalska" and then writes "Ms Kowalska" or "Anna"; a chat names "Liisa" in a greeting and again
/// mid-sentence. The tagger judges each mention by its own few words of context, so the bare surname mid-sentence is
/// the one it misses; a document names the same person the same way throughout, which the tagger cannot see.
/// </summary>
/// <remarks>
/// Only confident person findings lend their words, and only words that cannot be anything else: three letters or
/// more, capitalised (or all lower case, as chats write them), no word of ordinary English requests (<see cref="NegativeUtterances.Vocabulary"/>: "Will",
/// "Mark", "Grace" stay where the tagger put them), no known place ("Jordan", "Florence"), no nationality, no common
/// word of another language, no form label. A mention must match the word exactly (case included), lie outside every
/// other finding (an e-mail address or a company that contains the surname keeps its own type) and stand alone as a
/// word. Neighbouring mentions ("Anna Kowalska" again) make one span.
/// </remarks>
public static partial class RepeatedNameMentions
{
    /// <summary>The recognizer name on the findings this step adds.</summary>
    public const string Name = "repeated-name";

    /// <summary>Person findings scoring below this lend no words (a weak tagger span may be a heading).</summary>
    public const double MinimumSourceScore = 0.5;

    /// <summary>A repeated mention is as sure as the weaker of its evidence: the first finding and the exact repeat.</summary>
    public const double MentionScore = 0.6;

    /// <summary>A word of a name: letters and marks, joined by inner hyphens or apostrophes ("Kierkegaard-Holm", "O'Neill"),
    /// without a possessive "'s" ("Kowalska's" is the word "Kowalska").</summary>
    [GeneratedRegex(@"[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+|['’](?!s(?![\p{L}\p{M}]))[\p{L}\p{M}]+)*", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Word();

    /// <summary>
    /// <paramref name="findings"/> (resolved, ordered by start) plus a PERSON finding for each uncovered repeat of a
    /// found name's words, ordered by start.
    /// </summary>
    public static IReadOnlyList<Finding> Add(string text, IReadOnlyList<Finding> findings)
    {
        var nameWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (finding.Type != PersonalDataTypes.Person || finding.Score < MinimumSourceScore)
                continue;
            foreach (Match word in Word().Matches(text, finding.Start))
            {
                if (word.Index >= finding.End)
                    break;
                if (word.Index + word.Length <= finding.End && IsDistinctiveNameWord(word.Value))
                    nameWords.Add(word.Value);
            }
        }
        if (nameWords.Count == 0)
            return findings;

        var mentions = new List<Finding>();
        var next = 0;
        Finding? open = null;
        foreach (Match word in Word().Matches(text))
        {
            var start = word.Index;
            var end = start + word.Length;
            // The findings are ordered by start and do not overlap: the first not ending before the word is the only one to test.
            while (next < findings.Count && findings[next].End <= start)
                next++;
            var isMention = nameWords.Contains(word.Value)
                && (next >= findings.Count || findings[next].Start >= end)
                && StandsAlone(text, start, end);
            if (!isMention)
            {
                Close(ref open, mentions);
                continue;
            }
            // "Anna Kowalska" (one space or a hyphen between the words) is one mention, not two.
            if (open is not null && IsNameGap(text, open.End, start))
                open = open with { End = end };
            else
            {
                Close(ref open, mentions);
                open = new Finding(PersonalDataTypes.Person, start, end, MentionScore, Name);
            }
        }
        Close(ref open, mentions);
        return mentions.Count == 0 ? findings : [.. findings.Concat(mentions).OrderBy(f => f.Start)];
    }

    private static void Close(ref Finding? open, List<Finding> into)
    {
        if (open is not null)
            into.Add(open);
        open = null;
    }

    private static bool IsNameGap(string text, int from, int to) =>
        to - from == 1 && text[from] is ' ' or '-';

    /// <summary>Not part of an e-mail address, a handle, a path or a code: "anna.kowalska@", "@Kowalska", "Kowalska_2".</summary>
    private static bool StandsAlone(string text, int start, int end)
    {
        if (start > 0 && (char.IsDigit(text[start - 1]) || text[start - 1] is '@' or '_' or '/' or '\\' or '#'))
            return false;
        if (end < text.Length && (char.IsDigit(text[end]) || text[end] is '@' or '_'))
            return false;
        // "anna.kowalska", "www.Kowalska.pl": a dot joined to letters on either side is an address, not a sentence.
        if (start > 1 && text[start - 1] == '.' && char.IsLetterOrDigit(text[start - 2]))
            return false;
        if (end + 1 < text.Length && text[end] == '.' && char.IsLetterOrDigit(text[end + 1]))
            return false;
        return true;
    }

    /// <summary>A word that names this person wherever it stands capitalised (see the remarks on the class).</summary>
    internal static bool IsDistinctiveNameWord(string word)
    {
        // A name found in lower case (a chat handle, "thanks kasia") repeats in lower case: the match is exact.
        if (word.Length < 3 || !(char.IsUpper(word[0]) || word.All(c => !char.IsLetter(c) || char.IsLower(c))))
            return false;
        var lower = word.ToLowerInvariant();
        if (NegativeUtterances.Vocabulary.Contains(lower) || PersonCueRecognizer.IsLabelNationalityOrCommonWord(word, lower) || KnownPlaceRecognizer.IsKnownPlace(word))
            return false;
        var gazetteer = EntityGazetteer.Default.Lookup(lower);
        // Every letter upper case is a heading or an acronym ("ACME", "NOTE"), unless it is a name the gazetteer knows.
        if (word.All(c => !char.IsLetter(c) || char.IsUpper(c)))
            return (gazetteer & (GazetteerClass.FirstName | GazetteerClass.LastName)) != 0;
        return (gazetteer & (GazetteerClass.Country | GazetteerClass.State | GazetteerClass.StreetSuffix | GazetteerClass.CompanySuffix | GazetteerClass.Title)) == 0;
    }
}
