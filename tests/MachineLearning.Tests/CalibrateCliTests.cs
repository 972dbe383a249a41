using System.Text;
using SpecialistPlatform.Cli;

namespace SpecialistPlatform.MachineLearning.Tests;

public sealed class CalibrateCliTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("specialist-calibrate-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string PathOf(string name) => Path.Combine(_directory, name);

    internal static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Trains a small model on synthetic intents and writes fresh labelled data it never saw.</summary>
    internal static async Task<(string Model, string Data)> TrainedModel(string directory)
    {
        var train = Path.Combine(directory, "train.csv");
        var data = Path.Combine(directory, "calibration.csv");
        WriteCsv(train, SyntheticIntents.Generate(30, seed: 21));
        WriteCsv(data, SyntheticIntents.Generate(12, seed: 99));
        var model = Path.Combine(directory, "model");
        var result = await Run("train", "intent", "--data", train, "--out", model, "--seed", "3", "--epochs", "5");
        result.Exit.ShouldBe(0, result.Error);
        return (model, data);
    }

    private static void WriteCsv(string path, IEnumerable<Training.LabeledExample> examples)
    {
        var csv = new StringBuilder("text,label\n");
        foreach (var e in examples)
        {
            csv.Append('"').Append(e.Text.Replace("\"", "\"\"")).Append("\",").Append(e.Label).Append('\n');
        }
        File.WriteAllText(path, csv.ToString());
    }

    [Fact]
    public async Task Calibrates_with_an_assumed_frontier_accuracy_and_says_it_is_assumed()
    {
        var (model, data) = await TrainedModel(_directory);

        var result = await Run("calibrate", "--model", model, "--data", data, "--frontier-accuracy", "0.831", "--target-accuracy", "0.5");

        result.Exit.ShouldBe(0, result.Error);
        result.Output.ShouldContain("ASSUMED");
        result.Output.ShouldContain("Threshold sweep");
        result.Output.ShouldContain("<- chosen");
        result.Output.ShouldContain("Chosen threshold");
        result.Output.ShouldContain("Per class at the chosen threshold");
    }

    [Fact]
    public async Task Calibrates_with_measured_frontier_predictions_joined_on_text()
    {
        var (model, data) = await TrainedModel(_directory);
        var examples = SyntheticIntents.Generate(12, seed: 99);
        // A frontier that is always right except on out-of-scope texts.
        File.WriteAllLines(PathOf("frontier.jsonl"), examples.Select(e =>
            System.Text.Json.JsonSerializer.Serialize(new { text = e.Text, label = e.Label == "oos" ? "top_up" : e.Label })));

        var result = await Run("calibrate", "--model", model, "--data", data, "--frontier-predictions", PathOf("frontier.jsonl"),
            "--max-escalation-rate", "0.5", "--frontier-price-per-1k-jobs", "3", "--specialist-price-per-1k-jobs", "0.01");

        result.Exit.ShouldBe(0, result.Error);
        result.Output.ShouldContain("Frontier accuracy: 80.00% measured");
        result.Output.ShouldNotContain("ASSUMED");
        result.Output.ShouldContain("frontier 3.0000");
    }

    [Theory]
    [InlineData("--target-accuracy|0.9|--max-escalation-rate|0.2", "not both")]
    [InlineData("", "--target-accuracy X or --max-escalation-rate Y")]
    [InlineData("--target-accuracy|95", "between 0 and 1")]
    [InlineData("--max-escalation-rate|-0.1", "between 0 and 1")]
    public async Task Bad_targets_are_clear_errors(string targetArgs, string expected)
    {
        var (model, data) = await TrainedModel(_directory);
        string[] args = ["calibrate", "--model", model, "--data", data, "--frontier-accuracy", "0.8", .. targetArgs.Split('|', StringSplitOptions.RemoveEmptyEntries)];

        var result = await Run(args);

        result.Exit.ShouldBe(1);
        result.Error.ShouldContain(expected);
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task A_given_threshold_is_measured_instead_of_chosen()
    {
        var (model, data) = await TrainedModel(_directory);

        var result = await Run("calibrate", "--model", model, "--data", data, "--frontier-accuracy", "0.9", "--threshold", "0.5");

        result.Exit.ShouldBe(0, result.Error);
        result.Output.ShouldContain("Given threshold: 0.5000");
        result.Output.ShouldContain("<- chosen");
    }

    [Fact]
    public async Task Frontier_quality_must_be_given_exactly_one_way()
    {
        var (model, data) = await TrainedModel(_directory);

        var neither = await Run("calibrate", "--model", model, "--data", data, "--target-accuracy", "0.9");
        var both = await Run("calibrate", "--model", model, "--data", data, "--target-accuracy", "0.9", "--frontier-accuracy", "0.8",
            "--frontier-predictions", PathOf("f.jsonl"));
        var outOfRange = await Run("calibrate", "--model", model, "--data", data, "--target-accuracy", "0.9", "--frontier-accuracy", "83.1");

        neither.Error.ShouldContain("--frontier-predictions FILE (measured), or --frontier-accuracy A");
        both.Error.ShouldContain("not both");
        outOfRange.Error.ShouldContain("--frontier-accuracy must be between 0 and 1");
        new[] { neither.Exit, both.Exit, outOfRange.Exit }.ShouldAllBe(e => e == 1);
    }

    [Fact]
    public async Task Predictions_missing_for_some_examples_are_a_clear_error()
    {
        var (model, data) = await TrainedModel(_directory);
        File.WriteAllLines(PathOf("frontier.jsonl"), ["""{"id": 0, "label": "card_arrival"}"""]);

        var result = await Run("calibrate", "--model", model, "--data", data, "--frontier-predictions", PathOf("frontier.jsonl"), "--target-accuracy", "0.9");

        result.Exit.ShouldBe(1);
        result.Error.ShouldContain("no frontier prediction for 59 of 60 examples");
    }

    [Fact]
    public async Task Unreachable_target_says_what_the_best_threshold_achieves()
    {
        var (model, data) = await TrainedModel(_directory);

        var result = await Run("calibrate", "--model", model, "--data", data, "--frontier-accuracy", "0", "--target-accuracy", "1");

        result.Exit.ShouldBe(1);
        result.Output.ShouldContain("Threshold sweep");
        result.Error.ShouldContain("No threshold reaches combined accuracy 100.00%");
    }

    [Fact]
    public async Task Holdout_of_other_data_is_refused()
    {
        var (model, data) = await TrainedModel(_directory);

        var result = await Run("calibrate", "--model", model, "--data", data, "--holdout", "--frontier-accuracy", "0.8", "--target-accuracy", "0.9");

        result.Exit.ShouldBe(1);
        result.Error.ShouldContain("is not the data this model was trained on");
    }

    [Fact]
    public async Task Holdout_of_the_training_file_is_rebuilt_and_verified()
    {
        var (model, _) = await TrainedModel(_directory);

        var result = await Run("calibrate", "--model", model, "--data", PathOf("train.csv"), "--holdout", "--frontier-accuracy", "0.8", "--target-accuracy", "0.5");

        result.Exit.ShouldBe(0, result.Error);
        result.Output.ShouldContain("Calibrated on 15 examples");
        result.Output.ShouldContain("training-data SHA-256 verified");
    }
}
