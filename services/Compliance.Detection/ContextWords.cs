using System.Globalization;

namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// Words that make a nearby match more likely to be the entity ("card" before a 16-digit number). Looks a few
/// words either side of the match, within the same line, ignoring case and a plural "s".
/// </summary>
public sealed class ContextWords
{
    private readonly HashSet<string> _words;
    private readonly string[] _phrases;

    public ContextWords(IEnumerable<string> terms, int wordsBefore = 6, int wordsAfter = 3)
    {
        var all = terms.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).ToArray();
        _words = new HashSet<string>(all.Where(t => !t.Contains(' ')), StringComparer.Ordinal);
        _phrases = all.Where(t => t.Contains(' ')).Select(p => " " + p + " ").ToArray();
        WordsBefore = wordsBefore;
        WordsAfter = wordsAfter;
    }

    private const int MaxWindowChars = 120;

    public int WordsBefore { get; }

    public int WordsAfter { get; }

    public bool AppearsNear(string text, int start, int end)
    {
        // A bounded window keeps detection linear on long single-line texts.
        var before = WordsOf(text, Math.Max(LineStart(text, start), start - MaxWindowChars), start).TakeLast(WordsBefore);
        var after = WordsOf(text, end, Math.Min(LineEnd(text, end), end + MaxWindowChars)).Take(WordsAfter);
        var window = before.Concat(after).ToList();
        if (window.Any(IsContextWord))
            return true;
        if (_phrases.Length == 0)
            return false;
        var joined = " " + string.Join(' ', window) + " ";
        return _phrases.Any(p => joined.Contains(p, StringComparison.Ordinal));
    }

    private bool IsContextWord(string word) =>
        _words.Contains(word) || (word.Length > 2 && word[^1] == 's' && _words.Contains(word[..^1]));

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

    private static List<string> WordsOf(string text, int from, int to)
    {
        var words = new List<string>();
        var i = from;
        while (i < to)
        {
            while (i < to && !char.IsLetter(text, i))
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
            var wordStart = i;
            while (i < to && char.IsLetter(text, i))
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
            if (i > wordStart)
                words.Add(text[wordStart..Math.Min(i, to)].ToLower(CultureInfo.InvariantCulture));
        }
        return words;
    }
}
