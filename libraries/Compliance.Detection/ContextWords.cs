namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// Words that make a nearby match more likely to be the entity ("card" before a 16-digit number). Looks a few
/// words either side of the match, within the same line, ignoring case and a plural "s".
/// </summary>
public sealed class ContextWords
{
    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly string[][] _phrases;

    public ContextWords(IEnumerable<string> terms, int wordsBefore = 6, int wordsAfter = 3)
    {
        var all = terms.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).ToArray();
        _words = new HashSet<string>(all.Where(t => !t.Contains(' ')), StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _phrases = all.Where(t => t.Contains(' ')).Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        WordsBefore = wordsBefore;
        WordsAfter = wordsAfter;
    }

    private const int MaxWindowChars = 120;

    public int WordsBefore { get; }

    public int WordsAfter { get; }

    public bool AppearsNear(string text, int start, int end)
    {
        // A bounded window keeps detection linear on long single-line texts; spans and a stack buffer keep it
        // allocation-free, which matters when a long text has hundreds of thousands of candidates.
        var from = Math.Max(LineStart(text, start), start - MaxWindowChars);
        var to = Math.Min(LineEnd(text, end), end + MaxWindowChars);
        Span<Range> window = stackalloc Range[WordsBefore + WordsAfter];
        var count = LastWords(text, from, start, window[..WordsBefore]);
        count += FirstWords(text, end, to, window.Slice(count, WordsAfter));
        window = window[..count];

        Span<char> buffer = stackalloc char[MaxWindowChars];
        foreach (var range in window)
        {
            var word = Lower(text.AsSpan()[range], buffer);
            if (_lookup.Contains(word) || (word.Length > 2 && word[^1] == 's' && _lookup.Contains(word[..^1])))
                return true;
        }
        foreach (var phrase in _phrases)
        {
            for (var i = 0; i + phrase.Length <= window.Length; i++)
            {
                var all = true;
                for (var k = 0; k < phrase.Length && all; k++)
                    all = Lower(text.AsSpan()[window[i + k]], buffer).SequenceEqual(phrase[k]);
                if (all)
                    return true;
            }
        }
        return false;
    }

    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length > buffer.Length)
            return word.ToString().ToLowerInvariant();
        var n = word.ToLowerInvariant(buffer);
        return buffer[..n];
    }

    /// <summary>The last up to <c>into.Length</c> words in [from, to), in text order; returns how many.</summary>
    private static int LastWords(string text, int from, int to, Span<Range> into)
    {
        var found = 0;
        var i = to;
        while (i > from && found < into.Length)
        {
            while (i > from && !IsLetterBefore(text, i, from))
                i -= StepBack(text, i, from);
            var wordEnd = i;
            while (i > from && IsLetterBefore(text, i, from))
                i -= StepBack(text, i, from);
            if (wordEnd > i)
                into[found++] = new Range(i, wordEnd);
        }
        into[..found].Reverse();
        return found;
    }

    private static int FirstWords(string text, int from, int to, Span<Range> into)
    {
        var found = 0;
        var i = from;
        while (i < to && found < into.Length)
        {
            while (i < to && !char.IsLetter(text, i))
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
            var wordStart = i;
            while (i < to && char.IsLetter(text, i))
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
            if (i > wordStart)
                into[found++] = new Range(wordStart, Math.Min(i, to));
        }
        return found;
    }

    private static int StepBack(string text, int i, int from) =>
        i - 2 >= from && char.IsLowSurrogate(text[i - 1]) && char.IsHighSurrogate(text[i - 2]) ? 2 : 1;

    private static bool IsLetterBefore(string text, int i, int from) => char.IsLetter(text, i - StepBack(text, i, from));

    private static int LineStart(string text, int index)
    {
        var from = Math.Max(0, index - MaxWindowChars);
        var nl = index == 0 ? -1 : text.LastIndexOf('\n', index - 1, index - from);
        return nl + 1;
    }

    private static int LineEnd(string text, int index)
    {
        var nl = text.IndexOf('\n', index, Math.Min(MaxWindowChars, text.Length - index));
        return nl < 0 ? text.Length : nl;
    }
}
