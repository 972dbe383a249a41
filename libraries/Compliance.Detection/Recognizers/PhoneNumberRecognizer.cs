using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Telephone numbers without a numbering-plan library: international numbers (+CC or 00CC) whose national
/// part has a plausible length for the country code, North American numbers (NANP area and exchange
/// rules), and trunk-0 national numbers as written in the UK, Germany and France.
/// </summary>
public sealed partial class PhoneNumberRecognizer() : PatternRecognizer(
    PersonalDataTypes.PhoneNumber,
    new ContextWords(ContextTerms))
{
    /// <summary>Words that make a nearby number a telephone number, in the languages of the locales we see most.</summary>
    public static readonly string[] ContextTerms =
    [
        "phone", "telephone", "tel", "mobile", "cell", "cellphone", "call", "ring", "text", "sms", "fax", "whatsapp", "contact",
        "landline", "dial", "reach", "telefon", "handy", "portable", "téléphone", "telefono", "teléfono", "móvil", "movil",
        "cellulare", "chiama", "chiamami", "llama", "llámame", "appelle", "appelez", "telefone", "celular", "ligue", "zadzwoń",
        "zadzwon", "telefonu", "kom", "komórka", "zavolej", "zavolejte", "volejte", "zavolání", "mobil", "mobiel", "bel", "ringe",
        "soita", "puhelin", "puh", "gsm", "viber", "signal", "hotline",
        // Since the tenth session: "unka number 98110 42276", "llámale al 612 48 93 07", "UPI se 98201 44637", Greek, Turkish,
        // Indonesian, Swahili, Vietnamese. Not "wa" (WhatsApp): the context match strips a plural "s", so "was" would be it.
        "number", "numero", "número", "nummer", "numer", "llámale", "llamar", "ligar", "liga", "chiamare", "anrufen", "appeler", "tél",
        "tlf", "mob", "ph", "upi", "τηλ", "τηλέφωνο", "κινητό", "πληροφορίες", "numara", "numarası", "ara", "arayın", "telp", "hp",
        "nomor", "hubungi", "simu", "namba", "piga", "sđt", "gọi",
    ];

    /// <summary>National significant number lengths (min, max) for the country codes we know; others get E.164 bounds.</summary>
    private static readonly FrozenDictionary<string, (int Min, int Max)> NationalLengths = new Dictionary<string, (int, int)>
    {
        ["1"] = (10, 10), ["7"] = (10, 10), ["20"] = (8, 10), ["27"] = (9, 9), ["30"] = (10, 10), ["31"] = (9, 9),
        ["32"] = (8, 9), ["33"] = (9, 9), ["34"] = (9, 9), ["36"] = (8, 9), ["39"] = (6, 11), ["40"] = (9, 9),
        ["41"] = (9, 9), ["43"] = (4, 13), ["44"] = (9, 10), ["45"] = (8, 8), ["46"] = (7, 13), ["47"] = (8, 8),
        ["48"] = (9, 9), ["49"] = (6, 13), ["52"] = (10, 10), ["54"] = (10, 11), ["55"] = (10, 11), ["56"] = (9, 9),
        ["57"] = (10, 10), ["60"] = (7, 10), ["61"] = (9, 9), ["62"] = (7, 12), ["63"] = (8, 10), ["64"] = (8, 10),
        ["65"] = (8, 8), ["66"] = (8, 9), ["81"] = (9, 10), ["82"] = (8, 10), ["84"] = (9, 10), ["86"] = (5, 12),
        ["90"] = (10, 10), ["91"] = (10, 10), ["92"] = (9, 10), ["98"] = (10, 10), ["351"] = (9, 9), ["352"] = (4, 11),
        ["353"] = (7, 9), ["354"] = (7, 9), ["358"] = (5, 12), ["380"] = (9, 9), ["420"] = (9, 9), ["421"] = (9, 9),
        ["852"] = (8, 8), ["886"] = (8, 9), ["966"] = (9, 9), ["971"] = (8, 9), ["972"] = (8, 9),
    }.ToFrozenDictionary();

    // The two multi-group patterns below are written so that matching is linear: a run of digits is never split
    // into groups in more than one way. The earlier forms ("[ .\-]?[0-9]{1,5}" repeated 2-10 times, and
    // "[ ./\-]?[0-9]{2,8}" repeated 1-4 times after a variable-length trunk prefix) could split one digit run in
    // every possible way, and when the end check failed (a letter after a long digit run) the engine tried them
    // all: 358 ms for one 63-character "+1" + 60 digits + "a" (docs/decisions/0012). They matched the farthest
    // end that the group count allows, and the greedy split (the fewest groups) reaches every end any split
    // reaches, so taking it atomically and letting the engine give back whole groups finds the same match:
    // PhoneNumberPatternTests compares both forms on random digit/separator strings.

    /// <summary>
    /// +CC / 00CC and 2-10 groups (an optional separator, then up to 5 digits or a bracketed area code) counted
    /// the old way: a digit run counts as the fewest groups of at most 5 digits it splits into, and the one-group
    /// case the minimum of 2 excludes is a lone digit or a lone bracket (a run of 2-5 digits could be split in two).
    /// </summary>
    private const string InternationalGroup = @"(?:\([0-9]{1,4}\)|(?>[0-9]{1,5}))";

    [GeneratedRegex(@"(?<![+\w-[\p{Lo}]])(?<prefix>\+|00)[ ]?[1-9](?:[ .\-]?(?>[0-9]{2,5})(?:[ .\-]?" + InternationalGroup + @"){0,9}|[ .\-]?(?:\([0-9]{1,4}\)|[0-9](?![0-9]))(?:[ .\-]?" + InternationalGroup + @"){1,9})(?![\w-[\p{Lo}]])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex International();

    [GeneratedRegex(@"(?<![+\-./\w-[\p{Lo}]])(?<nanp>)(?:1[ .\-]?)?(?:\([2-9][0-9]{2}\)[ .\-]?|[2-9][0-9]{2}[ .\-])[2-9][0-9]{2}[ .\-][0-9]{4}(?![\w-[\p{Lo}]]|[.\-][0-9])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex NorthAmerican();

    /// <summary>
    /// A group of 2-8 digits taken atomically: as many as possible, except that it never leaves a single digit of
    /// its run behind (no group could take that digit, so that split is a dead end).
    /// </summary>
    private const string TrunkGroup = @"(?>[0-9]{2,8}(?![0-9](?![0-9])))";

    /// <summary>
    /// Trunk 0 + area code (up to 6 digits, or bracketed) and 1-4 groups of 2-8 digits. The unbracketed prefix
    /// takes as much of the first run as it can (again never leaving one digit); when that prefix is the whole run
    /// and nothing follows, the run of 4-6 digits is split into prefix + one group (the second branch).
    /// </summary>
    [GeneratedRegex(@"(?<![+\-./,\w-[\p{Lo}]])(?:\(0[1-9][0-9]{0,4}\)(?:[ ./\-]?" + TrunkGroup + @"){1,4}|0[1-9](?:(?>[0-9]{0,4}(?![0-9](?![0-9])))(?:[ ./\-]?" + TrunkGroup + @"){1,4}|[0-9]{2,4}(?![0-9])))(?![\w-[\p{Lo}]]|[.\-/,][0-9])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex TrunkPrefixed();

    protected override IEnumerable<Regex> Patterns => [International(), NorthAmerican(), TrunkPrefixed()];

    protected override Candidate? Validate(string text, Match match)
    {
        var value = match.Value;
        if (match.Groups["prefix"].Success)
            return ValidateInternational(match);
        if (match.Groups["nanp"].Success)
            return Candidate.Of(match, 0.5);
        var digits = DigitsOf(value);
        // Trunk-prefixed national numbers: UK 10-11 digits, France 10, Germany mostly 7-12 with the 0.
        if (digits.Length is < 9 or > 12 || digits[0] != '0' || digits[1] == '0')
            return null;
        var separated = value.AsSpan().IndexOfAny(" ./-()") >= 0;
        return Candidate.Of(match, separated ? 0.45 : 0.3);
    }

    private static Candidate? ValidateInternational(Match match)
    {
        var value = match.Value;
        // "+44 (0)20 ..." carries the national trunk prefix in brackets; it is not part of the number.
        var digits = DigitsOf(value.Replace("(0)", "", StringComparison.Ordinal));
        if (match.Groups["prefix"].Value == "00")
            digits = digits[2..];
        if (digits.Length is < 8 or > 15)
            return null;
        for (var ccLength = 1; ccLength <= 3; ccLength++)
        {
            if (!NationalLengths.TryGetValue(digits[..ccLength], out var range))
                continue;
            var national = digits[ccLength..];
            if (national.Length < range.Min || national.Length > range.Max)
                return null;
            if (ccLength == 1 && digits[0] == '1' && (national[0] < '2' || national[3] < '2'))
                return null;
            return Candidate.Of(match, match.Groups["prefix"].Value == "+" ? 0.6 : 0.4);
        }
        return Candidate.Of(match, 0.4);
    }
}
