using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Telephone numbers written the national way without a country code or trunk 0, as most of Europe, Latin America
/// and Asia write them: an area or mobile prefix of 2-4 digits (or bracketed) and further groups of 2-5 digits.
/// Covers, among others, Spain and Portugal ("612 345 678", "91 123 45 67"), Poland, Czechia and Slovakia
/// ("512 345 678", "22 123 45 67"), Norway and Denmark ("412 34 567", "22 12 34 56"), Brazil ("(11) 91234-5678"),
/// Mexico ("55 1234 5678"), China ("138 0013 8000"), Italy's mobiles ("347 123 4567"), Hungary ("30 123 4567");
/// the trunk-0 forms (UK, Germany, France, Netherlands, Sweden, Finland, Australia, Japan, Israel, Turkey ...) and
/// North American ones are <see cref="PhoneNumberRecognizer"/>'s. Such a shape is as often an amount or an ID, so
/// it counts only beside a telephone word: alone it scores under the detector's threshold.
/// </summary>
public sealed partial class NationalPhoneNumberRecognizer() : PatternRecognizer(
    PersonalDataTypes.PhoneNumber,
    new ContextWords(PhoneNumberRecognizer.ContextTerms),
    contextBoost: 0.35,
    negativeContext: new ContextWords(["order", "invoice", "account", "ref", "reference", "case", "ticket", "tracking", "iban", "card",
        "amount", "total", "price", "population", "km", "kg"]))
{
    /// <summary>Under <see cref="PersonalDataDetector.DefaultMinimumScore"/>; a telephone word nearby lifts it to 0.6.</summary>
    public const double BaseScore = 0.25;

    // Separators delimit every group, so a digit run is never split two ways and matching stays linear.
    [GeneratedRegex(@"(?<![+\-./,()\w-[\p{Lo}]])(?:\([1-9][0-9]{1,3}\)[ ]?|[1-9][0-9]{1,3}[ .\-])(?:[0-9]{2,5}[ .\-]){1,3}[0-9]{2,5}(?![\w-[\p{Lo}]]|[.\-/,][0-9])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex NationalGrouped();

    /// <summary>India's ten-digit mobiles as people write them, in two groups of five: "98450 31726".</summary>
    [GeneratedRegex(@"(?<![+\-./,()\w-[\p{Lo}]])(?<india>[6-9][0-9]{4}[ ][0-9]{5})(?![\w-[\p{Lo}]]|[.\-/,][0-9])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex IndianMobile();

    protected override IEnumerable<Regex> Patterns => [NationalGrouped(), IndianMobile()];

    protected override Candidate? Validate(string text, Match match)
    {
        var value = match.Value;
        var digits = DigitsOf(value);
        if (digits.Length is < 8 or > 12)
            return null;
        var separators = value.Count(c => c is ' ' or '.' or '-');
        var bracketed = value[0] == '(';
        if (separators < 2 && !bracketed && !match.Groups["india"].Success)
            return null;
        // Dashed three-three-four is the North American shape; when NANP's rules reject it, so do we ("123-456-7890").
        if (!bracketed && digits.Length == 10 && value.Length == 12 && value[3] == '-' && value[7] == '-')
            return null;
        var before = PreviousNonSpace(text, match.Index);
        // The end of "+1 212 555 012": the number goes on to the left. A currency sign makes it an amount.
        if (char.IsAsciiDigit(before) || before == '+' || IsCurrency(before))
            return null;
        var end = match.Index + match.Length;
        if (end + 1 < text.Length && IsCurrency(text[end + 1]) || end < text.Length && IsCurrency(text[end]))
            return null;
        // A glued telephone word lifts the score as a context word would.
        return Candidate.Of(match, HasGluedPhoneWord(text, match.Index) ? BaseScore + ContextBoost : BaseScore);
    }

    /// <summary>
    /// Telephone words of scripts written without spaces, glued to the number or a few characters before it ("微信电话是138
    /// 1752 4096", "ติดต่อ081 245 7390", "연락처: 010-..."): the context words look for whole space-separated words and miss them.
    /// </summary>
    private static readonly string[] GluedPhoneWords = ["电话", "電話", "手机", "手機", "微信", "携帯", "連絡", "전화", "연락", "ติดต่อ", "โทร", "هاتف", "جوال", "رقم"];

    private static bool HasGluedPhoneWord(string text, int index)
    {
        var before = text.AsSpan(Math.Max(0, index - 10), Math.Min(index, 10));
        foreach (var word in GluedPhoneWords)
            if (before.Contains(word, StringComparison.Ordinal))
                return true;
        return false;
    }

    private static char PreviousNonSpace(string text, int index)
    {
        var i = index - 1;
        while (i >= 0 && text[i] == ' ')
            i--;
        return i >= 0 ? text[i] : ' ';
    }

    private static bool IsCurrency(char c) => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.CurrencySymbol;
}
