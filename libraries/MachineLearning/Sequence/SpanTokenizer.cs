namespace SpecialistPlatform.MachineLearning.Sequence;

/// <summary>A token of the original text, [Start, End) in characters.</summary>
public readonly record struct SpanToken(int Start, int End, string Text);

/// <summary>
/// Splits text into runs of letters, runs of digits and single other symbols, keeping character offsets.
/// Letter/digit boundaries split ("7pm" is "7" "pm", "23rd" is "23" "rd") so that gold spans that end inside
/// such a word still fall on token boundaries; a span is rebuilt from its first token's start to its last
/// token's end, so "7pm" comes back whole.
/// </summary>
public static class SpanTokenizer
{
    public static List<SpanToken> Tokenize(string text) => Tokenize(text, 0, text.Length);

    /// <summary>The tokens of text[start..end], with offsets into the whole <paramref name="text"/> (the same tokens as tokenising the substring, shifted).</summary>
    public static List<SpanToken> Tokenize(string text, int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, text.Length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        var tokens = new List<SpanToken>((end - start) / 4 + 1);
        var i = start;
        while (NextToken(text, ref i, end, out var tokenStart))
        {
            tokens.Add(new SpanToken(tokenStart, i, text[tokenStart..i]));
        }
        return tokens;
    }

    /// <summary>
    /// The next token from <paramref name="i"/> on, white space skipped, within [.., <paramref name="end"/>): its start
    /// in <paramref name="tokenStart"/> and its end left in <paramref name="i"/>; false when none is left. For callers
    /// that want the offsets without a string per token.
    /// </summary>
    public static bool NextToken(string text, ref int i, int end, out int tokenStart)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        tokenStart = i;
        if (i >= end)
        {
            return false;
        }
        var c = text[i];
        var kind = Kind(c);
        if (kind == 0)
        {
            i += char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        }
        else
        {
            i++;
            while (i < end && Kind(text[i]) == kind)
            {
                i++;
            }
        }
        return true;
    }

    private static int Kind(char c)
    {
        // The common case first: this runs for every character the entity tagger reads.
        if (char.IsAsciiLetter(c))
        {
            return 1;
        }
        if (char.IsAsciiDigit(c) || char.IsDigit(c))
        {
            return 2;
        }
        var category = char.GetUnicodeCategory(c);
        return char.IsLetter(c) || category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark ? 1 : 0;
    }
}
