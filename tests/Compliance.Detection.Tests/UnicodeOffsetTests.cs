namespace SpecialistPlatform.Compliance.Detection.Tests;

public class UnicodeOffsetTests
{
    private static readonly PersonalDataDetector Detector = PersonalDataDetector.CreateDefault();

    [Fact]
    public void Offsets_are_correct_after_surrogate_pairs()
    {
        const string text = "😀👍🏽 Zahlung mit Karte 4111 1111 1111 1111 an 𝔍ürgen, jürgen@例え.jp oder jane@example.com 🎉";
        var findings = Detector.Detect(text);
        var card = findings.Single(f => f.Type == PersonalDataTypes.CreditCard);
        card.ValueIn(text).ShouldBe("4111 1111 1111 1111");
        var email = findings.Single(f => f.Type == PersonalDataTypes.EmailAddress);
        email.ValueIn(text).ShouldBe("jane@example.com");
        card.Score.ShouldBe(1.0); // "Karte" two words before is a context word
    }

    [Fact]
    public void Converts_utf16_offsets_to_code_point_offsets_and_back()
    {
        const string text = "😀😀 4111 1111 1111 1111";
        var card = Detector.Detect(text).Single();
        card.Start.ShouldBe(5);
        TextOffsets.ToCodePointIndex(text, card.Start).ShouldBe(3);
        TextOffsets.ToCodePointIndex(text, card.End).ShouldBe(22);
        TextOffsets.FromCodePointIndex(text, 3).ShouldBe(5);
    }

    [Fact]
    public void Redaction_keeps_surrounding_emoji_intact()
    {
        const string text = "🎉 mail jane@example.com 🎉 card 4111111111111111🙂";
        var redactor = new Redactor();
        var result = redactor.Redact(text, Detector.Detect(text));
        result.Text.ShouldBe("🎉 mail <EMAIL_ADDRESS_1> 🎉 card <CREDIT_CARD_1>🙂");
        Redactor.Restore(result.Text, result.Placeholders).ShouldBe(text);
        result.Spans[1].RedactedStart.ShouldBe(result.Text.IndexOf("<CREDIT_CARD_1>", StringComparison.Ordinal));
    }

    [Fact]
    public void Finding_that_splits_a_surrogate_pair_is_widened_to_whole_code_points()
    {
        const string text = "a😀b";
        var half = new Finding("CUSTOM", 1, 2, 0.9, "test");
        var masked = new Redactor().Mask(text, [half]);
        masked.Text.ShouldBe("a*b");
        masked.Spans.Single().OriginalEnd.ShouldBe(3);
    }

    [Fact]
    public void Mask_counts_text_elements_not_utf16_units()
    {
        const string text = "x 😀😀 y";
        var masked = new Redactor().Mask(text, [new Finding("CUSTOM", 2, 6, 0.9, "test")]);
        masked.Text.ShouldBe("x ** y");
    }

    [Fact]
    public void Rejects_finding_outside_the_text()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Redactor().Redact("short", [new Finding("X", 2, 10, 1, "t")]));
    }
}
