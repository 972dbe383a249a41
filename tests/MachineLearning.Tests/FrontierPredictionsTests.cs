using SpecialistPlatform.MachineLearning.Cascade;
using SpecialistPlatform.MachineLearning.Data;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.MachineLearning.Tests;

public sealed class FrontierPredictionsTests : IDisposable
{
    private static readonly LabeledExample[] Examples =
    [
        new("my card has not arrived", "card_arrival"),
        new("what is the exchange rate", "exchange_rate"),
        new("i lost my card", "lost_card"),
    ];

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"frontier-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(_file);

    private FrontierAnswers Join(params string[] lines)
    {
        File.WriteAllLines(_file, lines);
        return FrontierPredictions.Join(_file, Examples);
    }

    [Fact]
    public void Joins_on_text_and_on_row_id_in_any_order()
    {
        var answers = Join(
            """{"text": "i lost my card", "label": "lost_card"}""",
            "",
            """{"id": 0, "label": "card_delivery_estimate"}""",
            """{"id": "1", "label": "Exchange_Rate "}""",
            """{"text": "a text from another data set", "label": "whatever"}""");

        answers.Labels.ShouldBe(["card_delivery_estimate", "Exchange_Rate ", "lost_card"]);
        answers.Unmatched.ShouldBe(1);
        FrontierAnswers.Agrees(answers.Labels[0], Examples[0].Label).ShouldBeFalse();
        FrontierAnswers.Agrees(answers.Labels[1], Examples[1].Label).ShouldBeTrue();
    }

    [Fact]
    public void Missing_prediction_names_the_first_example_without_one()
    {
        var error = Should.Throw<DataFormatException>(() => Join("""{"id": 0, "label": "card_arrival"}""", """{"id": 2, "label": "lost_card"}"""));

        error.Message.ShouldContain("no frontier prediction for 1 of 3 examples");
        error.Message.ShouldContain("row 1");
        error.Message.ShouldContain("what is the exchange rate");
    }

    [Theory]
    [InlineData("""{"id": 0, "label": "a"}|{"id": 7, "label": "b"}""", "line 2: id 7 is not a row")]
    [InlineData("""{"id": 0, "label": "a"}|{"text": "oops", "label": """, "line 2: not valid JSON")]
    [InlineData("""{"id": 0}""", "line 1: the object has no \"label\" string")]
    [InlineData("""{"label": "a"}""", "line 1: the object needs an \"id\"")]
    [InlineData("""{"id": 1.5, "label": "a"}""", "line 1: \"id\" must be a whole row number")]
    [InlineData("""{"id": 0, "label": "a"}|{"id": 0, "label": "b"}""", "line 2: id 0 already has the label 'a'")]
    [InlineData("""[1, 2]""", "line 1: expected a JSON object")]
    public void Bad_lines_are_reported_with_their_line_number(string lines, string expected)
    {
        var error = Should.Throw<DataFormatException>(() => Join(lines.Split('|')));

        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Missing_file_is_a_clear_error()
    {
        Should.Throw<DataFormatException>(() => FrontierPredictions.Join(_file + ".nope", Examples)).Message.ShouldContain("does not exist");
    }
}
