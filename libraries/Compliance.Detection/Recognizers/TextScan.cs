using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>Small scans the rule recognizers share: the word after or before a position, and an anchored pattern tried at chosen starts.</summary>
internal static class TextScan
{
    /// <summary>The word (letters) after the spaces and tabs at <paramref name="index"/>, or ""; <paramref name="end"/> is where it ends.</summary>
    public static string WordAfter(string text, int index, out int end)
    {
        var i = index;
        while (i < text.Length && text[i] is ' ' or '\t')
            i++;
        var start = i;
        while (i < text.Length && char.IsLetter(text[i]))
            i++;
        end = i;
        return text[start..i];
    }

    /// <summary>The word (letters) before the spaces and tabs that end at <paramref name="index"/>, or "".</summary>
    public static string WordBefore(string text, int index)
    {
        var i = index;
        while (i > 0 && text[i - 1] is ' ' or '\t')
            i--;
        var end = i;
        while (i > 0 && char.IsLetter(text[i - 1]))
            i--;
        return text[i..end];
    }

    /// <summary>
    /// The matches of a <c>\G</c>-anchored pattern tried at each start in order, skipping starts inside the previous match:
    /// what a full scan finds when every match must begin at one of the starts, without trying every position.
    /// </summary>
    public static IEnumerable<Match> AnchoredMatches(Regex anchored, string text, IEnumerable<int> starts)
    {
        var previousEnd = 0;
        foreach (var start in starts)
        {
            if (start < previousEnd)
                continue;
            var match = anchored.Match(text, start);
            if (!match.Success)
                continue;
            yield return match;
            previousEnd = match.Index + match.Length;
        }
    }
}
