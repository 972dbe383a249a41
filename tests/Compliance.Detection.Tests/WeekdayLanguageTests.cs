namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>Weekdays of the languages added in the ninth session, in the inflected forms sentences put them in.</summary>
public class WeekdayLanguageTests
{
    private static List<string> Dates(string text) => RuleFindings.Values(text, PersonalDataTypes.DateTime);

    [Theory]
    [InlineData("Sveiki, Jānis! Tiekamies piektdien pie universitātes.", "piektdien")]
    [InlineData("Možete doći na adresi Ilica 242 od srijede.", "srijede")]
    [InlineData("Kohtume teisipäeval meie kontoris.", "teisipäeval")]
    [InlineData("Eetun synttärit ovat lauantaina kotona.", "lauantaina")]
    [InlineData("kikao cha chama kitafanyika Jumamosi nyumbani", "Jumamosi")]
    [InlineData("La reunió és dijous a la tarda.", "dijous")]
    [InlineData("Tối thứ Bảy nhà em tổ chức tất niên.", "thứ Bảy")]
    [InlineData("w nawiązaniu do rozmowy z wtorku przesyłam umowę", "wtorku")]
    [InlineData("Az edzés kedden lesz.", "kedden")]
    [InlineData("Ci vediamo venerdì? No: ne vedem vineri.", "vineri")]
    [InlineData("Jadwal kontrol hari Kamis pagi.", "Kamis")]
    [InlineData("Το πλοίο φεύγει Πέμπτη το πρωί.", "Πέμπτη")]
    [InlineData("Встречаемся в пятницу у метро.", "пятницу")]
    public void A_weekday_of_another_language_is_a_date(string text, string expected)
    {
        Assert.Contains(expected, Dates(text));
    }

    [Theory]
    [InlineData("Am plătit chiria pe trei luni.")]
    [InlineData("Pazar yerinde buluşalım.")]
    [InlineData("Satu minggu lagi kami pindah.")]
    [InlineData("Эта среда разработки удобна.")]
    public void A_word_that_is_also_common_is_left_out(string text)
    {
        Assert.Empty(Dates(text));
    }
}
