namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>
/// The lines of a text, and the sentences of each line: an instruction hidden in an e-mail or a table usually stands in
/// a line or sentence of its own, where it is all of the segment's n-grams instead of a few among a window's table cells.
/// </summary>
public static class TextSegments
{
    /// <summary>A segment needs this many words to be scored: a lone table cell or a signature says nothing.</summary>
    public const int MinimumWords = 3;

    /// <summary>The character ranges (start, length) of the segments with at least <see cref="MinimumWords"/> words, trimmed.</summary>
    public static List<(int Start, int Length)> Split(string text)
    {
        var segments = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            // A line ends at a line break; a sentence at '.', '!' or '?' followed by a space (so "3.5" stays whole).
            if (i == text.Length || text[i] == '\n')
            {
                Add(text, start, i, segments);
                start = i + 1;
            }
            else if (text[i] is '.' or '!' or '?' && i + 1 < text.Length && text[i + 1] == ' ')
            {
                Add(text, start, i + 1, segments);
                start = i + 1;
            }
        }
        return segments;
    }

    private static void Add(string text, int start, int stop, List<(int, int)> segments)
    {
        while (start < stop && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (stop > start && char.IsWhiteSpace(text[stop - 1]))
        {
            stop--;
        }
        var words = 0;
        for (var i = start; i < stop && words < MinimumWords; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && (i == start || char.IsWhiteSpace(text[i - 1])))
            {
                words++;
            }
        }
        if (words >= MinimumWords)
        {
            segments.Add((start, stop - start));
        }
    }
}
