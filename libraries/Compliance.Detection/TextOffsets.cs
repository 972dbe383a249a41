namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// Conversions between UTF-16 indices (what .NET strings and <see cref="Finding"/> use) and Unicode
/// code-point indices (what Python and most JSON consumers count), plus surrogate-safe span widening.
/// </summary>
public static class TextOffsets
{
    public static int ToCodePointIndex(string text, int utf16Index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(utf16Index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(utf16Index, text.Length);
        var count = 0;
        for (var i = 0; i < utf16Index; i++)
        {
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
                count++;
        }
        return count;
    }

    public static int FromCodePointIndex(string text, int codePointIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(codePointIndex);
        var i = 0;
        for (var seen = 0; seen < codePointIndex; seen++)
        {
            if (i >= text.Length)
                throw new ArgumentOutOfRangeException(nameof(codePointIndex), codePointIndex, "Past the end of the text.");
            i += char.IsSurrogatePair(text, i) ? 2 : 1;
        }
        return i;
    }

    /// <summary>Widens [start, end) so it never cuts a surrogate pair in half.</summary>
    public static (int Start, int End) WidenToScalarBoundaries(string text, int start, int end)
    {
        if (start > 0 && start < text.Length && char.IsLowSurrogate(text[start]) && char.IsHighSurrogate(text[start - 1]))
            start--;
        if (end > 0 && end < text.Length && char.IsLowSurrogate(text[end]) && char.IsHighSurrogate(text[end - 1]))
            end++;
        return (start, end);
    }
}
