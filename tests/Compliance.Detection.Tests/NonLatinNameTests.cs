namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// Names in scripts without capitals, found by the label, honorific, title or relation beside them
/// (<c>NonLatinNameRecognizer</c>); the honorific stays outside the name, and nouns that take the same honorifics stay out.
/// </summary>
public class NonLatinNameTests
{
    private static List<string> Persons(string text) => RuleFindings.Values(text, PersonalDataTypes.Person);

    [Theory]
    [InlineData("履歴書\n\n氏名：中村 さくら（なかむら さくら）\n生年月日：1999年8月21日", "中村 さくら")]
    [InlineData("住院登记表\n\n姓名：王秀英\n性别：女", "王秀英")]
    [InlineData("【請假單】\n\n申請人：陳怡君\n部門：財務部", "陳怡君")]
    [InlineData("紧急联系人：李强（儿子）  电话：139 0817 3342", "李强")]
    [InlineData("山本さん\n\nお疲れさまです。", "山本")]
    [InlineData("김민준 님께,\n\n본사 방문 일정은 12월 16일입니다.", "김민준")]
    [InlineData("[택배 배송 안내]\n박서준 고객님, 주문하신 상품이 도착 예정입니다.", "박서준")]
    [InlineData("แม่ของดิฉัน คุณบุญเรือน แสงทอง อายุ 79 ปี", "บุญเรือน แสงทอง")]
    [InlineData("คุณสมชายคะ\n\nแม่ของดิฉัน", "สมชาย")]
    [InlineData("السلام عليكم أستاذ خالد،\n\nأرسلت لك صورة", "خالد")]
    [InlineData("أرسلت لك صورة جواز سفر أخي يوسف الحمادي وصورة شهادة", "يوسف الحمادي")]
    [InlineData("सविनय निवेदन है कि मेरी पुत्री अनन्या मिश्रा, कक्षा 7-ब में पढ़ती है।", "अनन्या मिश्रा")]
    public void Finds_the_name_beside_its_cue(string text, string expected)
    {
        Assert.Contains(expected, Persons(text));
    }

    [Theory]
    [InlineData("皆様、いつもありがとうございます。")]
    [InlineData("お客様のご注文を承りました。")]
    [InlineData("어머님 께서 전화하셨어요.")]
    [InlineData("선생님, 질문이 있습니다.")]
    [InlineData("أرسلت ابنته الصغيرة الرسالة.")]
    [InlineData("ขอบคุณที่ใช้บริการ ทุกวัน")]
    public void Leaves_nouns_that_take_the_same_honorifics(string text)
    {
        Assert.Empty(Persons(text));
    }
}
