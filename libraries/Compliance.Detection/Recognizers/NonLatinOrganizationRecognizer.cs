using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Companies and institutions in scripts the tagger and <see cref="OrganizationRecognizer"/> (capitalised name words
/// before a legal form) cannot read, by their legal form or institution word:
/// Chinese and Japanese "深圳华创电子有限公司", "株式会社ミドリ物産", "京都大学医学部附属病院", "臺大醫院"; Korean "한빛정밀 주식회사",
/// "(주)한빛"; Thai "บริษัท สยามเฟรช ฟู้ดส์ จำกัด", "โรงพยาบาลราชวิถี"; Arabic "شركة الراجحي للمقاولات", "مستشفى السلام".
/// </summary>
/// <remarks>
/// Chinese and Japanese have no spaces, so a name before its form runs back over every ideograph and katakana before it
/// (at most twelve): a word glued before the name ("在臺大醫院", "at the NTU hospital") joins the finding. That costs a
/// character or two of span, not the organisation.
/// </remarks>
public sealed partial class NonLatinOrganizationRecognizer() : PatternRecognizer(PersonalDataTypes.Organization, new ContextWords([]), contextBoost: 0.0)
{
    private const double Score = 0.7;

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー]{2,12}(?:股份有限公司|有限责任公司|有限責任公司|有限公司|有限会社|株式会社|合同会社|公司|集团|集團|银行|銀行|大学|大學|医院|醫院|病院|中学|小学|高校)|(?:株式会社|有限会社|合同会社)[ ]?[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}ー]{2,12}", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex ChineseOrJapanese();

    [GeneratedRegex(@"(?<![가-힣])(?:[가-힣]{2,10}[ ]?주식회사|(?:주식회사|\(주\))[ ]?[가-힣]{2,10}|[가-힣]{2,10}(?:은행|병원|대학교|그룹))(?![가-힣]{2})", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Korean();

    // The detector reads NFKC-folded text, in which Thai SARA AM ("ำ") is NIKHAHIT and SARA AA: "จำกัด" arrives as "จํากัด".

    [GeneratedRegex(@"บริษัท[ ]?[\u0E01-\u0E4E][\u0E01-\u0E4E ]{1,40}?[ ]?จ(?:ำ|ํา)กัด(?:[ ]?\(มหาชน\))?|(?:โรงพยาบาล|มหาวิทยาลัย|ธนาคาร|โรงเรียน)[\u0E01-\u0E4E]{2,20}", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Thai();

    /// <summary>An Arabic institution word and its name: the first word, then the words that start with "ال" or "لل".</summary>
    [GeneratedRegex(@"(?<![\p{IsArabic}])(?:شركة|مؤسسة|بنك|مصرف|مستشفى|جامعة|مدرسة|مجموعة)[ ]+(?!ال[ ])[\u0621-\u064A]{2,}(?:[ ]+(?:ال|لل)[\u0621-\u064A]{2,})*", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Arabic();

    protected override IEnumerable<Regex> Patterns => [ChineseOrJapanese(), Korean(), Thai(), Arabic()];

    protected override Candidate? Validate(string text, Match match) => Candidate.Of(match, Score);
}
