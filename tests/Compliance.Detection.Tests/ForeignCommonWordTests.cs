using SpecialistPlatform.Compliance.Detection.Tagging;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// Capitalised common words of other languages (German nouns, form labels and greetings of Dutch, French, Czech,
/// Polish, Swedish, Russian ...) are no names: text without personal data gives no PERSON finding, while a name
/// beside such words is still found whole.
/// </summary>
public class ForeignCommonWordTests(DefaultTaggerFixture fixture) : IClassFixture<DefaultTaggerFixture>
{
    [Theory]
    // German
    [InlineData("Betreff: Rechnung vom letzten Monat")]
    [InlineData("Kontakt: Kundenservice, Abteilung Zahlung")]
    [InlineData("Vielen Dank für Ihre Bestellung!")]
    [InlineData("Anhang: Lieferschein und Mahnung")]
    [InlineData("Herzliche Grüße\nIhr Kundendienst")]
    [InlineData("Termin bestätigt. Anfahrt siehe Anlage.")]
    [InlineData("Lieferung erfolgt am Montag, Zahlung per Überweisung.")]
    // Dutch
    [InlineData("Onderwerp: Factuur en Betaling")]
    [InlineData("Met vriendelijke groet,\nKlantenservice")]
    // French
    [InlineData("Objet : Facture impayée")]
    [InlineData("Cordialement,\nService Client")]
    [InlineData("Merci pour votre Commande. Livraison prévue Lundi.")]
    // Spanish, Italian, Portuguese
    [InlineData("Asunto: Pedido pendiente de Entrega")]
    [InlineData("Saludos cordiales,\nDepartamento de Soporte")]
    [InlineData("Oggetto: Fattura e Pagamento")]
    [InlineData("Cordiali saluti,\nUfficio Clienti")]
    [InlineData("Prezado Cliente, a Fatura está em atraso.")]
    [InlineData("Atenciosamente,\nEquipe de Suporte")]
    // Polish, Czech, Slovak, Hungarian, Croatian, Romanian
    [InlineData("Temat: Faktura za Zamówienie")]
    [InlineData("Pozdrawiam serdecznie\nObsługa Klienta")]
    [InlineData("Předmět: Objednávka a Faktura")]
    [InlineData("Dobrý den, Zásilka byla odeslána.")]
    [InlineData("Vážený Zákazník, Objednávka je pripravená.")]
    [InlineData("Tárgy: Számla\nÜdvözlettel: Ügyfélszolgálat")]
    [InlineData("Poštovani, Narudžba je poslana.\nSrdačan pozdrav")]
    [InlineData("Subiect: Factură\nCu stimă, Echipa")]
    // Swedish, Danish, Norwegian, Finnish, Turkish
    [InlineData("Ämne: Faktura\nMed vänliga hälsningar, Kundtjänst")]
    [InlineData("Emne: Bestilling og Betaling\nVenlig hilsen Kundeservice")]
    [InlineData("Takk for Bestillingen. Med vennlig hilsen Kundeservice")]
    [InlineData("Aihe: Lasku\nYstävällisin terveisin, Asiakaspalvelu")]
    [InlineData("Konu: Fatura\nSaygılarımla, Müşteri Hizmetleri")]
    // Russian, Ukrainian
    [InlineData("Тема: Оплата заказа\nС уважением, Служба поддержки")]
    [InlineData("Адреса доставки: Відділення пошти")]
    public void No_person_in_text_without_personal_data(string text)
    {
        var persons = fixture.Detector.Detect(text).Where(f => f.Type == PersonalDataTypes.Person).Select(f => f.ValueIn(text)).ToList();
        persons.ShouldBeEmpty(text);
    }

    [Theory]
    [InlineData("Betreff: Rechnung", "Rechnung")]
    [InlineData("Kontakt: Kundenservice", "Kundenservice")]
    public void No_place_or_company_made_of_common_words_alone(string text, string word)
    {
        var start = text.IndexOf(word, StringComparison.Ordinal);
        fixture.Detector.Detect(text).ShouldNotContain(f => f.Start <= start && f.End >= start + word.Length);
    }

    [Theory]
    [InlineData("Betreff: Rechnung\nHerzliche Grüße\nAnna Weber", "Anna Weber")]
    [InlineData("Rechnung an Anna Weber, Zahlung bis Montag.", "Anna Weber")]
    [InlineData("Faktura dla Pani Agnieszki: Zamówienie wysłane. Pozdrawiam, Tomasz Wiśniewski", "Tomasz Wiśniewski")]
    public void A_name_beside_common_words_is_still_found_whole(string text, string name)
    {
        var start = text.IndexOf(name, StringComparison.Ordinal);
        fixture.Detector.Detect(text).ShouldContain(f => f.Type == PersonalDataTypes.Person && f.Start == start && f.End == start + name.Length);
    }

    [Theory]
    [InlineData("Herzliche Grüße, Anna Weber", "Anna Weber")]
    [InlineData("Anna Weber, Kundenservice", "Anna Weber")]
    [InlineData("Weber, Anna", "Weber, Anna")]
    [InlineData("Montag, Zahlung", "")]
    public void Edge_pieces_of_common_words_leave_a_person_span(string span, string kept)
    {
        var (start, end) = TaggerSpanRefiner.WithoutCommonWordPieces(span, 0, span.Length);
        span[start..end].ShouldBe(kept);
    }

    [Fact]
    public void Only_a_span_made_of_common_words_alone_is_dropped()
    {
        const string text = "Kontakt Rechnung Anna Weber";
        TaggerSpanRefiner.IsCommonWordsOnly(text, 0, 16).ShouldBeTrue();
        TaggerSpanRefiner.IsCommonWordsOnly(text, 8, 27).ShouldBeFalse();
        // A first name stays a name ("Anne" is also the Turkish "mother"); a Bogus surname that is a weekday does not.
        EntityGazetteer.Default.IsCommonWord("anne").ShouldBeFalse();
        EntityGazetteer.Default.IsCommonWord("montag").ShouldBeTrue();
        EntityGazetteer.Default.IsCommonWord("rechnung").ShouldBeTrue();
        EntityGazetteer.Default.IsCommonWord("адреса").ShouldBeTrue();
    }

    [Theory]
    [InlineData("Hallo Kunde, Ihre Bestellung ist unterwegs.")]
    [InlineData("Ich bin Mitglied seit drei Jahren.")]
    public void Name_cues_do_not_take_a_common_word_for_a_name(string text) =>
        new Recognizers.PersonCueRecognizer().Recognize(text).ShouldBeEmpty();
}
