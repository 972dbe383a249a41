namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>
/// Overlapping windows of a long text, a fixed number of whitespace-separated words each, half a window apart. An
/// instruction hidden in a long e-mail or table is a few n-grams among thousands in the whole text; inside a window it
/// is a large share of them, so a head scored per window (the maximum over windows) can find it.
/// </summary>
public static class TextWindows
{
    /// <summary>The character ranges (start, length) of the windows, or none when the text has at most <paramref name="words"/> words.</summary>
    public static List<(int Start, int Length)> Split(string text, int words)
    {
        var starts = new List<int>();
        var ends = new List<int>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            if (i >= text.Length)
            {
                break;
            }
            starts.Add(i);
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            ends.Add(i);
        }
        var windows = new List<(int, int)>();
        if (words <= 0 || starts.Count <= words)
        {
            return windows;
        }
        var stride = Math.Max(1, words / 2);
        for (var first = 0; ; first += stride)
        {
            var last = Math.Min(first + words, starts.Count) - 1;
            windows.Add((starts[first], ends[last] - starts[first]));
            if (last == starts.Count - 1)
            {
                break;
            }
        }
        return windows;
    }
}
