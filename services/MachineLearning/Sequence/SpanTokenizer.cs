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
    public static List<SpanToken> Tokenize(string text)
    {
        var tokens = new List<SpanToken>(text.Length / 4 + 1);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            var kind = Kind(c);
            if (kind == 0)
            {
                i += char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            }
            else
            {
                i++;
                while (i < text.Length && Kind(text[i]) == kind)
                {
                    i++;
                }
            }
            tokens.Add(new SpanToken(start, i, text[start..i]));
        }
        return tokens;
    }

    private static int Kind(char c)
    {
        if (char.IsAsciiDigit(c) || char.IsDigit(c))
        {
            return 2;
        }
        var category = char.GetUnicodeCategory(c);
        return char.IsLetter(c) || category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark ? 1 : 0;
    }
}
