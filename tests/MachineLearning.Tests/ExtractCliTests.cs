using System.Text.Json;
using SpecialistPlatform.Cli;
using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.MachineLearning.Tests;

public sealed class ExtractCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("specialist-extract-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Calibrates_the_escalation_threshold_of_a_span_tagger_against_measured_frontier_answers()
    {
        SpanDataReader.WriteJsonl(PathOf("train.jsonl"), SyntheticSlots.Generate(200, seed: 1));
        var validation = SyntheticSlots.Generate(40, seed: 2);
        SpanDataReader.WriteJsonl(PathOf("val.jsonl"), validation);
        var modelDir = PathOf("model");
        (await Run("train", "extract", "--data", PathOf("train.jsonl"), "--format", "jsonl", "--out", modelDir, "--seed", "3", "--epochs", "6")).Exit.ShouldBe(0);
        // A frontier that gets every utterance right but the first ten, where it finds nothing.
        File.WriteAllLines(PathOf("frontier.jsonl"), validation.Select((e, i) => JsonSerializer.Serialize(new
        {
            id = i,
            slots = i < 10 ? [] : e.Spans.Select(s => new { slot = s.Label, text = e.Text[s.Start..s.End] }).ToArray(),
        })));

        var result = await Run("calibrate", "--task", "extract", "--model", modelDir, "--data", PathOf("val.jsonl"), "--format", "jsonl",
            "--frontier-predictions", PathOf("frontier.jsonl"), "--max-escalation-rate", "0.3");

        result.Exit.ShouldBe(0, result.Error);
        result.Output.ShouldContain("Calibrated on 40 examples");
        result.Output.ShouldContain($"Frontier accuracy: {(validation.Skip(10).Count() + validation.Take(10).Count(e => e.Spans.Count == 0)) * 100.0 / 40:0.00}% measured");
        result.Output.ShouldContain("<- chosen");
        result.Output.ShouldContain("Per class at the chosen threshold");
    }

    [Fact]
    public async Task Calibrating_a_span_tagger_needs_the_data_format()
    {
        var result = await Run("calibrate", "--task", "extract", "--model", PathOf("model"), "--data", PathOf("val.jsonl"), "--frontier-accuracy", "0.9",
            "--target-accuracy", "0.9");

        result.Exit.ShouldBe(1);
        result.Error.ShouldContain("--format");
    }

    [Fact]
    public async Task Trains_extracts_evaluates_and_benchmarks_from_a_jsonl_file()
    {
        SpanDataReader.WriteJsonl(PathOf("train.jsonl"), SyntheticSlots.Generate(200, seed: 1));
        SpanDataReader.WriteJsonl(PathOf("val.jsonl"), SyntheticSlots.Generate(40, seed: 2));
        var modelDir = PathOf("model");

        var train = await Run("train", "extract", "--data", PathOf("train.jsonl"), "--format", "jsonl", "--out", modelDir, "--seed", "3", "--epochs", "6");
        train.Exit.ShouldBe(0, train.Error);
        train.Output.ShouldContain("overall (micro)");
        File.Exists(Path.Combine(modelDir, "tagger.bin")).ShouldBeTrue();
        File.Exists(Path.Combine(modelDir, "tagger.json")).ShouldBeTrue();
        File.Exists(Path.Combine(modelDir, "validation.jsonl")).ShouldBeTrue();

        File.WriteAllLines(PathOf("in.jsonl"),
        [
            """{"id": "a-1", "text": "book a table for two people on friday at 7pm"}""",
            """{"id": 42, "text": "the reservation is under Maria Lopez", "requestedSlots": ["name"]}""",
            "",
            """{"id": 7, "text": "just the weather please"}""",
        ]);
        var extract = await Run("extract", "--model", modelDir, "--input", PathOf("in.jsonl"), "--output", PathOf("out.jsonl"), "--reference", "2026-05-04T10:00");
        extract.Exit.ShouldBe(0, extract.Error);

        var lines = File.ReadAllLines(PathOf("out.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        lines.Length.ShouldBe(3);
        lines[0].GetProperty("id").GetString().ShouldBe("a-1");
        lines[1].GetProperty("id").GetInt32().ShouldBe(42);
        lines[2].GetProperty("slots").GetArrayLength().ShouldBe(0);
        var slots = lines[0].GetProperty("slots").EnumerateArray().ToDictionary(s => s.GetProperty("slot").GetString()!);
        slots["people"].GetProperty("text").GetString().ShouldBe("two people");
        slots["people"].GetProperty("value").GetInt32().ShouldBe(2);
        slots["people"].GetProperty("start").GetInt32().ShouldBe(17);
        slots["people"].GetProperty("end").GetInt32().ShouldBe(27);
        slots["date"].GetProperty("value").GetString().ShouldBe("2026-05-08");
        slots["time"].GetProperty("value").GetString().ShouldBe("19:00");
        slots["time"].GetProperty("confidence").GetDouble().ShouldBeInRange(0.5, 1.0);
        var name = lines[1].GetProperty("slots").EnumerateArray().Single();
        name.GetProperty("text").GetString().ShouldBe("Maria Lopez");
        name.GetProperty("value").ValueKind.ShouldBe(JsonValueKind.Null);

        var eval = await Run("eval", "extract", "--model", modelDir, "--data", PathOf("val.jsonl"), "--format", "jsonl");
        eval.Exit.ShouldBe(0, eval.Error);
        eval.Output.ShouldContain("overall (micro)");
        eval.Output.ShouldContain("people");

        var bench = await Run("bench", "extract", "--model", modelDir, "--data", PathOf("val.jsonl"), "--format", "jsonl", "--repeat", "1");
        bench.Exit.ShouldBe(0, bench.Error);
        bench.Output.ShouldContain("p99");
        bench.Output.ShouldContain("training time");
    }

    [Fact]
    public async Task Evaluates_value_accuracy_against_nlupp_gold_values()
    {
        var data = """
            [
              {"text": "Create 6 new standing orders.", "intents": [], "slots": {"number": {"text": "6", "span": [7, 8], "value": 6}}},
              {"text": "Create 3 new standing orders.", "intents": [], "slots": {"number": {"text": "3", "span": [7, 8], "value": 3}}},
              {"text": "I want 2 new cards", "intents": [], "slots": {"number": {"text": "2", "span": [7, 8], "value": 2}}},
              {"text": "send it tomorrow", "intents": [], "slots": {"date": {"text": "tomorrow", "span": [8, 16], "value": {"day": 16, "month": 3, "year": 2022}}}},
              {"text": "pay it tomorrow", "intents": [], "slots": {"date": {"text": "tomorrow", "span": [7, 15], "value": {"day": 16, "month": 3, "year": 2022}}}}
            ]
            """;
        File.WriteAllText(PathOf("nlupp.json"), data);
        var modelDir = PathOf("nlupp-model");

        var train = await Run("train", "extract", "--data", PathOf("nlupp.json"), "--format", "nlupp", "--out", modelDir, "--holdout", "0");
        train.Exit.ShouldBe(0, train.Error);
        var eval = await Run("eval", "extract", "--model", modelDir, "--data", PathOf("nlupp.json"), "--format", "nlupp");

        eval.Exit.ShouldBe(0, eval.Error);
        eval.Output.ShouldContain("Value accuracy");
        eval.Output.ShouldContain("(5/5)");
    }

    [Fact]
    public async Task Bad_input_exits_1_with_a_clear_error()
    {
        SpanDataReader.WriteJsonl(PathOf("train.jsonl"), SyntheticSlots.Generate(60, seed: 1));
        File.WriteAllText(PathOf("bad.jsonl"), "{\"text\": \"ok\", \"spans\": []}\n{\"text\": \"x\", \"spans\": [{\"label\": \"a\", \"start\": 0, \"end\": 5}]}\n");
        File.WriteAllText(PathOf("garbage.bin"), "not a model");

        var badData = await Run("train", "extract", "--data", PathOf("bad.jsonl"), "--format", "jsonl", "--out", PathOf("m"));
        badData.Exit.ShouldBe(1);
        badData.Error.ShouldStartWith("error: ");
        badData.Error.ShouldContain("line 2");

        var badFormat = await Run("train", "extract", "--data", PathOf("train.jsonl"), "--format", "csv", "--out", PathOf("m"));
        badFormat.Exit.ShouldBe(1);
        badFormat.Error.ShouldContain("Unknown data format");

        var badModel = await Run("extract", "--model", PathOf("garbage.bin"), "--input", PathOf("train.jsonl"), "--output", PathOf("o.jsonl"));
        badModel.Exit.ShouldBe(1);
        badModel.Error.ShouldStartWith("error: ");

        await Run("train", "extract", "--data", PathOf("train.jsonl"), "--format", "jsonl", "--out", PathOf("m"), "--epochs", "2");
        var noId = await Run("extract", "--model", PathOf("m"), "--input", PathOf("train.jsonl"), "--output", PathOf("o.jsonl"));
        noId.Exit.ShouldBe(1);
        noId.Error.ShouldContain("line 1: the object has no \"id\" field");

        var badReference = await Run("extract", "--model", PathOf("m"), "--input", PathOf("in.jsonl"), "--output", PathOf("o.jsonl"), "--reference", "soon");
        badReference.Exit.ShouldBe(1);
    }
}
