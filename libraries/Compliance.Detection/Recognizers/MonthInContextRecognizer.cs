using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// A month named alone as a time: "since August", "retro pay for October", "moved in October", "el alquiler de
/// diciembre", "o mês de novembro de 2026", "seit März", "en janvier". <see cref="DateTimeRecognizer"/> needs a day
/// or a year beside the month; here the word before it does the work, so "May" the verb or "March" the walk stay out:
/// an English month only capitalised and after a time word, other languages' months after theirs. A year right after
/// the month joins it. "Rio de Janeiro" is a city, not January.
/// </summary>
public sealed partial class MonthInContextRecognizer() : PatternRecognizer(PersonalDataTypes.DateTime, new ContextWords([]), contextBoost: 0.0)
{
    // The month alone is matched (the scan jumps between its first letters); the word before it is read in Validate. A
    // lookbehind holding the prepositions was tried first and cost 27 ms per Mi chars: it is tried at every position.
    [GeneratedRegex(
        @"(?<![\w])(?:(?<en>January|February|March|April|May|June|July|August|September|October|November|December)"
        + @"|(?<other>enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
        + @"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
        + @"|janvier|février|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
        + @"|Januar|Februar|März|Juni|Juli|Oktober|Dezember"
        + @"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
        + @"|januari|februari|maart|augustus|oktober"
        // Danish, Norwegian and Swedish, written lower case: "i mars", "for januar", "fra august".
        + @"|januar|februar|marts|mars|april|maj|mai|juni|juli|august|augusti|september|oktober|november|december|desember))(?![\w])",
        RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Month();

    [GeneratedRegex(@"\G[ \t]+(?:de[ \t]+)?(?:19|20)[0-9]{2}(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex YearAfter();

    /// <summary>English words after which a capitalised month is a time ("in", "since", "for October overtime").</summary>
    private static readonly FrozenSet<string> EnglishTimeWords = new[]
    {
        "in", "since", "until", "till", "by", "from", "for", "of", "last", "next", "this", "early", "late", "mid", "before",
        "after", "during", "throughout", "through",
        // "my November payslip", "their June rent".
        "my", "your", "our", "his", "her", "their",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Other languages' words before a month: Spanish, Portuguese, French, German, Italian, Polish, Nordic, Dutch.</summary>
    private static readonly FrozenSet<string> OtherTimeWords = new[]
    {
        "de", "en", "desde", "hasta", "para", "em", "até", "depuis", "d", "im", "seit", "bis", "ab", "anfang", "ende", "mitte",
        "di", "da", "a", "w", "od", "do", "i", "sedan", "siden", "sinds", "van", "tot", "fra", "for", "til", "från", "till", "innen",
        "efter", "etter", "før", "före", "om",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    protected override IEnumerable<Regex> Patterns => [Month()];

    protected override Candidate? Validate(string text, Match match)
    {
        var before = WordBefore(text, match.Index, out var wordStart);
        var english = match.Groups["en"].Success;
        if (english ? !EnglishTimeWords.Contains(before) && !(before.Length == 0 && text.AsSpan(0, match.Index).TrimEnd().EndsWith("mid-"))
            : !OtherTimeWords.Contains(before) || IsRioDe(text, before, wordStart))
            return null;
        var end = match.Index + match.Length;
        var year = YearAfter().Match(text, end);
        return new Candidate(match.Index, year.Success ? end + year.Length : end, 0.6);
    }

    /// <summary>The word before the spaces (or the apostrophe of "d'") before <paramref name="index"/>.</summary>
    private static string WordBefore(string text, int index, out int start)
    {
        var i = index;
        if (i > 0 && text[i - 1] is '\'' or '’')
            i--;
        else
        {
            if (i == 0 || text[i - 1] is not (' ' or '\t'))
            {
                start = index;
                return "";
            }
            while (i > 0 && text[i - 1] is ' ' or '\t')
                i--;
        }
        var end = i;
        while (i > 0 && char.IsLetter(text[i - 1]))
            i--;
        start = i;
        return text[i..end];
    }

    private static bool IsRioDe(string text, string before, int wordStart) =>
        before.Equals("de", StringComparison.OrdinalIgnoreCase) && WordBefore(text, wordStart, out _).Equals("rio", StringComparison.OrdinalIgnoreCase);
}
