namespace SpecialistPlatform.Compliance.Detection.Tests;

public class RedactionTests
{
    private static readonly PersonalDataDetector Detector = PersonalDataDetector.CreateDefault();
    private static readonly Redactor Redactor = new();

    [Fact]
    public void Redacts_with_typed_numbered_placeholders()
    {
        const string text = "Card 4111 1111 1111 1111, email jane@example.com, other card 5500 0000 0000 0004.";
        var result = Redactor.Redact(text, Detector.Detect(text));
        result.Text.ShouldBe("Card <CREDIT_CARD_1>, email <EMAIL_ADDRESS_1>, other card <CREDIT_CARD_2>.");
        result.Placeholders["<CREDIT_CARD_2>"].ShouldBe("5500 0000 0000 0004");
        result.Spans.Count.ShouldBe(3);
    }

    [Fact]
    public void Same_value_gets_same_placeholder_within_a_text()
    {
        const string text = "Paid with 4111 1111 1111 1111, then again with 4111-1111-1111-1111; mail JANE@example.com or jane@example.com";
        var result = Redactor.Redact(text, Detector.Detect(text));
        result.Text.ShouldBe("Paid with <CREDIT_CARD_1>, then again with <CREDIT_CARD_1>; mail <EMAIL_ADDRESS_1> or <EMAIL_ADDRESS_1>");
        result.Placeholders.Count.ShouldBe(2);
    }

    [Fact]
    public void Restores_originals_into_later_answer()
    {
        const string text = "Refund card 4111 1111 1111 1111 and notify jane@example.com.";
        var result = Redactor.Redact(text, Detector.Detect(text));
        const string answer = "I have refunded <CREDIT_CARD_1> and emailed <email_address_1>; <IBAN_CODE_9> is unknown.";
        Redactor.Restore(answer, result.Placeholders)
            .ShouldBe("I have refunded 4111 1111 1111 1111 and emailed jane@example.com; <IBAN_CODE_9> is unknown.");
    }

    [Fact]
    public void Round_trip_restores_the_original_text()
    {
        const string text = "IBAN GB82 WEST 1234 5698 7654 32, phone +44 20 7946 0958, ip 10.0.0.1, SSN 536-22-1234, NHS 943 476 5919.";
        var findings = Detector.Detect(text);
        findings.Select(f => f.Type).ShouldBe([
            PersonalDataTypes.Iban, PersonalDataTypes.PhoneNumber, PersonalDataTypes.IpAddress,
            PersonalDataTypes.UsSsn, PersonalDataTypes.UkNhs,
        ]);
        var result = Redactor.Redact(text, findings);
        result.Text.ShouldNotContain("7946");
        Redactor.Restore(result.Text, result.Placeholders).ShouldBe(text);
    }

    [Fact]
    public void Placeholder_numbering_skips_placeholders_already_in_the_text()
    {
        const string text = "Literal <CREDIT_CARD_1> and real 4111 1111 1111 1111";
        var result = Redactor.Redact(text, Detector.Detect(text));
        result.Text.ShouldBe("Literal <CREDIT_CARD_1> and real <CREDIT_CARD_2>");
    }

    [Fact]
    public void Masks_card_keeping_last_four_digits()
    {
        const string text = "card 4111 1111 1111 1111 ok";
        Redactor.Mask(text, Detector.Detect(text)).Text.ShouldBe("card ************1111 ok");
    }

    [Fact]
    public void Masks_other_types_by_their_rules()
    {
        const string text = "ssn 536-22-1234, mail jane@example.com, ip 10.0.0.1";
        Redactor.Mask(text, Detector.Detect(text)).Text.ShouldBe("ssn ***-**-1234, mail j***@example.com, ip **.*.*.*");
    }

    [Fact]
    public void Mask_options_change_character_and_visible_digits()
    {
        var redactor = new Redactor(new MaskOptions
        {
            MaskCharacter = '#',
            KeepLast = new Dictionary<string, int> { [PersonalDataTypes.CreditCard] = 0 },
        });
        const string text = "4111 1111 1111 1111";
        redactor.Mask(text, Detector.Detect(text)).Text.ShouldBe("################");
    }
}
