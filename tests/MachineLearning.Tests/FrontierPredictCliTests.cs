using System.Text.Json;
using SpecialistPlatform.TestInfrastructure;

namespace SpecialistPlatform.MachineLearning.Tests;

/// <summary>`specialist frontier predict` against an OpenAI-compatible double on loopback, then `calibrate` on its answers.</summary>
public sealed class FrontierPredictCliTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("specialist-frontier-").FullName;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Fact]
    public async Task Frontier_answers_from_live_calls_on_redacted_text_feed_calibration_as_measured_accuracy()
    {
        var (model, data) = await CalibrateCliTests.TrainedModel(_directory);
        // One row carries an email address, which must not leave the building.
        File.AppendAllText(data, "\"please write to jane.doe@example.com about my top up\",top_up\n");
        await using var frontier = (await FakeFrontier.StartAsync()).AnswersFrom(request =>
        {
            var labels = request.GetProperty("response_format").GetProperty("json_schema").GetProperty("schema")
                .GetProperty("properties").GetProperty("label").GetProperty("enum").EnumerateArray().Select(l => l.GetString()!).ToList();
            return JsonSerializer.Serialize(new { label = labels.Contains("top_up") ? "top_up" : labels[0] });
        }, promptTokens: 100, completionTokens: 10);
        File.WriteAllText(PathOf("frontier.json"), JsonSerializer.Serialize(new
        {
            Frontier = new
            {
                Models = new[] { new { Provider = "openai", Endpoint = frontier.Endpoint.ToString(), Model = "fake-frontier-1", ApiKey = "sk-test", PricePer1kInputTokens = 0.01, PricePer1kOutputTokens = 0.03 } },
            },
        }));

        var predict = await CalibrateCliTests.Run("frontier", "predict", "--task", "intent", "--model", model, "--data", data,
            "--out", PathOf("answers.jsonl"), "--config", PathOf("frontier.json"));

        predict.Exit.ShouldBe(0, predict.Error);
        var rows = File.ReadAllLines(data).Length - 1;
        predict.Output.ShouldContain($"Wrote {rows} frontier answers");
        predict.Output.ShouldContain($"{rows * 100} in, {rows * 10} out");
        frontier.Requests.Count.ShouldBe(rows);
        frontier.Requests.ShouldAllBe(body => !body.Contains("jane.doe@example.com"));
        var answers = File.ReadAllLines(PathOf("answers.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        answers.Select(a => a.GetProperty("id").GetInt32()).ShouldBe(Enumerable.Range(0, rows));
        answers.ShouldAllBe(a => a.GetProperty("label").GetString() == "top_up");

        var calibrate = await CalibrateCliTests.Run("calibrate", "--model", model, "--data", data, "--frontier-predictions", PathOf("answers.jsonl"),
            "--max-escalation-rate", "0.5");
        calibrate.Exit.ShouldBe(0, calibrate.Error);
        calibrate.Output.ShouldContain("measured");
        calibrate.Output.ShouldNotContain("ASSUMED");
    }

    [Fact]
    public async Task Without_a_configured_frontier_it_says_what_to_set()
    {
        var (model, data) = await CalibrateCliTests.TrainedModel(_directory);
        File.WriteAllText(PathOf("empty.json"), "{}");

        var result = await CalibrateCliTests.Run("frontier", "predict", "--model", model, "--data", data, "--out", PathOf("x.jsonl"), "--config", PathOf("empty.json"));

        result.Exit.ShouldBe(1);
        result.Error.ShouldContain("Frontier__Models__0__Endpoint");
    }
}
