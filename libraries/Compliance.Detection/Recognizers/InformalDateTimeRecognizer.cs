using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Dates and times as chats, rotas and messages write them, which <see cref="DateTimeRecognizer"/>'s calendar forms do not
/// cover: English weekday abbreviations with a day or a time ("Sat 14th", "Sun 8am", "Thu 6–10pm", "back Mon", "till
/// Fri!"), ordinal days ("on the 12th", "Sunday the 21st"), clock ranges ("09:00-13:00", "6–10pm"), a day and month
/// without a year after a date word or before a time ("el 1/12", "jusqu'au 19/12", "07/12 09:02"), hours as other
/// conventions say them ("kl. 18", "klo 16", "half 5", "kwart over 7", "shaam 6 baje"), and the dates and times of
/// scripts the month lists do not hold: Chinese, Japanese and Korean hours and weekdays ("10時", "7시", "토요일", "周三"),
/// Arabic, Thai and Hindi month names with a day ("الأحد 20 ديسمبر", "22 ธันวาคม 2569", "15 दिसंबर 2026"), Arabic and
/// Thai clock times ("الساعة 10 صباحاً", "08.30 น."), Vietnamese months ("tháng 1 năm 2027").
/// </summary>
/// <remarks>
/// Each form is narrow on purpose: a bare "Sat" is a verb at a sentence start and "5th" a floor, so an abbreviation needs
/// a day, a time or a date word beside it, an ordinal day needs "the" or a weekday before it and no noun after it, and
/// "1/12" a date word before it or a time after it. Findings score 0.8, above a lone clock time (0.5-0.7 with its context), so that
/// "07/12 09:02" and "09:00-13:00" are one span rather than a time and a stray number (a calendar date, 0.85, still wins).
/// </remarks>
public sealed partial class InformalDateTimeRecognizer() : PatternRecognizer(PersonalDataTypes.DateTime, new ContextWords([]), contextBoost: 0.0)
{
    private const double Score = 0.8;

    /// <summary>Below the calendar patterns' scores, so that "the 17th of January", which they find whole, keeps its month.</summary>
    private const double OrdinalDayScore = 0.45;

    /// <summary>Above the calendar patterns' 0.85 (0.95 beside a context word such as "Date:"): an e-mail header's date, time and zone are one finding.</summary>
    private const double MachineScore = 0.97;

    private const string Clock = @"(?:(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9](?:\s?[ap]\.?m\.?)?|(?:1[0-2]|0?[1-9])\s?[ap]\.?m\.?)";

    /// <summary>A capitalised English weekday, abbreviated or full, with an ordinal day, a clock time or range after it.</summary>
    [GeneratedRegex(@"(?<![\w])(?<wd>Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?,?[ \t]+(?:(?:the[ \t]+)?(?<day>[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)|(?<range>(?:[01]?[0-9]|2[0-3])(?:[:.][0-5][0-9])?\s?[-–]\s?" + Clock + @")|(?<clock>" + Clock + @"))(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex WeekdayWithDayOrTime();

    /// <summary>A capitalised weekday abbreviation alone, read in <see cref="Validate"/> by the words around it.</summary>
    [GeneratedRegex(@"(?<![\w])(?<abbr>Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex WeekdayAbbreviation();

    /// <summary>An ordinal day after "the": "on the 12th", "due the 25th" (the finding is the day, "12th").</summary>
    [GeneratedRegex(@"(?<=(?<![\w])the[ \t]+)(?<ordinal>(?:[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th))(?![\w])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex OrdinalDay();

    /// <summary>A clock range: "09:00-13:00", "9.30–11.00", "6–10pm".</summary>
    [GeneratedRegex(@"(?<![\w:.,])(?:(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9][ ]?[-–][ ]?(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9](?:\s?[ap]\.?m\.?)?|(?:1[0-2]|0?[1-9])(?::[0-5][0-9])?[ ]?[-–][ ]?(?:1[0-2]|0?[1-9])(?::[0-5][0-9])?\s?[ap]\.?m\.?)(?![\w:]|[.,][0-9])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex ClockRange();

    /// <summary>Day and month with a slash and no year ("1/12", "11/18"), optionally with the clock time after it.</summary>
    [GeneratedRegex(@"(?<![\w/.\-:])(?<a>[0-9]{1,2})/(?<b>[0-9]{1,2})(?![\w/]|[.,:][0-9])(?<time>,?[ \t]+(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?![\w]|:[0-9]))?", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex DayMonthSlash();

    private const string MonthAbbreviations = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";

    /// <summary>
    /// Machine-written date-times that are one moment: an e-mail header ("Tue, 3 Nov 2026 16:05 +0100"), a web server log
    /// ("05/Dec/2026:14:02:11 +0000"), a booking system's "07-Dec-2026". Scored above a calendar date, so that the
    /// header's date, time and zone are one finding rather than a date and a stray time.
    /// </summary>
    [GeneratedRegex(@"(?<![\w])(?:(?<header>(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),[ ]+[0-9]{1,2}[ ]+(?:" + MonthAbbreviations + @")[ ]+(?:19|20)[0-9]{2}[ ]+(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?(?:[ ]+(?:[+-][0-9]{4}|UTC|GMT|[A-Z]{3,4}))?)|(?<log>[0-9]{2}/(?:" + MonthAbbreviations + @")/(?:19|20)[0-9]{2}:[0-9]{2}:[0-9]{2}:[0-9]{2}(?:[ ][+-][0-9]{4})?)|(?<hyphenated>[0-9]{1,2}-(?:" + MonthAbbreviations + @")-(?:19|20)[0-9]{2}))(?![\w])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex MachineDateTime();

    /// <summary>Hours said rather than written: "kl. 18", "klo 16" (with minutes, "kl. 14.30", the clock patterns' own), "half 5", "kwart over 7", "quarter past 9", "shaam 6 baje".</summary>
    [GeneratedRegex(@"(?<![\w])(?:(?:kl\.?|klo|kello|klockan|klokka|klokken)[ \t]?(?:[01]?[0-9]|2[0-3])(?![\w:]|[.,][0-9])|(?<half>half)[ \t]+(?:1[0-2]|[1-9])(?![\w:]|[.,][0-9])|(?:quarter[ \t]+(?:past|to)|half[ \t]+past|kwart[ \t]+(?:over|voor))[ \t]+(?:1[0-2]|[1-9])(?![\w:]|[.,][0-9])|(?:(?:subah|dopahar|shaam|sham|raat)[ \t]+)?(?:1[0-2]|[1-9])(?:[ \t]*(?:se|-|–)[ \t]*(?:1[0-2]|[1-9]))?[ \t]+baje(?![\w]))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex SpokenHour();

    /// <summary>Chinese, Japanese and Korean hours and weekdays: "10時", "7시 30분", "3点半", "토요일", "金曜日", "周三", "星期五".</summary>
    // "2時間" and "2 시간" are durations (hours), not times.
    [GeneratedRegex(@"(?:[0-9]{1,2}[ ]?[時时시點点](?![간間间])(?:[ ]?[0-9]{1,2}[ ]?[分분])?(?:半|반)?|[월화수목금토일]요일|[月火水木金土日]曜日?|(?:周|週|星期|礼拜|禮拜)[一二三四五六日天])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex CjkHourOrWeekday();

    /// <summary>
    /// Arabic, Thai, Hindi and Vietnamese dates and times: a day and a month name with an optional year (and an Arabic
    /// weekday before it), an Arabic weekday after "يوم", "الساعة" with an hour, a Thai "น." time, "tháng 1 năm 2027".
    /// </summary>
    [GeneratedRegex(
        @"(?:(?:يوم[ ]+)?(?:الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت)[ ]+)?[0-9]{1,2}[ ]+(?:يناير|فبراير|مارس|أبريل|إبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)(?:[ ]+[0-9]{4})?"
        + @"|يوم[ ]+(?:الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت)"
        + @"|الساعة[ ]+[0-9]{1,2}(?:[:.][0-5][0-9])?(?:[ ]+(?:صباحاً|صباحًا|صباحا|مساءً|مساءًا|مساء|ظهراً|ظهرًا|ظهرا))?"
        + @"|[0-9]{1,2}[ ]+(?:มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม)(?:[ ]+[0-9]{4})?"
        + @"|[0-9]{1,2}[.:][0-5][0-9][ ]?น\."
        + @"|[0-9]{1,2}[ ]+(?:जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर)(?:[ ]+[0-9]{4})?"
        + @"|(?<![\w])tháng[ ]+(?:1[0-2]|0?[1-9])(?:[ ]+năm[ ]+[0-9]{4})?(?![\w])",
        RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex OtherScriptDate();

    protected override IEnumerable<Regex> Patterns =>
        [WeekdayWithDayOrTime(), WeekdayAbbreviation(), OrdinalDay(), ClockRange(), DayMonthSlash(), SpokenHour(), CjkHourOrWeekday(), OtherScriptDate(), MachineDateTime()];

    /// <summary>Words before a lone weekday abbreviation that make it a day: "on Sat", "till Fri", "back Mon", "Seen Tue".</summary>
    private static readonly FrozenSet<string> WeekdayCues = new[]
    {
        "on", "till", "til", "until", "by", "from", "back", "before", "after", "next", "this", "every", "last", "seen", "due", "and",
        "or", "to", "mean", "through", "thru", "except", "since",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after a lone weekday abbreviation that make it a day: "Fri evening", "Sat AM", "Thurs afternoon".</summary>
    private static readonly FrozenSet<string> PartsOfDay = new[]
    {
        "morning", "afternoon", "evening", "night", "am", "pm", "lunchtime", "lunch", "eve", "arvo",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Words that may follow an ordinal day ("the 5th of", "the 12th!", "the 5th not the 10th"). Only these: any other word,
    /// a noun above all, makes it no date ("the 3rd time", "the 5th floor", "the 40th anniversary", "the 21st century").
    /// </summary>
    private static readonly FrozenSet<string> AfterOrdinalDay = new[]
    {
        "", "of", "at", "and", "or", "not", "to", "till", "until", "from", "in", "on", "for", "if", "so", "but", "when", "then", "is",
        "was", "instead", "please", "pls", "onwards", "again", "as", "which", "starting", "around", "by", "latest", "works", "suits",
        "ok", "okay", "would", "will", "we", "i", "you", "he", "she", "they", "it", "that", "this", "because", "cause", "after", "before",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before "1/12" that make it a date: Spanish, Portuguese, French, Italian, German, Nordic and English ones.</summary>
    private static readonly FrozenSet<string> DayMonthCues = new[]
    {
        "el", "del", "al", "au", "le", "du", "am", "vom", "bis", "ab", "il", "dal", "em", "no", "do", "da", "na", "den", "på", "til",
        "on", "by", "until", "till", "from", "since", "due", "shift", "dated", "date", "desde", "hasta", "até", "depuis", "jusqu",
        "fino", "entro", "dès", "avant", "après", "before", "after", "deadline", "des", "through", "thru", "dia",
        // A card's expiry month: "Exp 08/27", "valid thru 11/29".
        "exp", "expiry", "expires", "expiration", "valid", "gültig",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    protected override Candidate? Validate(string text, Match match)
    {
        if (match.Groups["abbr"].Success)
            return ValidateAbbreviation(text, match);
        if (match.Groups["ordinal"].Success)
            return AfterOrdinalDay.Contains(TextScan.WordAfter(text, match.Index + match.Length, out _)) ? Candidate.Of(match, OrdinalDayScore) : null;
        if (match.Groups["a"].Success)
            return ValidateDayMonth(text, match);
        if (match.Groups["header"].Success || match.Groups["log"].Success || match.Groups["hyphenated"].Success)
            return Candidate.Of(match, MachineScore);
        if (match.Groups["half"].Success)
        {
            // "half 5" is a time in British and Dutch speech; "half 5 kilos" and "half 5 of them" are not.
            var after = TextScan.WordAfter(text, match.Index + match.Length, out _);
            return after is "" or "on" or "and" or "or" or "at" or "tonight" or "tomorrow" or "today" or "then" or "ok" or "pm" or "am"
                ? Candidate.Of(match, Score)
                : null;
        }
        return Candidate.Of(match, Score);
    }

    private static Candidate? ValidateAbbreviation(string text, Match match)
    {
        var before = DateTimeRecognizer.WordBefore(text, match.Index);
        var after = TextScan.WordAfter(text, match.Index + match.Length, out _);
        // "Sun" the newspaper ("The Sun") and "Sat" the verb ("Sat down") have no day word beside them.
        if (WeekdayCues.Contains(before) || PartsOfDay.Contains(after) || IsInWeekdayList(text, match) || IsRotaLabel(text, match))
            return Candidate.Of(match, Score);
        return null;
    }

    /// <summary>A rota's line label: "Mon: Bridget, Nguyen" (the abbreviation starts the line and a colon follows it).</summary>
    private static bool IsRotaLabel(string text, Match match)
    {
        var end = match.Index + match.Length;
        return (match.Index == 0 || text[match.Index - 1] == '\n') && end < text.Length && text[end] == ':';
    }

    /// <summary>"Mon–Fri", "Mon, Wed, Fri", "OOO Wed–Fri": another abbreviation right before or after, across a dash, comma or slash.</summary>
    private static bool IsInWeekdayList(string text, Match match)
    {
        var end = match.Index + match.Length;
        var next = end;
        while (next < text.Length && text[next] is ' ' or ',' or '-' or '–' or '/' or '&')
            next++;
        if (next > end && WeekdayAbbreviation().Match(text, next) is { Success: true } following && following.Index == next)
            return true;
        var previous = match.Index;
        while (previous > 0 && text[previous - 1] is ' ' or ',' or '-' or '–' or '/' or '&')
            previous--;
        if (previous == match.Index || previous < 3)
            return false;
        var start = previous - 1;
        while (start > 0 && char.IsLetter(text[start - 1]))
            start--;
        return WeekdayAbbreviation().Match(text, start) is { Success: true } preceding && preceding.Index == start && preceding.Index + preceding.Length == previous;
    }

    private static Candidate? ValidateDayMonth(string text, Match match)
    {
        var a = int.Parse(match.Groups["a"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        var b = int.Parse(match.Groups["b"].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
        // Either reading must be a real day of a month, in a leap year so that 29 February counts: "1/12" and "11/18" are, "3/45" is not.
        if (!DateTimeRecognizer.IsDate(2024, b, a) && !DateTimeRecognizer.IsDate(2024, a, b))
            return null;
        if (match.Groups["time"].Success || DayMonthCues.Contains(DateTimeRecognizer.WordBefore(text, match.Index)))
            return Candidate.Of(match, Score);
        return null;
    }
}
