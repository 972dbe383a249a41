namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// Dates without a day: a month named alone after a time word (<c>MonthInContextRecognizer</c>) and the years of a range
/// ("2016–2020", "2020–present") in <c>DateTimeRecognizer</c>; and their look-alikes, which stay out.
/// </summary>
public class MonthAndYearRangeTests
{
    private static List<string> Dates(string text) => RuleFindings.Values(text, PersonalDataTypes.DateTime);

    [Theory]
    [InlineData("The tenant hasn't paid rent since August.", "August")]
    [InlineData("Reason: retro pay for October overtime", "October")]
    [InlineData("My mother moved to the care home in October.", "October")]
    [InlineData("We close early in late December.", "December")]
    [InlineData("Adjunto los datos para el alquiler de diciembre:", "diciembre")]
    [InlineData("o boleto referente ao mês de novembro de 2026 do imóvel", "novembro de 2026")]
    [InlineData("Der Vertrag läuft seit März.", "März")]
    [InlineData("Nous déménageons en janvier.", "janvier")]
    [InlineData("Il contratto scade a dicembre.", "dicembre")]
    public void A_month_after_a_time_word_is_a_date(string text, string expected)
    {
        Assert.Equal([expected], Dates(text));
    }

    [Theory]
    [InlineData("You may go home now.")]
    [InlineData("Staff will march to the town hall.")]
    [InlineData("Ask August about the keys.")]
    [InlineData("The August edition is out.")]
    [InlineData("Order the Juni lamp.")]
    [InlineData("what's the weather in rio de janeiro")]
    public void A_month_word_that_is_no_date_is_not_found(string text)
    {
        Assert.Empty(Dates(text));
    }

    [Theory]
    [InlineData("Experience\n2016–2020  Graduate Engineer, Harbourside", new[] { "2016", "2020" })]
    [InlineData("2020–present  Site Engineer", new[] { "2020" })]
    [InlineData("Previous employer: Nova Poshta, Kharkiv, 2017 — 2022", new[] { "2017", "2022" })]
    public void Years_in_a_range_are_dates(string text, string[] expected)
    {
        Assert.Equal(expected, Dates(text));
    }

    [Theory]
    [InlineData("SKU 2016-1987 is out of stock.")]
    [InlineData("Ticket ABC-2016-2020 is closed.")]
    [InlineData("Room 2016 – east wing")]
    public void A_number_beside_a_dash_is_no_year_range(string text)
    {
        Assert.Empty(Dates(text));
    }
}
