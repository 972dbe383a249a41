using System.Text;
using System.Text.Json;
using SpecialistPlatform.Cli;

namespace SpecialistPlatform.MachineLearning.Tests;

public sealed class CliEndToEndTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("specialist-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    private void WriteTrainingCsv(string name)
    {
        var csv = new StringBuilder("utterance,intent\n");
        foreach (var example in SyntheticIntents.Generate(30, seed: 21))
        {
            // Quote every other text, doubling any quote, as RFC 4180 writers do.
            csv.Append(csv.Length % 2 == 0 ? "\"" + example.Text.Replace("\"", "\"\"") + "\"" : example.Text.Replace(",", ""))
               .Append(',').Append(example.Label).Append('\n');
        }
        File.WriteAllText(PathOf(name), csv.ToString());
    }

    [Fact]
    public async Task Trains_classifies_and_evaluates_from_a_csv_file()
    {
        WriteTrainingCsv("train.csv");
        var modelDir = PathOf("model");

        var train = await Run("train", "intent", "--data", PathOf("train.csv"), "--out", modelDir,
            "--text-column", "utterance", "--label-column", "intent", "--seed", "3", "--epochs", "5");
        train.Exit.ShouldBe(0, train.Error);
        train.Output.ShouldContain("accuracy");
        train.Output.ShouldContain("ECE");
        train.Output.ShouldContain("encoder stage"); // the default preset has one
        File.Exists(Path.Combine(modelDir, "model.bin")).ShouldBeTrue();
        File.Exists(Path.Combine(modelDir, "model.json")).ShouldBeTrue();

        File.WriteAllLines(PathOf("in.jsonl"),
        [
            """{"id": "a-1", "text": "my card has not arrived"}""",
            """{"id": 42, "text": "what is the exchange rate today?"}""",
            "",
            """{"id": 7.5, "text": "who won the football match"}""",
        ]);
        var classify = await Run("classify", "--model", modelDir, "--input", PathOf("in.jsonl"), "--output", PathOf("out.jsonl"));
        classify.Exit.ShouldBe(0, classify.Error);

        var lines = File.ReadAllLines(PathOf("out.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        lines.Length.ShouldBe(3);
        lines[0].GetProperty("id").GetString().ShouldBe("a-1");
        lines[0].GetProperty("label").GetString().ShouldBe("card_arrival");
        lines[1].GetProperty("id").GetInt32().ShouldBe(42);
        lines[1].GetProperty("label").GetString().ShouldBe("exchange_rate");
        lines[2].GetProperty("id").GetRawText().ShouldBe("7.5");
        lines[2].GetProperty("label").GetString().ShouldBe("oos");
        lines.ShouldAllBe(l => l.GetProperty("confidence").GetDouble() > 0 && l.GetProperty("confidence").GetDouble() <= 1);

        var eval = await Run("eval", "intent", "--model", modelDir, "--data", PathOf("train.csv"),
            "--text-column", "utterance", "--label-column", "intent");
        eval.Exit.ShouldBe(0, eval.Error);
        eval.Output.ShouldContain("macro-F1");
        eval.Output.ShouldContain("out-of-scope recall");
        eval.Output.ShouldContain("p99");
    }

    [Fact]
    public async Task Missing_data_file_is_a_clear_error()
    {
        var result = await Run("train", "intent", "--data", PathOf("nope.csv"), "--out", PathOf("m"));

        result.Exit.ShouldNotBe(0);
        result.Error.ShouldContain("does not exist");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Missing_column_names_the_columns_that_exist()
    {
        File.WriteAllText(PathOf("data.csv"), "text,category\nhello,greet\nbye,leave\n");

        var result = await Run("train", "intent", "--data", PathOf("data.csv"), "--out", PathOf("m"));

        result.Exit.ShouldNotBe(0);
        result.Error.ShouldContain("'label'");
        result.Error.ShouldContain("text, category");
    }

    [Fact]
    public async Task Empty_data_is_a_clear_error()
    {
        File.WriteAllText(PathOf("empty.csv"), "text,label\n");

        var result = await Run("train", "intent", "--data", PathOf("empty.csv"), "--out", PathOf("m"));

        result.Exit.ShouldNotBe(0);
        result.Error.ShouldContain("no examples");
    }

    [Fact]
    public async Task Bad_json_line_is_reported_with_its_line_number()
    {
        File.WriteAllLines(PathOf("data.jsonl"), ["""{"text": "hi", "label": "greet"}""", """{"text": "oops", "label": """]);

        var result = await Run("train", "intent", "--data", PathOf("data.jsonl"), "--out", PathOf("m"));

        result.Exit.ShouldNotBe(0);
        result.Error.ShouldContain("line 2");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Corrupt_model_is_a_clear_error_when_classifying()
    {
        Directory.CreateDirectory(PathOf("bad"));
        File.WriteAllBytes(Path.Combine(PathOf("bad"), "model.bin"), new byte[100]);
        File.WriteAllText(PathOf("in.jsonl"), """{"id": 1, "text": "hi"}""");

        var result = await Run("classify", "--model", PathOf("bad"), "--input", PathOf("in.jsonl"), "--output", PathOf("out.jsonl"));

        result.Exit.ShouldNotBe(0);
        result.Error.ShouldContain("magic");
    }

    [Fact]
    public async Task Missing_required_option_fails_without_running()
    {
        var result = await Run("classify", "--input", PathOf("in.jsonl"));

        result.Exit.ShouldNotBe(0);
        result.Error.ShouldContain("--model");
    }
    [Fact]
    public async Task Bench_prints_latency_throughput_training_time_and_size()
    {
        WriteTrainingCsv("train.csv");
        var modelDir = PathOf("model");
        var train = await Run("train", "intent", "--data", PathOf("train.csv"), "--out", modelDir,
            "--text-column", "utterance", "--label-column", "intent", "--epochs", "3");
        train.Exit.ShouldBe(0, train.Error);

        var bench = await Run("bench", "intent", "--model", modelDir, "--data", PathOf("train.csv"), "--text-column", "utterance", "--seconds", "0.05");

        bench.Exit.ShouldBe(0, bench.Error);
        var fields = bench.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(p => p[0], p => p[1].Trim());
        fields["texts"].ShouldBe("150");
        double.Parse(fields["latency_p50_us"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        double.Parse(fields["latency_p99_us"], System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBeGreaterThanOrEqualTo(double.Parse(fields["latency_p50_us"], System.Globalization.CultureInfo.InvariantCulture));
        double.Parse(fields["latency_best_of_5_p50_us"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        double.Parse(fields["throughput_texts_per_s"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        double.Parse(fields["training_seconds"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        long.Parse(fields["artifact_bytes"], System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(new FileInfo(Path.Combine(modelDir, "model.bin")).Length);
        double.Parse(fields["stage_share"], System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(0, 1);
        fields.ShouldContainKey("with_stage_p99_us");
    }

    [Fact]
    public async Task An_encoder_gate_for_a_preset_without_an_encoder_stage_is_a_clear_error()
    {
        WriteTrainingCsv("train.csv");

        var result = await Run("train", "intent", "--data", PathOf("train.csv"), "--out", PathOf("m"),
            "--text-column", "utterance", "--label-column", "intent", "--preset", "ngram-ensemble", "--encoder-gate", "0.9");

        result.Exit.ShouldNotBe(0);
        result.Error.ShouldContain("ngram-ensemble");
        result.Error.ShouldContain("no encoder stage");
        Directory.Exists(PathOf("m")).ShouldBeFalse();
    }

    [Fact]
    public async Task Bench_without_data_uses_built_in_texts_and_reports_a_missing_model_clearly()
    {
        WriteTrainingCsv("train.csv");
        var modelDir = PathOf("model");
        (await Run("train", "intent", "--data", PathOf("train.csv"), "--out", modelDir,
            "--text-column", "utterance", "--label-column", "intent", "--epochs", "2")).Exit.ShouldBe(0);

        var bench = await Run("bench", "intent", "--model", modelDir, "--seconds", "0.02");
        var missing = await Run("bench", "intent", "--model", PathOf("nothing-here"));

        bench.Exit.ShouldBe(0, bench.Error);
        bench.Output.ShouldContain("latency_p99_us");
        missing.Exit.ShouldBe(1);
        missing.Error.ShouldContain("No model found");
    }
}
