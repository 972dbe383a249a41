namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>
/// How far a line or sentence stands apart from the document around it: the share of its content words (letters or
/// digits, three characters or more, not a function word) that occur nowhere else in the text. A request inserted into
/// an e-mail or a table ("How do solar panels work?") shares almost no word with it; a sentence of the e-mail usually
/// shares a name, a subject or a figure. The injection head adds this, weighted, to each segment's request-likeness
/// (its segment component's margin): the two together say "a request addressed to the reader that does not belong
/// here" (docs/decisions/0021, addendum of 2026-12-06).
/// </summary>
public static class SegmentNovelty
{
    private static readonly HashSet<ulong> FunctionWords = new(new[]
    {
        "the", "and", "for", "are", "but", "not", "you", "your", "yours", "all", "any", "can", "had", "has", "have", "her", "his", "him",
        "was", "were", "one", "our", "ours", "out", "who", "whom", "whose", "why", "how", "what", "when", "where", "which", "while",
        "this", "that", "these", "those", "there", "their", "theirs", "them", "they", "then", "than", "with", "without", "from",
        "into", "onto", "about", "above", "below", "after", "before", "over", "under", "again", "also", "just", "only", "very",
        "some", "such", "more", "most", "other", "each", "both", "few", "many", "much", "own", "same", "too", "will", "would",
        "shall", "should", "could", "might", "must", "may", "does", "did", "doing", "done", "been", "being", "its", "it's",
        "she", "he's", "she's", "i'm", "i've", "i'll", "we're", "we've", "we'll", "you're", "you've", "you'll", "don't",
        "can't", "won't", "isn't", "aren't", "let", "please", "thanks", "thank", "here", "upon", "per", "via", "yes", "off",
        "because", "until", "through", "during", "between", "against", "among", "like", "well", "get", "got", "make", "made",
    }.Select(w => Hash(w.AsSpan())));

    /// <summary>
    /// The novelty, in [0, 1], of each of <paramref name="segments"/> (character ranges of <paramref name="text"/>):
    /// the share of its distinct content words found in no other part of the text; 0 for a segment without one.
    /// </summary>
    public static float[] Of(string text, IReadOnlyList<(int Start, int Length)> segments)
    {
        var result = new float[segments.Count];
        if (segments.Count == 0)
        {
            return result;
        }
        var inText = new Dictionary<ulong, int>();
        foreach (var (start, length) in Words(text, 0, text.Length))
        {
            var h = Hash(text.AsSpan(start, length));
            if (!FunctionWords.Contains(h))
            {
                inText[h] = inText.GetValueOrDefault(h) + 1;
            }
        }
        var inSegment = new Dictionary<ulong, int>();
        for (var s = 0; s < segments.Count; s++)
        {
            inSegment.Clear();
            var (segmentStart, segmentLength) = segments[s];
            foreach (var (start, length) in Words(text, segmentStart, segmentStart + segmentLength))
            {
                var h = Hash(text.AsSpan(start, length));
                if (!FunctionWords.Contains(h))
                {
                    inSegment[h] = inSegment.GetValueOrDefault(h) + 1;
                }
            }
            if (inSegment.Count == 0)
            {
                continue;
            }
            var novel = 0;
            foreach (var (h, count) in inSegment)
            {
                // Novel when every occurrence of the word in the text is inside this segment.
                if (inText.GetValueOrDefault(h) <= count)
                {
                    novel++;
                }
            }
            result[s] = novel / (float)inSegment.Count;
        }
        return result;
    }

    /// <summary>The content-word candidates of text[start..stop): runs of letters, digits and apostrophes of three characters or more.</summary>
    private static IEnumerable<(int Start, int Length)> Words(string text, int start, int stop)
    {
        var i = start;
        while (i < stop)
        {
            while (i < stop && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }
            var first = i;
            while (i < stop && (char.IsLetterOrDigit(text[i]) || text[i] == '\''))
            {
                i++;
            }
            if (i - first >= 3)
            {
                yield return (first, i - first);
            }
        }
    }

    /// <summary>FNV-1a over the lower-cased characters (no allocation; the same word in any case hashes alike).</summary>
    private static ulong Hash(ReadOnlySpan<char> word)
    {
        var h = 14695981039346656037UL;
        foreach (var c in word)
        {
            h = (h ^ char.ToLowerInvariant(c)) * 1099511628211UL;
        }
        return h;
    }
}
