namespace SpecialistPlatform.Compliance.Detection.Tests;

public class CustomRecognizerTests
{
    [Fact]
    public void A_configured_pattern_becomes_a_recognizer()
    {
        var detector = PersonalDataDetector.Create([new CustomRecognizerDefinition("EMPLOYEE_ID", "EMP-[0-9]{6}", BaseScore: 0.6)]);
        var finding = detector.Detect("ticket from EMP-004211 today").ShouldHaveSingleItem();
        finding.Type.ShouldBe("EMPLOYEE_ID");
        finding.Recognizer.ShouldBe("custom:EMPLOYEE_ID");
        detector.SupportedTypes.ShouldContain("EMPLOYEE_ID");
    }

    [Fact]
    public void A_validator_filters_candidates()
    {
        var loyalty = new CustomRecognizerDefinition("LOYALTY_CARD", "(?<![0-9])[0-9]{12}(?![0-9])", Validator: "luhn", BaseScore: 0.7).ToRecognizer();
        loyalty.Recognize("cards 123456789015 and 123456789016").Select(f => f.Start).ShouldBe([6]);
        var account = new CustomRecognizerDefinition("ACCOUNT", "[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}", Validator: "mod97").ToRecognizer();
        account.Recognize("DE89370400440532013000 vs DE89370400440532013001").ShouldHaveSingleItem().Start.ShouldBe(0);
        var patient = new CustomRecognizerDefinition("PATIENT", "[0-9]{10}", Validator: "mod11").ToRecognizer();
        patient.Recognize("9434765919").ShouldHaveSingleItem();
        patient.Recognize("9434765918").ShouldBeEmpty();
    }

    [Fact]
    public void Context_words_raise_and_lower_the_score()
    {
        var recognizer = new CustomRecognizerDefinition("MEMBER", "M[0-9]{7}", ContextWords: ["member"], BaseScore: 0.2, ContextBoost: 0.5,
            NegativeContextWords: ["order"]).ToRecognizer();
        recognizer.Recognize("member M1234567").Single().Score.ShouldBe(0.7);
        recognizer.Recognize("id M1234567").Single().Score.ShouldBe(0.2);
        recognizer.Recognize("order M1234567").Single().Score.ShouldBeLessThan(0.2);
        PersonalDataDetector.Create([new CustomRecognizerDefinition("MEMBER", "M[0-9]{7}", ContextWords: ["member"], BaseScore: 0.2, ContextBoost: 0.5)])
            .Detect("id M1234567").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("BAD TYPE", "x", null, 0.5)]
    [InlineData("X", "(unclosed", null, 0.5)]
    [InlineData("X", "[0-9]+", "sha1", 0.5)]
    [InlineData("X", "[0-9]+", null, 1.5)]
    [InlineData("X", "", null, 0.5)]
    public void Bad_definitions_are_rejected_with_a_reason(string type, string pattern, string? validator, double score) =>
        Should.Throw<ArgumentException>(() => new CustomRecognizerDefinition(type, pattern, validator, BaseScore: score).ToRecognizer());
}
