using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// A month named alone as a time: "since August", "retro pay for October", "moved in October", "el alquiler de
/// diciembre", "o mês de novembro de 2026", "seit März", "en janvier". <see cref="DateTimeRecognizer"/> needs a day
/// or a year beside the month; here the word before it does the work, so "May" the verb or "March" the walk stay out:
/// an English month only capitalised and after a time preposition, other languages' months after theirs. A year right
/// after the month joins it. "Rio de Janeiro" is a city, not January.
/// </summary>
public sealed partial class MonthInContextRecognizer() : PatternRecognizer(PersonalDataTypes.DateTime, new ContextWords([]), contextBoost: 0.0)
{
    // The preposition is in a lookbehind, so the finding is the month (and its year), as the hand-written sets mark it.
    [GeneratedRegex(
        @"(?<=(?<![\w])(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Ff]rom|[Ff]or|[Oo]f|[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id|[Bb]efore|[Aa]fter|[Dd]uring|[Tt]hroughout|[Tt]hrough)[ \t]+(?:early[ \t]+|late[ \t]+|mid-?)?)"
        + @"(?<month>January|February|March|April|May|June|July|August|September|October|November|December)(?![\w])"
        + @"|(?<![Rr][Ii][Oo][ \t]+de[ \t]+)(?<=(?<![\w])(?:de|en|desde|hasta|para|em|até|depuis|jusqu'en|d'|im|seit|bis|ab|Anfang|Ende|Mitte|di|da|fino\s+a|a|w|od|do|i|sedan|siden|sinds|van|tot)[ \t]+)"
        + @"(?<month>enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
        + @"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
        + @"|janvier|février|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
        + @"|Januar|Februar|März|Juni|Juli|Oktober|Dezember"
        + @"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
        + @"|januari|februari|maart|juni|juli|augustus|oktober)(?![\w])",
        RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Month();

    [GeneratedRegex(@"\G[ \t]+(?:de[ \t]+)?(?:19|20)[0-9]{2}(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex YearAfter();

    protected override IEnumerable<Regex> Patterns => [Month()];

    protected override Candidate? Validate(string text, Match match)
    {
        var end = match.Index + match.Length;
        var year = YearAfter().Match(text, end);
        return new Candidate(match.Index, year.Success ? end + year.Length : end, 0.6);
    }
}
