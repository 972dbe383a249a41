namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// Dates and times as messages write them (<c>InformalDateTimeRecognizer</c>), the clock words, bracketed years and
/// lower-case Nordic months added to <c>DateTimeRecognizer</c> and <c>MonthInContextRecognizer</c>; and the look-alikes
/// that stay out (a verb, a newspaper, a floor, a fraction, a duration).
/// </summary>
public class InformalDateTimeTests
{
    private static List<string> Dates(string text) => RuleFindings.Values(text, PersonalDataTypes.DateTime);

    [Theory]
    [InlineData("The house at no. 14 had a party until late Sat 14th.", "Sat 14th")]
    [InlineData("we meet Sun 8am by the fountain", "Sun 8am")]
    [InlineData("Can someone cover my shift Thu 6–10pm? Got a dentist thing.", "Thu 6–10pm")]
    [InlineData("- tomás: OOO, back Mon 7th", "Mon 7th")]
    [InlineData("the puja is on Sunday the 21st, starting around noon", "Sunday the 21st")]
    [InlineData("I'm in Leeds till Fri!!", "Fri")]
    [InlineData("sorry I mean Fri evening", "Fri")]
    [InlineData("See you on the 12th!", "12th")]
    [InlineData("rent is due on the 5th, pls", "5th")]
    [InlineData("Te esperamos el 1/12 para la firma.", "1/12")]
    [InlineData("retrait possible jusqu'au 19/12. Code : 448271.", "19/12")]
    [InlineData("07/12 09:02  D. Moreau – collected", "07/12 09:02")]
    [InlineData("Fyller tanken og er tilbake før kl. 18.", "kl. 18")]
    [InlineData("Ajan noin klo 16 Helsinkiin.", "klo 16")]
    [InlineData("jamie: I can do it, finishing at half 5", "half 5")]
    [InlineData("ben er rond kwart over 7 thuis", "kwart over 7")]
    [InlineData("Salam Fatima, kal shaam 6 baje Lahore mein milte hain", "shaam 6 baje")]
    [InlineData("明日の10時に渋谷駅で待ち合わせ", "10時")]
    [InlineData("민지야 토요일에 홍대에서 보자!", "토요일")]
    [InlineData("我下周三到上海", "周三")]
    [InlineData("موعد البصمة يوم الأحد 20 ديسمبر", "يوم الأحد 20 ديسمبر")]
    [InlineData("ได้สั่งซื้อสินค้าเมื่อวันที่ 3 ธันวาคม 2569 แล้ว", "3 ธันวาคม 2569")]
    [InlineData("प्रमाणपत्र 15 दिसंबर 2026 तक", "15 दिसंबर 2026")]
    [InlineData("xin cho cháu chuyển trường từ tháng 1 năm 2027.", "tháng 1 năm 2027")]
    [InlineData("Children: Rose (1927), and more", "1927")]
    [InlineData("Bridget Mary Fahy b. 1902, Oughterard", "1902")]
    [InlineData("Subject: Wrong tax number on my November payslip", "November")]
    [InlineData("som begynner i ny jobb hos Equinor i mars.", "mars")]
    [InlineData("WhatsApp\n\n[06/12, 21:03] Bill: mate the invoice", "06/12, 21:03")]
    [InlineData("Ana Paula Ferreira 08:02: bom dia! o caminhão chegou?", "08:02")]
    [InlineData("From: Mette <mette@example.no>\nDate: Tue, 3 Nov 2026 16:05 +0100\nSubject: Kontrakt", "Tue, 3 Nov 2026 16:05 +0100")]
    [InlineData("198.51.100.23 - - [05/Dec/2026:14:02:11 +0000] \"GET /logo.svg HTTP/1.1\" 200", "05/Dec/2026:14:02:11 +0000")]
    [InlineData("Arrival: 07-Dec-2026   Room 12", "07-Dec-2026")]
    [InlineData("Card: **** 4414   Exp 08/27\nBilling address below", "08/27")]
    [InlineData("Mon: Bridget, Nguyen Van Long", "Mon")]
    [InlineData("Subscriptions for 2027 remain at £180.", "2027")]
    public void Finds_the_date_or_time(string text, string expected)
    {
        Assert.Equal([expected], Dates(text));
    }

    [Theory]
    [InlineData("asansör bakımı Salı 09:00-13:00 arası yapılacak", new[] { "Salı", "09:00-13:00" })]
    [InlineData("Quem puder visitar, horário é das 14h às 16h.", new[] { "14h", "16h" })]
    [InlineData("Møtet starter kl. 14.30, ferdig kl. 16.", new[] { "14.30", "kl. 16" })]
    public void Finds_each_date_or_time(string text, string[] expected)
    {
        Assert.Equal(expected, Dates(text));
    }

    [Theory]
    [InlineData("Sat down with the team and agreed the plan.")]
    [InlineData("He reads The Sun every morning at the café.")]
    [InlineData("Take the lift to the 5th floor.")]
    [InlineData("It is the 3rd time the parcel was lost.")]
    [InlineData("Mix 1/2 cup of flour with 3/4 cup of milk.")]
    [InlineData("The task took 2時間 in total.")]
    [InlineData("Add half 5 kilos of sand.")]
    [InlineData("Mon ami arrive demain.")]
    [InlineData("We ordered chairs for 2000 guests.")]
    public void Leaves_the_look_alikes(string text)
    {
        Assert.Empty(Dates(text));
    }
}
