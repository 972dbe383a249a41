using System.Globalization;
using System.Text;

namespace SpecialistPlatform.MachineLearning.Text;

/// <summary>
/// Unicode-aware normalisation and tokenisation shared by training and inference, so that a model
/// always sees text prepared exactly as it was during training.
/// </summary>
public static class TextNormalizer
{
    /// <summary>
    /// NFKC (folds full-width forms and ligatures), invariant lower case, optional diacritic folding,
    /// typographic apostrophes and quotes unified, whitespace collapsed.
    /// </summary>
    public static string Normalize(string text, bool foldDiacritics = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Ascii.IsValid(text))
        {
            return NormalizeAscii(text);
        }
        var compat = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        if (foldDiacritics)
        {
            // Decompose and drop accents on Latin, Greek and Cyrillic letters only: in scripts such as
            // Devanagari the combining marks are vowels, not accents, and must stay.
            var decomposed = compat.Normalize(NormalizationForm.FormD);
            var sb = new StringBuilder(decomposed.Length);
            var baseChar = '\0';
            foreach (var ch in decomposed)
            {
                if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
                {
                    if (baseChar < '\u0530')
                    {
                        continue;
                    }
                }
                else
                {
                    baseChar = ch;
                }
                sb.Append(ch);
            }
            compat = sb.ToString().Normalize(NormalizationForm.FormC);
        }

        var result = new StringBuilder(compat.Length);
        var pendingSpace = false;
        foreach (var ch in compat)
        {
            if (char.IsWhiteSpace(ch) || char.IsControl(ch))
            {
                pendingSpace = result.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }
            result.Append(ch switch
            {
                '\u2018' or '\u2019' or '\u02BC' or '\u00B4' or '`' => '\'',
                '\u201C' or '\u201D' or '\u00AB' or '\u00BB' => '"',
                _ => ch,
            });
        }
        return result.ToString();
    }

    /// <summary>
    /// The same result as the general path for ASCII text (NFKC and accent folding leave ASCII alone),
    /// without the three Unicode normalisation passes: inference latency is dominated by them otherwise.
    /// </summary>
    private static string NormalizeAscii(string text)
    {
        return string.Create(text.Length, text, static (span, source) =>
        {
            var length = 0;
            var pendingSpace = false;
            foreach (var ch in source)
            {
                if (ch <= ' ' || ch == '\u007F')
                {
                    pendingSpace = length > 0;
                    continue;
                }
                if (pendingSpace)
                {
                    span[length++] = ' ';
                    pendingSpace = false;
                }
                span[length++] = ch switch
                {
                    >= 'A' and <= 'Z' => (char)(ch + 32),
                    '`' => '\'',
                    _ => ch,
                };
            }
            span[length..].Fill('\0');
        }).TrimEnd('\0');
    }

    /// <summary>
    /// Splits normalised text into word tokens: runs of letters, digits and combining marks (an
    /// apostrophe between letters stays inside the word, as in "hasn't"); every Han, Hiragana or
    /// Katakana character is a token of its own (those scripts are written without spaces); currency
    /// and other symbols (e.g. "£", emoji) are single tokens; other punctuation separates tokens.
    /// </summary>
    public static List<string> Tokenize(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        if (Ascii.IsValid(normalized))
        {
            return TokenizeAscii(normalized);
        }
        var tokens = new List<string>();
        var current = new StringBuilder();
        var runes = new List<Rune>();
        foreach (var rune in normalized.EnumerateRunes())
        {
            runes.Add(rune);
        }

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        for (var i = 0; i < runes.Count; i++)
        {
            var rune = runes[i];
            var category = Rune.GetUnicodeCategory(rune);
            if (IsUnsegmentedScript(rune))
            {
                Flush();
                tokens.Add(rune.ToString());
            }
            else if (IsWordCategory(category))
            {
                current.Append(rune.ToString());
            }
            else if (rune.Value == '\'' && current.Length > 0 && i + 1 < runes.Count
                     && Rune.IsLetter(runes[i + 1]) && !IsUnsegmentedScript(runes[i + 1]))
            {
                current.Append('\'');
            }
            else if (category is UnicodeCategory.CurrencySymbol or UnicodeCategory.OtherSymbol
                     or UnicodeCategory.MathSymbol)
            {
                Flush();
                tokens.Add(rune.ToString());
            }
            else
            {
                Flush();
            }
        }
        Flush();
        return tokens;
    }

    /// <summary>The general tokeniser's result for ASCII text: in ASCII, symbols are $ (currency) and + &lt; = &gt; | ~ (math); ^ and ` are modifier symbols, which separate.</summary>
    private static List<string> TokenizeAscii(string text)
    {
        var tokens = new List<string>();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsAsciiLetterOrDigit(ch))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (ch == '\'' && start >= 0 && i + 1 < text.Length && char.IsAsciiLetter(text[i + 1]))
            {
                // stays inside the word, as in "hasn't"
            }
            else
            {
                if (start >= 0)
                {
                    tokens.Add(text[start..i]);
                    start = -1;
                }
                if (ch is '$' or '+' or '<' or '=' or '>' or '|' or '~')
                {
                    tokens.Add(ch.ToString());
                }
            }
        }
        if (start >= 0)
        {
            tokens.Add(text[start..]);
        }
        return tokens;
    }

    private static bool IsWordCategory(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark => true,
        _ => false,
    };

    private static bool IsUnsegmentedScript(Rune rune)
    {
        var v = rune.Value;
        return (v >= 0x4E00 && v <= 0x9FFF)      // CJK unified ideographs
            || (v >= 0x3400 && v <= 0x4DBF)      // extension A
            || (v >= 0x20000 && v <= 0x2FA1F)    // extensions B+ and compatibility supplement
            || (v >= 0xF900 && v <= 0xFAFF)      // compatibility ideographs
            || (v >= 0x3040 && v <= 0x30FF);     // Hiragana, Katakana
    }
}
