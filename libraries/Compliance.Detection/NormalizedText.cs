using System.Globalization;
using System.Text;

namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// A text as the recognizers see it, with a map back to the original. Pasted and typed text hides personal data
/// behind characters that look like the ASCII the rules expect: no-break, narrow and thin spaces between card
/// groups (Word and Outlook), full-width digits (East Asian input methods), Arabic-Indic digits, en dashes and
/// minus signs in phone numbers, zero-width joiners inside numbers. So before matching, every character is folded:
/// <list type="bullet">
/// <item>zero-width and invisible format characters (U+200B-U+200D, U+2060-U+2064, U+FEFF, U+00AD, U+180E) are dropped;</item>
/// <item>every Unicode space (category Zs) becomes ' ', line and paragraph separators '\n';</item>
/// <item>every dash (category Pd) and the minus signs become '-';</item>
/// <item>every decimal digit of any script becomes its ASCII digit;</item>
/// <item>anything else takes its NFKC form (full-width letters, ligatures, composed diacritics), taken per base
/// character with its combining marks so that a decomposed "é" composes.</item>
/// </list>
/// Each normalised character remembers the original range it came from, so a finding maps back to exactly the
/// original characters and redaction replaces those, never the folded copy.
/// </summary>
public sealed class NormalizedText
{
    private readonly int[]? _originalStarts;
    private readonly int[]? _originalEnds;

    private NormalizedText(string original, string text, int[]? originalStarts, int[]? originalEnds)
    {
        Original = original;
        Text = text;
        _originalStarts = originalStarts;
        _originalEnds = originalEnds;
    }

    public string Original { get; }

    /// <summary>The folded text the recognizers run on.</summary>
    public string Text { get; }

    /// <summary>True when folding changed nothing (plain ASCII and most ordinary text): offsets are the same.</summary>
    public bool IsUnchanged => _originalStarts is null;

    public static NormalizedText Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = FirstChange(text);
        if (first < 0)
            return new NormalizedText(text, text, null, null);

        var builder = new StringBuilder(text.Length);
        var starts = new List<int>(text.Length);
        var ends = new List<int>(text.Length);
        builder.Append(text, 0, first);
        for (var k = 0; k < first; k++)
        {
            starts.Add(k);
            ends.Add(k + 1);
        }
        var i = first;
        while (i < text.Length)
        {
            var clusterEnd = ClusterEnd(text, i);
            var folded = Fold(text, i, clusterEnd);
            if (folded is null)
            {
                for (var k = i; k < clusterEnd; k++)
                {
                    builder.Append(text[k]);
                    starts.Add(k);
                    ends.Add(k + 1);
                }
            }
            else
            {
                foreach (var c in folded)
                {
                    builder.Append(c);
                    starts.Add(i);
                    ends.Add(clusterEnd);
                }
            }
            i = clusterEnd;
        }
        return new NormalizedText(text, builder.ToString(), [.. starts], [.. ends]);
    }

    /// <summary>The folded form of <paramref name="text"/> without the offset map (values compared or hashed).</summary>
    public static string Fold(string text) => Of(text).Text;

    /// <summary>The original range of the folded range [start, end); an empty range maps to an empty range.</summary>
    public (int Start, int End) ToOriginal(int start, int end)
    {
        if (_originalStarts is null || _originalEnds is null)
            return (start, end);
        if (end <= start)
        {
            var at = start < _originalStarts.Length ? _originalStarts[start] : Original.Length;
            return (at, at);
        }
        return (_originalStarts[start], _originalEnds[end - 1]);
    }

    public Finding ToOriginal(Finding finding)
    {
        if (IsUnchanged)
            return finding;
        var (start, end) = ToOriginal(finding.Start, finding.End);
        return start == finding.Start && end == finding.End ? finding : finding with { Start = start, End = end };
    }

    /// <summary>Index of the first character folding changes, or -1 when it changes none.</summary>
    private static int FirstChange(string text)
    {
        var i = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F');
        if (i < 0)
            return -1;
        while (i < text.Length)
        {
            if (text[i] >= 0x80)
            {
                // A combining mark after an ASCII letter belongs to that letter's cluster ("e" + U+0301 composes).
                var clusterStart = IsCombiningMark(text[i]) && i > 0 && !IsCombiningMark(text[i - 1]) && !char.IsLowSurrogate(text[i - 1]) ? i - 1 : i;
                var clusterEnd = ClusterEnd(text, clusterStart);
                if (Fold(text, clusterStart, clusterEnd) is not null)
                    return clusterStart;
                i = clusterEnd;
            }
            else
            {
                i++;
            }
        }
        return -1;
    }

    /// <summary>A base character (one UTF-16 unit or a surrogate pair) and the combining marks after it.</summary>
    private static int ClusterEnd(string text, int i)
    {
        var end = i + (char.IsSurrogatePair(text, i) ? 2 : 1);
        while (end < text.Length && IsCombiningMark(text[end]))
            end++;
        return end;
    }

    private static bool IsCombiningMark(char c) =>
        c >= 0x300 && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>The folded form of text[start..end), or null when folding leaves it as it is.</summary>
    private static string? Fold(string text, int start, int end)
    {
        if (end - start == 1)
            return FoldChar(text[start]);
        var cluster = text[start..end];
        var folded = FoldString(cluster);
        return folded == cluster ? null : folded;
    }

    private const string Unchanged = "\uFFFF-unchanged";

    // One lazily filled entry per UTF-16 unit: folding a lone character is a table read after its first time.
    // Races are harmless (every writer stores the same string; reference writes are atomic).
    private static readonly string?[] FoldTable = new string?[char.MaxValue + 1];

    private static string? FoldChar(char c)
    {
        if (c < 0x80)
            return null;
        var cached = FoldTable[c];
        if (cached is null)
        {
            cached = char.IsSurrogate(c) ? Unchanged : FoldString(c.ToString()) is { } f && f != c.ToString() ? f : Unchanged;
            FoldTable[c] = cached;
        }
        return ReferenceEquals(cached, Unchanged) ? null : cached;
    }

    private static string FoldString(string value)
    {
        string normalized;
        try
        {
            normalized = value.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate cannot be normalised; it is kept as it is.
            normalized = value;
        }
        StringBuilder? builder = null;
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            var replacement = FoldSimple(c);
            if (replacement is null && builder is null)
                continue;
            builder ??= new StringBuilder(normalized, 0, i, normalized.Length);
            if (replacement is null)
                builder.Append(c);
            else if (replacement.Value != Drop)
                builder.Append(replacement.Value);
        }
        return builder?.ToString() ?? normalized;
    }

    private const char Drop = '\0';

    /// <summary>Spaces, dashes, digits and invisible characters; null when <paramref name="c"/> stays.</summary>
    private static char? FoldSimple(char c)
    {
        if (c < 0x80)
            return null;
        switch (c)
        {
            case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\u2061' or '\u2062' or '\u2063' or '\u2064' or '\uFEFF' or '\u00AD' or '\u180E':
                return Drop;
            case '\u2212' or '\u2043' or '\uFE63' or '\uFF0D' or '\u02D7':
                return '-';
            case '\u2028' or '\u2029':
                return '\n';
        }
        if (char.IsSurrogate(c))
            return null;
        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.SpaceSeparator => ' ',
            UnicodeCategory.DashPunctuation => '-',
            UnicodeCategory.DecimalDigitNumber => (char)('0' + (int)CharUnicodeInfo.GetNumericValue(c)),
            _ => null,
        };
    }
}
