using System.Text.RegularExpressions;

namespace SpecialistPlatform.Extraction.Normalization;

/// <summary>A word or a number in a text, with its UTF-16 offsets (end exclusive) and lower-cased text.</summary>
internal readonly record struct Token(string Text, int Start, int End)
{
    public bool IsNumeric => Text.Length > 0 && char.IsAsciiDigit(Text[0]);
}

internal static partial class Tokenizer
{
    [GeneratedRegex(@"\p{L}+(?:'\p{L}+)?|[0-9]+(?:[.,][0-9]+)*", RegexOptions.CultureInvariant, 250)]
    private static partial Regex TokenPattern();

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        foreach (Match m in TokenPattern().Matches(text))
            tokens.Add(new Token(m.Value.ToLowerInvariant(), m.Index, m.Index + m.Length));
        return tokens;
    }
}
