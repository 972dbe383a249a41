namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>Organisations in Chinese, Japanese, Korean, Thai and Arabic script, by legal form or institution word (<c>NonLatinOrganizationRecognizer</c>).</summary>
public class NonLatinOrganizationTests
{
    private static List<string> Organizations(string text) => RuleFindings.Values(text, PersonalDataTypes.Organization);

    [Theory]
    [InlineData("Attendees: 王丽 (深圳华创电子有限公司), Liam Carter", "深圳华创电子有限公司")]
    [InlineData("2022年4月 株式会社ミドリ物産 入社", "株式会社ミドリ物産")]
    [InlineData("김민준 님께,\n\n한빛정밀 주식회사 본사 방문 일정은", "한빛정밀 주식회사")]
    [InlineData("ขอบคุณที่ใช้บริการ บริษัท สยามเฟรช ฟู้ดส์ จำกัด\nคุณสมชาย", "บริษัท สยามเฟรช ฟู้ดส์ จำกัด")]
    [InlineData("นัดตรวจตาที่โรงพยาบาลราชวิถี วันที่ 22", "โรงพยาบาลราชวิถี")]
    [InlineData("نود إعلامكم بأن شركة الراجحي للمقاولات قد وافقت على العرض", "شركة الراجحي للمقاولات")]
    public void Finds_the_organisation(string text, string expected)
    {
        Assert.Contains(expected, Organizations(text));
    }

    [Theory]
    [InlineData("これは会社の規則です。")]
    [InlineData("회사에 늦었어요.")]
    [InlineData("ไปโรงพยาบาล ค่ะ")]
    public void Leaves_the_words_without_a_name(string text)
    {
        Assert.Empty(Organizations(text));
    }
}
