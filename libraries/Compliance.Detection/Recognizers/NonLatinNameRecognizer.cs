using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Names in scripts the tagger cannot read (it learns capitalised Latin-script words, and Chinese, Japanese, Thai and
/// Arabic have no capitals, and the first three no spaces), found by the words that introduce them:
/// <list type="bullet">
/// <item>a form label: "氏名：中村 さくら", "姓名：王秀英", "申請人：陳怡君", "紧急联系人：李强";</item>
/// <item>a Japanese or Korean honorific after the name: "山本さん", "佐藤様", "김민준 님께", "박서준 고객님";</item>
/// <item>Thai "คุณ" before a name with a surname or a polite particle: "คุณบุญเรือน แสงทอง", "คุณสมชายคะ";</item>
/// <item>an Arabic title or relation before the name: "أستاذ خالد", "السيد خالد العتيبي", "أخي يوسف الحمادي", "ابنته مريم";</item>
/// <item>a Hindi title or relation before the name: "श्री राजेश मिश्रा", "पुत्री अनन्या मिश्रा".</item>
/// </list>
/// The honorific or title stays outside the finding, as it does for "Dr" before a Latin-script name.
/// </summary>
public sealed partial class NonLatinNameRecognizer() : PatternRecognizer(PersonalDataTypes.Person, new ContextWords([]), contextBoost: 0.0)
{
    private const double Score = 0.75;

    /// <summary>A Chinese or Japanese name after a form label, up to the bracket, space or line end that closes the field.</summary>
    [GeneratedRegex(@"(?:氏名|姓名|名前|申請人|申请人|申請者|申込者|代理人|联系人|聯絡人|联络人|紧急联系人|緊急聯絡人|緊急連絡先|收件人|收货人|收貨人|患者|担当者|担当|負責人|负责人|經辦人|经办人)[ ]?[：:][ 　]?(?<name>[\p{IsCJKUnifiedIdeographs}]{2,4}(?:[ 　][\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}]{1,4})?)", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex CjkLabelledName();

    /// <summary>A Japanese name before an honorific: "山本さん", "佐藤 健一様", "田中先生" (two ideographs at least: "皆様" is "everyone").</summary>
    [GeneratedRegex(@"(?<![\p{IsCJKUnifiedIdeographs}])(?<name>[\p{IsCJKUnifiedIdeographs}]{2,4}(?:[ 　][\p{IsCJKUnifiedIdeographs}\p{IsHiragana}]{1,3})?)(?:さん|様|さま|氏|くん|君|ちゃん|先生)", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex JapaneseHonorificName();

    /// <summary>A Korean name before an honorific: "김민준 님께", "박서준 고객님", "이지은 씨".</summary>
    [GeneratedRegex(@"(?<![가-힣])(?<name>[가-힣]{2,4})[ ]?(?:님|씨|고객님|선생님|교수님|과장님|부장님|대리님|팀장님)(?![가-힣]{2})", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex KoreanHonorificName();

    /// <summary>
    /// Thai "คุณ" (Mr/Ms) at a word start before a given name and a surname, or a given name and a polite particle. Inside a
    /// word it is no title: "ขอบคุณ" is "thank you".
    /// </summary>
    [GeneratedRegex(@"(?<![\u0E01-\u0E4E])คุณ(?<name>[\u0E01-\u0E4E]{2,20}?(?:[ ][\u0E01-\u0E4E]{2,20}(?=[ \n\r,.]|$)|(?=(?:คะ|ค่ะ|ครับ|นะคะ|นะครับ)(?:[ \n\r,.!]|$))))", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex ThaiName();

    /// <summary>
    /// An Arabic name after a title or a relation: the first word, then family-name words that start with "ال" or follow
    /// "بن"/"بنت"/"أبو"/"عبد" ("خالد العتيبي", "يوسف الحمادي"). A first word that starts with "ال" is no name ("ابنته الصغيرة").
    /// </summary>
    [GeneratedRegex(@"(?<![\p{IsArabic}])(?:السيد|السيدة|الأستاذ|الأستاذة|أستاذ|أستاذة|الدكتور|الدكتورة|الحاج|الحاجة|الشيخ|المهندس|المهندسة|أخي|أختي|أخويا|ابني|ابنتي|ابنه|ابنته|ابنها|بنتي|زوجي|زوجتي|خالتو|خالتي|خالي|عمي|عمتي|جدتي|جدي|تيتا)[ ]+(?<name>(?!ال)[\u0621-\u064A]{2,}(?:[ ]+(?:ال[\u0621-\u064A]{2,}|(?:بن|بنت|أبو|عبد)[ ]+[\u0621-\u064A]{2,}))*)", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex ArabicName();

    /// <summary>A Hindi name after a title or a relation, up to the comma, danda or line end: "पुत्री अनन्या मिश्रा,".</summary>
    [GeneratedRegex(@"(?:श्री|श्रीमती|सुश्री|कुमारी|डॉ\.|पुत्री|पुत्र|पत्नी|पति|बेटी|बेटा)[ ]+(?<name>[\u0900-\u0963\u0966-\u097F]{2,}(?:[ ][\u0900-\u0963\u0966-\u097F]{2,}){0,2})(?=[,।\n\r]|$)", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex HindiName();

    protected override IEnumerable<Regex> Patterns => [CjkLabelledName(), JapaneseHonorificName(), KoreanHonorificName(), ThaiName(), ArabicName(), HindiName()];

    /// <summary>Korean words that take the same honorifics but are no names: "어머님" (mother), "선생님" (teacher), "고객님" (customer).</summary>
    private static readonly FrozenSet<string> KoreanNouns = new[]
    {
        "어머", "아버", "부모", "선생", "사장", "고객", "교수", "과장", "부장", "대리", "팀장", "회장", "원장", "기사", "손", "형", "누", "언니", "오빠",
        "할머", "할아버", "여러분", "담당자", "관리자", "회원", "환자", "학부모", "주민", "사모", "따님", "아드", "며느",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Japanese words before an honorific that are no names: "皆様" (everyone), "お客様" (customer), "先生" alone.</summary>
    private static readonly FrozenSet<string> JapaneseNouns = new[]
    {
        "皆", "客", "患者", "会員", "担当", "先生", "社長", "部長", "課長", "店長", "利用者", "お客", "皆さ", "先方", "各位", "奥", "御社", "貴社",
    }.ToFrozenSet(StringComparer.Ordinal);

    protected override Candidate? Validate(string text, Match match)
    {
        var name = match.Groups["name"];
        if (KoreanNouns.Contains(name.Value) || JapaneseNouns.Contains(name.Value))
            return null;
        return new Candidate(name.Index, name.Index + name.Length, Score);
    }
}
