using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Dates and times as people write them: ISO 8601 (with an optional time), numeric day/month/year in either
/// order (a reading must be a real calendar date) and year first ("2024/03/05", "2024.03.05."), dates with month
/// names in about twenty-five languages, with the inflected forms dates use ("5 marca 2024", "5. března", "5 марта",
/// "5. maaliskuuta", "2024. március 5."), CJK dates ("2024年3月5日", "2024년 3월 5일"), and clock times ("10:30", "7pm",
/// "14h30", "14.30 Uhr", "kl. 14.30", "à 9h"). Relative expressions ("next week") are left to a learned tagger.
/// </summary>
public sealed partial class DateTimeRecognizer() : PatternRecognizer(
    PersonalDataTypes.DateTime,
    new ContextWords(["date", "born", "birth", "dob", "birthday", "on", "at", "since", "until", "appointment", "time", "deadline", "due"]),
    contextBoost: 0.1)
{
    private const string Months =
        "january|february|march|april|may|june|july|august|september|october|november|december"
        + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
        + "|januar|februar|märz|maerz|mai|juni|juli|oktober|dezember"
        + "|janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
        + "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
        + "|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
        + "|januari|februari|maart|mei|augustus"
        // Portuguese, Swedish, Danish and Norwegian, Romanian, Serbian, Slovene, Indonesian and Malay.
        + "|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|setiembre"
        + "|maj|augusti|marts|desember|ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie"
        + "|mart|avgust|septembar|oktobar|novembar|decembar|junij|julij|maret|agustus|julai|ogos|disember"
        // Finnish (nominative, and the partitive "maaliskuuta" and inessive "maaliskuussa" dates use).
        + "|(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)kuu(?:ta|ssa|n)?"
        // Nominatives of Polish, Czech, Slovak, Hungarian, Croatian ("marzec 2024", "březen 2024", "március 5.").
        + "|styczeń|styczen|luty|marzec|kwiecień|kwiecien|czerwiec|lipiec|sierpień|sierpien|wrzesień|wrzesien|październik|pazdziernik|listopad|grudzień|grudzien"
        + "|leden|únor|březen|duben|květen|červenec|červen|srpen|září|říjen|prosinec|január|február|marec|apríl|máj|jún|júl|október"
        + "|március|április|május|június|július|augusztus|szeptember|márc|ápr|febr|szept"
        + "|siječanj|veljača|ožujak|travanj|svibanj|lipanj|srpanj|kolovoz|rujan|studeni|prosinac"
        // Turkish, Russian and Ukrainian nominatives.
        + "|ocak|şubat|subat|nisan|mayıs|mayis|haziran|temmuz|ağustos|agustos|eylül|eylul|ekim|kasım|kasim|aralık|aralik"
        + "|январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь"
        + "|січень|лютий|березень|квітень|травень|червень|липень|серпень|вересень|жовтень|листопад|грудень";

    /// <summary>
    /// Inflected month names that only follow the day ("5 marca", "5. března", "5 марта", "5 Μαρτίου"): the genitives of
    /// Polish, Czech, Slovak, Croatian, Slovene, Russian, Ukrainian and Greek. Some are also first names ("Maja",
    /// "Augusta"), which a day before them rules out.
    /// </summary>
    private const string DayFirstMonths =
        "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|wrzesnia|października|pazdziernika|listopada|grudnia"
        + "|ledna|února|unora|března|brezna|dubna|května|kvetna|června|cervna|července|cervence|srpna|října|rijna|listopadu|prosince"
        + "|januára|februára|apríla|mája|júna|júla|augusta|septembra|októbra|novembra|decembra"
        + "|siječnja|veljače|ožujka|travnja|svibnja|lipnja|srpnja|kolovoza|rujna|studenoga|studenog|prosinca"
        + "|januarja|februarja|aprila|junija|julija|avgusta|oktobra"
        + "|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
        + "|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|грудня"
        + "|Ιανουαρίου|Φεβρουαρίου|Μαρτίου|Απριλίου|Μαΐου|Ιουνίου|Ιουλίου|Αυγούστου|Σεπτεμβρίου|Οκτωβρίου|Νοεμβρίου|Δεκεμβρίου";

    // Abbreviations that are also ordinary words elsewhere ("set", "ago", "mag"): only in "d MMM yyyy".
    private const string AmbiguousMonths =
        "gen|mag|giu|lug|ago|set|ott|dic|ene|abr|dez|mrt|okt|janv|févr|fevr|avr|juil|déc|sett|fev|out|mac|des|agu";

    private const string IsoPattern = @"(?<![\w\-/.])(?<y>(?:19|20)[0-9]{2})-(?<m>0[1-9]|1[0-2])-(?<d>0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+\-][0-9]{2}:?[0-9]{2})?)?(?![\w\-]|[/.][0-9])";

    private const string NumericPattern = @"(?<![\w\-/.:])(?<a>[0-9]{1,2})(?<sep>\.[ ]|[/.\-])(?<b>[0-9]{1,2})\k<sep>(?<y>[0-9]{4}|[0-9]{2})(?![\w]|[/.\-:][0-9])";

    // Two patterns rather than one with an optional weekday prefix: each then starts from a cheap first
    // character (a digit, or a month's first letter), which keeps the scan over long texts fast.
    private const string DayFirstPattern = @"(?<![\w])(?:(?<d1>[0-9]{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:of\s+|de\s+)?(?<m1>" + Months + "|" + DayFirstMonths + @")\.?(?:,?\s+(?:de\s+)?(?<y1>(?:19|20)[0-9]{2}))?|(?<d4>[0-9]{1,2})\.?\s+(?<m4>" + AmbiguousMonths + @")\.?\s+(?<y4>(?:19|20)[0-9]{2}))(?![\w])";

    // The month sits in a lookbehind (whose groups still capture): the scan then jumps between digits instead
    // of trying the month names at every letter. Validate widens the span back to the month.
    private const string MonthFirstPattern = @"(?<=(?<![\w])(?<m2>" + Months + @")\.?\s+)(?:(?<d2>[0-9]{1,2})(?:st|nd|rd|th|-(?:[aáeé]n|j[aáeé]n|[aáeé]ig|i|t[oóöő]l))?(?:,?\s+(?<y2>(?:19|20)[0-9]{2}))?|(?<y3>(?:19|20)[0-9]{2}))(?![\w])";

    /// <summary>Year first with slashes or dots ("2024/03/05", "2024.03.05.", "2024. 03. 05."): always year, month, day.</summary>
    private const string YearFirstNumericPattern = @"(?<![\w\-/.])(?<y>(?:19|20)[0-9]{2})(?<ys>\.[ ]|[/.])(?<m>0?[1-9]|1[0-2])\k<ys>(?<d>0?[1-9]|[12][0-9]|3[01])(?:\.(?![0-9]))?(?![\w\-]|[/.][0-9])";

    /// <summary>Hungarian year-first dates with a month name: "2024. március 5.", "2024. márc. 5-én".</summary>
    private const string YearFirstMonthPattern = @"(?<![\w])(?<y7>(?:19|20)[0-9]{2})\.?\s+(?<m7>" + Months + @")\.?\s+(?<d7>[0-9]{1,2})(?:-(?:[aáeé]n|j[aáeé]n|[aáeé]ig|i|t[oóöő]l)|\.(?=\s|$))?(?![\w])";

    /// <summary>
    /// Chinese, Japanese and Korean dates: "2024年3月5日", "3月5日", "2024年3月", "2024년 3월 5일". CJK text has no spaces,
    /// so an ideograph or Hangul syllable may stand right before the number (any other letter may not).
    /// </summary>
    private const string CjkPattern = @"(?<![\w-[\p{Lo}]])(?:(?<cy>[0-9]{4})[ ]?[年년][ ]?(?<cm>[0-9]{1,2})[ ]?[月월](?:[ ]?(?<cd>[0-9]{1,2})[ ]?[日일号號])?|(?<cm>[0-9]{1,2})[ ]?[月월][ ]?(?<cd>[0-9]{1,2})[ ]?[日일号號])";

    /// <summary>
    /// Day and month without a year, "5.3." (German, Nordic, Czech, Polish), or with the year after a space ("5.3. 2024"):
    /// without a year a date only after a date word ("am 5.3.", "bis 15.4.") or before a clock word ("5.3. um 10 Uhr").
    /// </summary>
    private const string DayMonthPattern = @"(?<![\w\-/.:,])(?<dd>[0-9]{1,2})\.(?<dm>[0-9]{1,2})\.(?:[ ](?<dy>(?:19|20)[0-9]{2})(?![\w]|[.,/\-][0-9])|(?![0-9]|[ ]?[0-9]))";

    /// <summary>
    /// Clock times of other conventions: "14h30", "14.30 Uhr", "9.30am", "10 Uhr", "kl. 14.30", "à 9h". "14.30" and "9h"
    /// alone are prices or durations as often, so they need a clock word before them (<see cref="ClockWords"/>).
    /// </summary>
    private const string ClockWordPattern = @"(?<![\w:.,])(?<ch>[01]?[0-9]|2[0-4])(?:(?<hsep>[.h])(?<cmin>[0-5][0-9])(?:[ ]?(?<cunit>uhr|h|[ap]\.m\.|[ap]m))?|[ ]?(?<cunit>uhr|h|[ap]\.m\.|[ap]m))(?![\w:]|[.,][0-9])";

    // A colon may follow the time ("Ana Paula 08:02: bom dia", a chat export's speaker stamp), a digit after it may not.
    private const string ClockPattern = @"(?<![\w:.,])(?:(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?(?:\s?(?:[ap]\.?m\.?|h|uhr))?|(?:1[0-2]|0?[1-9])\s?(?:[ap]\.m\.|[ap]m))(?![\w]|:[0-9]|[.,][0-9])";

    private const string Weekdays =
        "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
        + "|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag"
        + "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
        + "|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"
        + "|lunedì|lunedi|martedì|martedi|mercoledì|mercoledi|giovedì|giovedi|venerdì|venerdi|sabato|domenica"
        + "|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
        + "|poniedziałek|poniedzialek|wtorek|środa|sroda|czwartek|piątek|piatek|sobota|niedziela"
        + "|pondělí|úterý|středa|čtvrtek|pátek|neděle"
        + "|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mandag|tirsdag|lørdag|søndag"
        + "|maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai"
        + "|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira"
        // Since the ninth session: more languages, with the inflected forms a sentence puts them in ("lauantaina",
        // "piektdien", "od srijede", "teisipäeval", "w środę"). Left out where the word is also a common one: Romanian
        // "luni" (months) and "joi", Turkish "pazar" (market), Indonesian "Minggu" (week), Russian "среда" (environment).
        + "|maanantaina|tiistaina|keskiviikkona|torstaina|perjantaina|lauantaina|sunnuntaina"
        + "|pirmdien|otrdien|trešdien|ceturtdien|piektdien|sestdien|svētdien|pirmdiena|otrdiena|trešdiena|ceturtdiena|piektdiena|sestdiena|svētdiena"
        + "|pirmadienis|antradienis|trečiadienis|ketvirtadienis|penktadienis|šeštadienis|sekmadienis"
        + "|pirmadienį|antradienį|trečiadienį|ketvirtadienį|penktadienį|šeštadienį|sekmadienį"
        + "|esmaspäev|teisipäev|kolmapäev|neljapäev|laupäev|pühapäev|esmaspäeval|teisipäeval|kolmapäeval|neljapäeval|reedel|laupäeval|pühapäeval"
        + "|ponedjeljak|ponedeljak|utorak|srijeda|četvrtak|petak|subota|nedjelja|nedelja"
        + "|ponedjeljka|utorka|srijede|srijedu|srede|sredu|četvrtka|petka|subote|subotu|nedjelje|nedjelju|nedelje|nedelju"
        + "|ponedeljek|torek|četrtek|petek|pondelok|utorok|streda|štvrtok|piatok|nedeľa|nedeľu"
        + "|poniedziałku|wtorku|środę|środy|czwartku|piątku|sobotę|soboty|niedzielę|niedzieli"
        + "|hétfő|hétfőn|kedd|kedden|szerda|szerdán|csütörtök|csütörtökön|péntek|pénteken|szombat|szombaton|vasárnap"
        + "|marți|miercuri|vineri|sâmbătă|duminică"
        + "|pazartesi|salı|çarşamba|perşembe|cuma|cumartesi"
        + "|senin|selasa|rabu|kamis|jumat|sabtu|isnin|khamis|jumaat|ahad"
        + "|jumatatu|jumanne|jumatano|alhamisi|ijumaa|jumamosi|jumapili"
        + "|dilluns|dimarts|dimecres|dijous|divendres|dissabte|diumenge"
        + "|δευτέρα|τρίτη|τετάρτη|πέμπτη|παρασκευή|σάββατο|κυριακή"
        + "|понедельник|вторник|среду|четверг|пятница|пятницу|суббота|субботу|воскресенье"
        + "|понеділок|вівторок|середа|середу|четвер|п'ятниця|п'ятницю|пʼятниця|субота|суботу|неділя|неділю"
        + "|mánudagur|þriðjudagur|miðvikudagur|fimmtudagur|föstudagur|laugardagur|sunnudagur"
        + "|thứ hai|thứ ba|thứ tư|thứ năm|thứ sáu|thứ bảy|chủ nhật";

    /// <summary>A weekday, alone ("on Friday", "every Tuesday", "torsdag") or leading a date ("Friday 12 July", "Montag, 3. Juni").</summary>
    private const string WeekdayPattern = @"(?<![\w])(?<wd>" + Weekdays + @")s?(?:,?\s+(?:the\s+)?(?:(?<d5>[0-9]{1,2})(?:st|nd|rd|th|\.)?\s+(?:of\s+)?(?<m5>" + Months + @")\.?(?:,?\s+(?<y5>(?:19|20)[0-9]{2}))?|(?<m6>" + Months + @")\.?\s+(?<d6>[0-9]{1,2})(?:st|nd|rd|th)?(?:,?\s+(?<y6>(?:19|20)[0-9]{2}))?))?(?![\w])";

    /// <summary>A bare year 1900-2099; kept only after a word that makes it one ("founded in 1977", "born 1985").</summary>
    /// A hyphen beside it only in a range of two years ("2016-2020": the detector sees every dash as a hyphen).
    private const string YearPattern = @"(?<![\w/.:,]|(?<!(?:19|20)[0-9]{2}[ ]?)-)(?<year>(?:19|20)[0-9]{2})(?![\w]|[.,/:][0-9]|-(?![ ]?(?:19|20)[0-9]{2}(?![\w]|[.,/\-:][0-9]))[0-9])";

    [GeneratedRegex(WeekdayPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\G" + WeekdayPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex WeekdayAt();

    /// <summary>The weekday names, for a vectorised search that finds where the anchored weekday pattern can start.</summary>
    private static readonly System.Buffers.SearchValues<string> WeekdayNames =
        System.Buffers.SearchValues.Create(Weekdays.Split('|'), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(YearPattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Year();

    [GeneratedRegex(@"\G" + YearPattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex YearAt();

    [GeneratedRegex(IsoPattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Iso();

    [GeneratedRegex(@"\G" + IsoPattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex IsoAt();

    [GeneratedRegex(NumericPattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"\G" + NumericPattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex NumericAt();

    [GeneratedRegex(DayFirstPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"\G" + DayFirstPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex DayFirstAt();

    [GeneratedRegex(MonthFirstPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"\G" + MonthFirstPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex MonthFirstAt();

    [GeneratedRegex(YearFirstNumericPattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex YearFirstNumeric();

    [GeneratedRegex(@"\G" + YearFirstNumericPattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex YearFirstNumericAt();

    [GeneratedRegex(YearFirstMonthPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex YearFirstMonth();

    [GeneratedRegex(@"\G" + YearFirstMonthPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex YearFirstMonthAt();

    [GeneratedRegex(CjkPattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Cjk();

    [GeneratedRegex(@"\G" + CjkPattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex CjkAt();

    [GeneratedRegex(DayMonthPattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\G" + DayMonthPattern, RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex DayMonthAt();

    [GeneratedRegex(ClockWordPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex ClockWord();

    [GeneratedRegex(@"\G" + ClockWordPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex ClockWordAt();

    [GeneratedRegex(ClockPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Clock();

    [GeneratedRegex(@"\G" + ClockPattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex ClockAt();

    protected override IEnumerable<Regex> Patterns =>
        [Iso(), Numeric(), DayFirst(), MonthFirst(), Clock(), Year(), YearFirstNumeric(), YearFirstMonth(), DayMonth(), ClockWord(), Cjk(), Weekday()];

    /// <summary>Every word the month alternations match, lower case: the month names, their inflected forms, the Finnish forms spelled out.</summary>
    private static readonly FrozenSet<string> MonthWords = Words(Months);

    private static readonly FrozenSet<string> DayFirstWords = Words(Months + "|" + DayFirstMonths + "|" + AmbiguousMonths);

    private static FrozenSet<string> Words(string alternation)
    {
        var words = new List<string>();
        foreach (var alternative in alternation.Split('|'))
        {
            if (alternative.StartsWith("(?:", StringComparison.Ordinal))
                continue;
            words.Add(alternative.ToLowerInvariant());
        }
        foreach (var stem in new[] { "tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka", "marras", "joulu" })
            foreach (var ending in new[] { "kuu", "kuuta", "kuussa", "kuun" })
                words.Add(stem + ending);
        return words.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Each anchored pattern with what its match needs of the digit run it starts at (a necessary condition, read
    /// off the pattern): the run's length and the character after it.
    /// </summary>
    private static readonly (Regex At, Func<string, DigitRun, bool> CanStart)[] AnchoredPatterns =
    [
        (IsoAt(), (text, run) => run.Length == 4 && text[run.Start] is '1' or '2' && run.Next(text) == '-'),
        (NumericAt(), (text, run) => run.Length <= 2 && run.Next(text) is '/' or '.' or '-'),
        (DayFirstAt(), (text, run) => run.Length <= 2 && run.Next(text) is { } next && (next == '.' || char.IsLetter(next) || char.IsWhiteSpace(next)) && MonthFollows(text, run)),
        (MonthFirstAt(), (text, run) => run.Length is 1 or 2 or 4 && MonthPrecedes(text, run.Start)),
        (ClockAt(), (text, run) => run.Length <= 2 && run.Next(text) is { } next && (next == ':' || char.IsLetter(next) || char.IsWhiteSpace(next))),
        (YearAt(), (text, run) => run.Length == 4 && text[run.Start] is '1' or '2'),
        (YearFirstNumericAt(), (text, run) => run.Length == 4 && text[run.Start] is '1' or '2' && run.Next(text) is '/' or '.'),
        (YearFirstMonthAt(), (text, run) => run.Length == 4 && text[run.Start] is '1' or '2' && run.Next(text) is { } next && (next == '.' || char.IsWhiteSpace(next)) && MonthWordAt(text, SkipSpaces(text, run.Start + run.Length + (next == '.' ? 1 : 0)), MonthWords)),
        (DayMonthAt(), (text, run) => run.Length <= 2 && run.Next(text) == '.'),
        (ClockWordAt(), (text, run) => run.Length <= 2 && run.Next(text) is { } next && (next == '.' || char.IsLetter(next) || next == ' ')),
    ];

    // Every pattern's match starts at the first ASCII digit of a run that no word character precedes (each opens
    // with a lookbehind excluding \w; MonthFirst's ends in \s). One pass finds those runs, and each pattern is tried
    // only at the runs it can start at, anchored, leftmost first and never inside its previous match: the same
    // matches in the same order as its full scan (AnchoredScanTests), for a fraction of the attempts. The CJK
    // pattern alone also starts after an ideograph or syllable (a letter of category Lo): those runs are tried for it only.
    protected override IEnumerable<Match> Candidates(string text)
    {
        var runs = DigitRuns(text);
        foreach (var (at, canStart) in AnchoredPatterns)
        {
            var previousEnd = 0;
            foreach (var run in runs)
            {
                if (run.Start < previousEnd || run.AfterOtherLetter || !canStart(text, run))
                    continue;
                var match = at.Match(text, run.Start);
                if (!match.Success)
                    continue;
                yield return match;
                previousEnd = match.Index + match.Length;
            }
        }
        if (text.AsSpan().IndexOfAny(CjkDateCharacters) >= 0)
        {
            var previousEnd = 0;
            foreach (var run in runs)
            {
                if (run.Start < previousEnd || !(run.Length is <= 2 or 4))
                    continue;
                var match = CjkAt().Match(text, run.Start);
                if (!match.Success)
                    continue;
                yield return match;
                previousEnd = match.Index + match.Length;
            }
        }
        // Weekdays start with a letter, so the digit runs cannot anchor them: a vectorised search for the names finds
        // every place a match can start, and the anchored pattern is tried there, leftmost first, never inside the
        // previous match: the matches of a full scan, without running the pattern at every letter.
        var from = 0;
        while (from < text.Length)
        {
            var offset = text.AsSpan(from).IndexOfAny(WeekdayNames);
            if (offset < 0)
                break;
            var at = from + offset;
            var match = WeekdayAt().Match(text, at);
            if (match.Success)
            {
                yield return match;
                from = match.Index + match.Length;
            }
            else
            {
                from = at + 1;
            }
        }
    }

    // The month patterns try a long alternation of month names; a hash lookup of the word beside the digit run (which a
    // match needs: the month is a whole word) rules out nearly every run first.

    /// <summary>Whether the letters at <paramref name="index"/> form a word of <paramref name="set"/>.</summary>
    private static bool MonthWordAt(string text, int index, FrozenSet<string> set)
    {
        var end = index;
        while (end < text.Length && char.IsLetter(text[end]))
            end++;
        return end > index && set.Contains(text.AsSpan(index, end - index).ToString().ToLowerInvariant());
    }

    private static int SkipSpaces(string text, int index)
    {
        while (index < text.Length && char.IsWhiteSpace(text[index]))
            index++;
        return index;
    }

    /// <summary>DayFirst's necessary condition: after the day (and "st", "th", "er" or a dot), spaces, an optional "of"/"de", a month word.</summary>
    private static bool MonthFollows(string text, DigitRun run)
    {
        var end = run.Start + run.Length;
        foreach (var suffix in new[] { 0, 1, 2 })
        {
            var p = end + suffix;
            if (p >= text.Length || !char.IsWhiteSpace(text[p]))
                continue;
            if (suffix == 1 && text[end] != '.' || suffix == 2 && !char.IsLetter(text[end]))
                continue;
            p = SkipSpaces(text, p);
            if (MonthWordAt(text, p, DayFirstWords))
                return true;
            if (p + 2 < text.Length && (text.AsSpan(p, 2).Equals("of", StringComparison.OrdinalIgnoreCase) || text.AsSpan(p, 2).Equals("de", StringComparison.OrdinalIgnoreCase))
                && char.IsWhiteSpace(text[p + 2]) && MonthWordAt(text, SkipSpaces(text, p + 2), DayFirstWords))
                return true;
        }
        return false;
    }

    /// <summary>MonthFirst's necessary condition: a month word, an optional dot and spaces right before the run.</summary>
    private static bool MonthPrecedes(string text, int start)
    {
        var i = start;
        if (i == 0 || !char.IsWhiteSpace(text[i - 1]))
            return false;
        while (i > 0 && char.IsWhiteSpace(text[i - 1]))
            i--;
        if (i > 0 && text[i - 1] == '.')
            i--;
        var end = i;
        while (i > 0 && char.IsLetter(text[i - 1]))
            i--;
        return end > i && MonthWords.Contains(text.AsSpan(i, end - i).ToString().ToLowerInvariant());
    }

    private static List<DigitRun> DigitRuns(string text)
    {
        var runs = new List<DigitRun>();
        var i = 0;
        while (i < text.Length)
        {
            var offset = text.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (offset < 0)
                break;
            var start = i + offset;
            var end = start + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
                end++;
            if (start == 0 || !IsWordChar(text[start - 1]))
                runs.Add(new DigitRun(start, end - start, false));
            else if (char.GetUnicodeCategory(text[start - 1]) == UnicodeCategory.OtherLetter)
                runs.Add(new DigitRun(start, end - start, true));
            i = end;
        }
        return runs;
    }

    /// <summary>The characters every CJK date holds (year, month, day markers): texts without them skip the CJK pattern.</summary>
    private static readonly System.Buffers.SearchValues<char> CjkDateCharacters = System.Buffers.SearchValues.Create("年년月월");

    /// <param name="AfterOtherLetter">An ideograph, kana or Hangul syllable (category Lo) precedes the run: only the CJK pattern may start there.</param>
    private readonly record struct DigitRun(int Start, int Length, bool AfterOtherLetter)
    {
        /// <summary>The character after the run; null at the end of the text.</summary>
        public char? Next(string text) => Start + Length < text.Length ? text[Start + Length] : null;
    }

    protected override Candidate? Validate(string text, Match match)
    {
        if (match.Groups["wd"].Success)
            return ValidateWeekday(match);
        if (match.Groups["y7"].Success)
            return IsDate(Int(match, "y7"), MonthNumber(match.Groups["m7"].Value), Int(match, "d7")) ? Candidate.Of(match, 0.85) : null;
        if (match.Groups["cm"].Success)
        {
            var cy = match.Groups["cy"].Success ? Int(match, "cy") : 2000;
            var cd = match.Groups["cd"].Success ? Int(match, "cd") : 1;
            return (cy is >= 1900 and <= 2099 || !match.Groups["cy"].Success) && IsDate(cy, Int(match, "cm"), cd) ? Candidate.Of(match, 0.85) : null;
        }
        if (match.Groups["dd"].Success)
            return ValidateDayMonth(text, match);
        if (match.Groups["ch"].Success)
            return ValidateClockWord(text, match);
        if (match.Groups["year"].Success)
            return YearInContext(text, match.Index) ? Candidate.Of(match, 0.6) : null;
        if (match.Groups["y"].Success && match.Groups["m"].Success)
            return IsDate(Int(match, "y"), Int(match, "m"), Int(match, "d")) ? Candidate.Of(match, 0.85) : null;
        if (match.Groups["a"].Success)
            return ValidateNumeric(match);
        if (match.Groups["m2"].Success)
        {
            var monthStart = match.Groups["m2"].Index;
            var end = match.Index + match.Length;
            if (!match.Groups["d2"].Success)
                return new Candidate(monthStart, end, 0.6);
            var day2 = Int(match, "d2");
            var year2 = match.Groups["y2"].Success ? Int(match, "y2") : 2000;
            return IsDate(year2, MonthNumber(match.Groups["m2"].Value), day2)
                ? new Candidate(monthStart, end, match.Groups["y2"].Success ? 0.85 : 0.6)
                : null;
        }
        foreach (var (d, m, y) in new[] { ("d1", "m1", "y1"), ("d4", "m4", "y4") })
        {
            if (!match.Groups[m].Success)
                continue;
            var month = MonthNumber(match.Groups[m].Value);
            var day = Int(match, d);
            var year = match.Groups[y].Success ? Int(match, y) : 2000;
            if (!IsDate(year, month, day))
                return null;
            // "may 5" as a verb ("you may 5 times") is rare but "May" alone with a number stays modest.
            return Candidate.Of(match, match.Groups[y].Success ? 0.85 : 0.6);
        }
        return ValidateClock(match);
    }

    private static Candidate? ValidateWeekday(Match match)
    {
        foreach (var (d, m, y) in new[] { ("d5", "m5", "y5"), ("d6", "m6", "y6") })
        {
            if (!match.Groups[m].Success)
                continue;
            var year = match.Groups[y].Success ? Int(match, y) : 2000;
            return IsDate(year, MonthNumber(match.Groups[m].Value), Int(match, d)) ? Candidate.Of(match, 0.85) : null;
        }
        return Candidate.Of(match, 0.6);
    }

    /// <summary>Words after which a four-digit number 1900-2099 is a year, in the languages the month names cover and the Nordic and Slavic ones.</summary>
    private static readonly FrozenSet<string> YearWords = new[]
    {
        "in", "since", "born", "founded", "established", "est", "from", "until", "till", "to", "by", "year", "during", "circa", "ca",
        "around", "before", "after", "graduated", "issued", "married", "died", "built", "opened", "started", "joined", "moved",
        "retired", "left", "summer", "winter", "spring", "autumn", "fall", "early", "late", "mid", "between", "of", "incorporated",
        "im", "seit", "geboren", "gegründet", "jahr", "en", "depuis", "né", "née", "fondé", "fondée", "année", "desde", "nacido",
        "nacida", "fundada", "fundado", "año", "nel", "dal", "nato", "nata", "fondata", "anno", "w", "od", "roku", "urodzony",
        "urodzona", "v", "roce", "od", "narozen", "narozena", "i", "sedan", "född", "født", "siden", "år", "vuonna", "syntynyt",
        "sinds", "geboren", "opgericht", "sinds", "em", "desde", "nascido", "nascida", "dob", "expires", "valid", "date",
        // Genealogies and obituaries: "b. 1902", "d. 1933".
        "b", "d",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A year in a range of years, as CVs and histories write them: "2016–2020", "2020 – present", "2017—2022" (every dash
    /// reads as '-' here). The second year follows the first by at most 80 years, so a code like "2016-1987" is no range.
    /// </summary>
    private static bool InYearRange(string text, int index)
    {
        var after = index + 4;
        while (after < text.Length && text[after] == ' ')
            after++;
        if (after < text.Length && text[after] is '-' or '–' or '—')
        {
            var next = after + 1;
            while (next < text.Length && text[next] == ' ')
                next++;
            if (IsYearAt(text, next) ? IsRange(YearValue(text, index), YearValue(text, next))
                : StartsWithWord(text, next, "present") || StartsWithWord(text, next, "now") || StartsWithWord(text, next, "today")
                  || StartsWithWord(text, next, "heute") || StartsWithWord(text, next, "date"))
                return true;
        }
        var before = index;
        while (before > 0 && text[before - 1] == ' ')
            before--;
        if (before == 0 || text[before - 1] is not ('-' or '–' or '—'))
            return false;
        before--;
        while (before > 0 && text[before - 1] == ' ')
            before--;
        return before >= 4 && IsYearAt(text, before - 4) && (before == 4 || !(char.IsLetterOrDigit(text[before - 5]) || text[before - 5] == '-'))
            && IsRange(YearValue(text, before - 4), YearValue(text, index));
    }

    private static int YearValue(string text, int i) => int.Parse(text.AsSpan(i, 4), CultureInfo.InvariantCulture);

    private static bool IsRange(int first, int second) => second >= first && second - first <= 80;

    private static bool IsYearAt(string text, int i) =>
        i + 4 <= text.Length && text[i] is '1' or '2' && text[i + 1] is '9' or '0' && char.IsAsciiDigit(text[i + 2]) && char.IsAsciiDigit(text[i + 3])
        && (i + 4 == text.Length || !char.IsLetterOrDigit(text[i + 4]));

    private static bool StartsWithWord(string text, int i, string word) =>
        string.Compare(text, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (i + word.Length == text.Length || !char.IsLetter(text[i + word.Length]));

    /// <summary>Fillers skipped between the context word and the year ("in the year 1977", "in early 1990").</summary>
    private static readonly FrozenSet<string> YearFillers =
        new[] { "the", "year", "early", "late", "mid", "of", "summer", "winter", "spring", "autumn", "roku" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after "for" + a year that make it the year rather than a number of things ("subscriptions for 2027 remain").</summary>
    private static readonly FrozenSet<string> AfterForYear = new[]
    {
        "", "remain", "remains", "onwards", "season", "cohort", "and", "is", "are", "will", "was", "were", "has", "have", "only", "as",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static bool YearInContext(string text, int index)
    {
        // "renew for 2027.", "auditor for 2027", "subscriptions for 2027 remain": "for" only before the end of a clause, so
        // "for 2000 people" stays a number.
        if (WordBefore(text, index) == "for" && AfterForYear.Contains(TextScan.WordAfter(text, index + 4, out _)))
            return true;
        if (InYearRange(text, index))
            return true;
        // A year in brackets after a name, a degree or a title: "Rose (1927)", "MSc Finance (2016)", "(1933, d. aged 4)".
        if (index > 0 && text[index - 1] == '(' && index + 4 < text.Length && text[index + 4] is ')' or ',')
            return true;
        // "Graduated: 2011", "Born: 1958": a label ending in a colon, one of whose words is a year word.
        var i = index;
        while (i > 0 && text[i - 1] is ' ' or '\t')
            i--;
        var afterColon = i > 0 && text[i - 1] == ':';
        if (afterColon)
            i--;
        for (var words = 0; words < 3 && i > 0; words++)
        {
            while (i > 0 && text[i - 1] is ' ' or '\t' or ',')
                i--;
            var end = i;
            while (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] == '.'))
                i--;
            if (end == i)
                return false;
            var word = text.AsSpan(i, end - i).TrimEnd('.').ToString();
            if (YearWords.Contains(word))
                return true;
            if (!afterColon && !YearFillers.Contains(word))
                return false;
        }
        return false;
    }

    private static Candidate? ValidateNumeric(Match match)
    {
        var a = Int(match, "a");
        var b = Int(match, "b");
        var yearText = match.Groups["y"].Value;
        var separator = match.Groups["sep"].Value;
        // Two-digit years only with slashes ("12/24/26"); "1.2.34" is a version number.
        if (yearText.Length == 2 && separator != "/")
            return null;
        var year = yearText.Length == 2 ? 2000 + int.Parse(yearText, CultureInfo.InvariantCulture) : int.Parse(yearText, CultureInfo.InvariantCulture);
        if (yearText.Length == 4 && year is < 1900 or > 2099)
            return null;
        return IsDate(year, b, a) || IsDate(year, a, b) ? Candidate.Of(match, yearText.Length == 4 ? 0.75 : 0.5) : null;
    }

    /// <summary>Words after which "5.3." is a date: German, Nordic, Czech, Slovak, Polish, Russian and English prepositions and labels.</summary>
    private static readonly FrozenSet<string> DayMonthWords = new[]
    {
        "am", "vom", "bis", "ab", "zum", "seit", "den", "dem", "datum", "termin", "frist", "dne", "dnia", "dnes", "od", "do", "til", "fra",
        "från", "till", "innen", "før", "före", "efter", "etter", "efterår", "от", "до", "с", "по", "from", "until", "till", "on", "by",
        "due", "date", "deadline", "mo", "di", "mi", "do", "fr", "sa", "so", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
        "samstag", "sonntag", "geboren", "geb", "born", "ma", "ti", "on", "to", "pe", "la", "su", "po", "út", "st", "čt", "pá", "ne",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before a clock time: "um 14.30", "kl. 14.30", "klo 9.15", "à 9h", "alle 14.30", "o 14.30", "в 14.30".</summary>
    private static readonly FrozenSet<string> ClockWords = new[]
    {
        "um", "ab", "bis", "gegen", "kl", "klo", "kello", "klockan", "klokka", "klokken", "om", "à", "a", "vers", "dès", "des", "avant",
        "après", "jusqu", "entre", "de", "et", "alle", "ore", "dalle", "o", "godz", "godzina", "od", "do", "v", "ve", "hod", "в", "с",
        "до", "saat", "pukul", "jam", "at", "from", "until", "till", "between", "and", "und", "von", "et", "y", "las", "à partir",
        // Portuguese and Spanish: "às 22h", "das 14h às 16h", "hasta las 9h".
        "às", "as", "das", "até", "hasta", "desde",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static Candidate? ValidateDayMonth(string text, Match match)
    {
        var day = Int(match, "dd");
        var month = Int(match, "dm");
        if (match.Groups["dy"].Success)
            return IsDate(Int(match, "dy"), month, day) ? Candidate.Of(match, 0.75) : null;
        if (!IsDate(2000, month, day))
            return null;
        var before = WordBefore(text, match.Index);
        var after = TextScan.WordAfter(text, match.Index + match.Length, out _).ToLowerInvariant();
        return DayMonthWords.Contains(before) || after is "um" or "klo" or "kl" or "kello" or "ab" or "bis" or "o" or "v" or "в" or "at"
            ? Candidate.Of(match, 0.6)
            : null;
    }

    private static Candidate? ValidateClockWord(string text, Match match)
    {
        var hasMinutes = match.Groups["cmin"].Success;
        var unit = match.Groups["cunit"].Success ? match.Groups["cunit"].Value.ToLowerInvariant() : "";
        var hour = Int(match, "ch");
        // "7pm" and "10:30" are the clock pattern's; a bare number is no time.
        if (!hasMinutes && (unit.Length == 0 || unit.Contains('m')))
            return null;
        if (hour == 24 && (hasMinutes && Int(match, "cmin") > 0 || unit.Contains('m')))
            return null;
        if (unit.Contains('m') && hour is 0 or > 12)
            return null;
        // "14h30" and "14.30 Uhr", "9.30am" are times; "14.30" and "9h" need a clock word before them.
        if (match.Groups["hsep"].Value is "h" or "H" || unit.Length > 0 && unit != "h" || hasMinutes && unit == "h")
            return Candidate.Of(match, 0.6);
        var before = WordBefore(text, match.Index);
        if (!ClockWords.Contains(before))
            return null;
        // "plus de 2h" is a duration; "14.30 EUR" a price.
        var after = TextScan.WordAfter(text, match.Index + match.Length, out _).ToLowerInvariant();
        if (after is "eur" or "euro" or "euros" or "usd" or "dollars" or "kr" or "zł" or "kč" or "percent" or "per" or "procent" or "prozent")
            return null;
        return Candidate.Of(match, 0.5);
    }

    /// <summary>The lower-cased word before <paramref name="index"/> (skipping spaces, dots and an apostrophe, as in "jusqu'au"), or "".</summary>
    internal static string WordBefore(string text, int index)
    {
        var i = index;
        while (i > 0 && text[i - 1] is ' ' or '\t' or '.' or '\'' or '’')
            i--;
        var end = i;
        while (i > 0 && char.IsLetter(text[i - 1]))
            i--;
        return text[i..end].ToLowerInvariant();
    }


    private static Candidate? ValidateClock(Match match)
    {
        var value = match.Value;
        var hasMeridiem = value.Any(char.IsAsciiLetter);
        // A bare "12:30" could be a score or a ratio; it needs context or a meridiem to be likely.
        return Candidate.Of(match, hasMeridiem ? 0.6 : 0.4);
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    internal static bool IsDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= System.DateTime.DaysInMonth(year, month);

    /// <summary>Month names of the languages added in issue 16's multilingual round, by month (old ones fall through to the prefixes below).</summary>
    private static readonly FrozenDictionary<string, int> MonthNames = new (int Month, string Names)[]
    {
        (1, "janeiro ianuarie styczeń styczen stycznia leden ledna január januára siječanj siječnja januarja ocak январь января січень січня ιανουαρίου"),
        (2, "fevereiro fev februarie luty lutego únor února unora február februára veljača veljače februarja şubat subat февраль февраля лютий лютого φεβρουαρίου febr"),
        (3, "março marts martie mart maret mac marzec marca březen března brezna marec március márc ožujak ožujka март марта березень березня μαρτίου"),
        (4, "aprilie kwiecień kwiecien kwietnia duben dubna apríl apríla április ápr travanj travnja aprila nisan апрель апреля квітень квітня απριλίου"),
        (5, "maio maj maja květen května kvetna máj mája május svibanj svibnja mayıs mayis май мая травень травня μαΐου"),
        (6, "junho iunie czerwiec czerwca červen června cervna jún júna június lipanj lipnja junij junija haziran июнь июня червень червня ιουνίου"),
        (7, "julho iulie julai lipiec lipca červenec července cervence júl júla július srpanj srpnja julij julija temmuz июль июля липень липня ιουλίου"),
        (8, "augusti avgust agustus ogos agu sierpień sierpien sierpnia srpen srpna augusta augusztus kolovoz kolovoza avgusta ağustos agustos август августа серпень серпня αυγούστου"),
        (9, "setembro setiembre septembrie septembar wrzesień wrzesien września wrzesnia září septembra szeptember szept rujan rujna eylül eylul сентябрь сентября вересень вересня σεπτεμβρίου"),
        (10, "outubro out octombrie oktobar październik pazdziernik października pazdziernika říjen října rijna október októbra oktobra ekim октябрь октября жовтень жовтня οκτωβρίου"),
        // "listopad(a)" is November in Polish and Czech but October in Croatian: a 31-day month lets both readings through.
        (10, "listopad listopada"),
        (11, "novembro noiembrie novembar listopadu novembra studeni studenoga studenog kasım kasim ноябрь ноября листопад листопада νοεμβρίου"),
        (12, "dezembro desember disember des decembrie decembar grudzień grudzien grudnia prosinec prosince decembra prosinac prosinca aralık aralik декабрь декабря грудень грудня δεκεμβρίου"),
    }
        .SelectMany(m => m.Names.Split(' ').Select(n => (Name: n, m.Month)))
        .GroupBy(p => p.Name)
        .ToFrozenDictionary(g => g.Key, g => g.First().Month, StringComparer.Ordinal);

    private static readonly string[] FinnishMonthStems = ["tammi", "helmi", "maalis", "huhti", "touko", "kesä", "heinä", "elo", "syys", "loka", "marras", "joulu"];

    private static int MonthNumber(string name)
    {
        var n = name.ToLowerInvariant();
        if (MonthNames.TryGetValue(n, out var month))
            return month;
        if (n.Contains("kuu", StringComparison.Ordinal))
        {
            for (var k = 0; k < FinnishMonthStems.Length; k++)
                if (n.StartsWith(FinnishMonthStems[k], StringComparison.Ordinal))
                    return k + 1;
        }
        return n switch
        {
            _ when n.StartsWith("jan", StringComparison.Ordinal) || n is "enero" or "ene" or "gen" or "gennaio" => 1,
            _ when n.StartsWith("feb", StringComparison.Ordinal) || n.StartsWith("fév", StringComparison.Ordinal) || n.StartsWith("fev", StringComparison.Ordinal) || n == "febbraio" => 2,
            _ when n.StartsWith("mar", StringComparison.Ordinal) || n.StartsWith("mä", StringComparison.Ordinal) || n is "maerz" or "maart" or "mrt" => 3,
            _ when n.StartsWith("apr", StringComparison.Ordinal) || n.StartsWith("av", StringComparison.Ordinal) || n is "abril" or "abr" or "aprile" => 4,
            _ when n is "may" or "mai" or "mayo" or "mag" or "maggio" or "mei" => 5,
            _ when n.StartsWith("jun", StringComparison.Ordinal) || n is "juin" or "giu" or "giugno" => 6,
            _ when n.StartsWith("jul", StringComparison.Ordinal) || n is "juillet" or "juil" or "lug" or "luglio" => 7,
            _ when n.StartsWith("aug", StringComparison.Ordinal) || n.StartsWith("ao", StringComparison.Ordinal) || n is "agosto" or "ago" => 8,
            _ when n.StartsWith("sep", StringComparison.Ordinal) || n.StartsWith("set", StringComparison.Ordinal) => 9,
            _ when n.StartsWith("oct", StringComparison.Ordinal) || n.StartsWith("okt", StringComparison.Ordinal) || n.StartsWith("ott", StringComparison.Ordinal) => 10,
            _ when n.StartsWith("nov", StringComparison.Ordinal) => 11,
            _ => 12,
        };
    }
}
