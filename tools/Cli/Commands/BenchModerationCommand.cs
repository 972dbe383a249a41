using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Evaluation.Reports;
using SpecialistPlatform.MachineLearning.Data;
using SpecialistPlatform.MachineLearning.Moderation;
using SpecialistPlatform.MachineLearning.Training;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist bench moderation --model DIR [--data FILE] [--seconds 2] [--store] [--report FILE]: "name value" lines.</summary>
internal static class BenchModerationCommand
{
    public const string RunKind = "moderation-bench";

    public static Command Build()
    {
        var model = Model();
        var data = new Option<string?>("--data") { Description = "Texts to score (CSV with a header row, or JSONL); default the hand-written evaluation and over-defense sets." };
        var textColumn = TextColumn();
        var seconds = new Option<double>("--seconds") { Description = "Minimum seconds for each of the latency and the throughput runs.", DefaultValueFactory = _ => 2.0 };
        var sources = new ModerationDataOptions();
        var outputs = new RunOutputs();
        var command = new Command("moderation", "Benchmark a moderation model: per-text latency on one thread (all categories at once), throughput on all cores, training time, artifact size.")
        {
            model, data, textColumn, seconds, sources.HandWritten,
        };
        foreach (var option in outputs.Options)
        {
            command.Options.Add(option);
        }
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var duration = parseResult.GetValue(seconds);
            if (!(duration > 0) || duration > 3600)
            {
                throw new UsageException($"--seconds must be between 0 and 3600, not {duration.ToString(CultureInfo.InvariantCulture)}.");
            }
            var modelFile = ModelFile.Read(parseResult.GetRequiredValue(model), ModerationArtifact.ModelFileName);
            var loaded = ModerationArtifact.Deserialize(modelFile.Bytes);
            var dataPath = parseResult.GetValue(data);
            var handWritten = dataPath is null ? sources.HandWrittenDirectory(parseResult) : null;
            var texts = dataPath is not null
                ? LabeledDataReader.ReadTexts(dataPath, parseResult.GetRequiredValue(textColumn))
                : new[] { ModerationDataset.HandWrittenEvaluationFile, ModerationDataset.OverDefenseEvaluationFile }
                    .SelectMany(f => ModerationDataset.ReadLabelled(Path.Combine(handWritten!, f), f)).Select(e => e.Text).ToArray();

            var result = await Task.Run(() => IntentBenchmark.Run(text => loaded.Score(text), texts, duration, cancellationToken: cancellationToken), cancellationToken);
            var trainingSeconds = TrainingSeconds(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelFile.Path))!, ModerationArtifact.ManifestFileName));

            var output = parseResult.InvocationConfiguration.Output;
            void Line(string name, string value) => output.WriteLine($"{name,-26}{value}");
            Line("model", modelFile.Path);
            Line("categories", loaded.Categories.Count.ToString(CultureInfo.InvariantCulture));
            Line("feature_rows", loaded.Space.Rows.ToString(CultureInfo.InvariantCulture));
            Line("texts", result.Texts.ToString(CultureInfo.InvariantCulture));
            Line("latency_samples", result.LatencySamples.ToString(CultureInfo.InvariantCulture));
            Line("latency_p50_us", Number(result.LatencyP50Microseconds, "0.0"));
            Line("latency_p99_us", Number(result.LatencyP99Microseconds, "0.0"));
            Line("latency_mean_us", Number(result.LatencyMeanMicroseconds, "0.0"));
            Line("latency_best_of_5_p50_us", Number(result.BestOf5P50Microseconds, "0.0"));
            Line("latency_best_of_5_p99_us", Number(result.BestOf5P99Microseconds, "0.0"));
            Line("throughput_texts_per_s", Number(result.ThroughputTextsPerSecond, "0"));
            Line("throughput_threads", result.ThroughputThreads.ToString(CultureInfo.InvariantCulture));
            // Every text takes the n-gram path: this model has no pretrained-encoder stage.
            Line("encoder_share", "0.000");
            Line("training_seconds", trainingSeconds is { } s ? Number(s, "0.00") : "unknown");
            Line("artifact_bytes", modelFile.Bytes.Length.ToString(CultureInfo.InvariantCulture));
            Line("artifact_mb", Number(modelFile.Bytes.Length / 1024.0 / 1024.0, "0.00"));

            if (outputs.Wanted(parseResult))
            {
                var run = new EvaluationRun
                {
                    Kind = RunKind,
                    Task = ModerationArtifact.Task,
                    ModelVersion = modelFile.Version,
                    ModelSha256 = modelFile.Sha256,
                    DatasetSha256 = RunRecords.DatasetSha256(texts.Select(t => new LabeledExample(t, ""))),
                    DatasetRows = texts.Count,
                    DatasetSource = dataPath ?? "hand-written evaluation and over-defense sets",
                    MetricsJson = ReportJson.Serialize(new Dictionary<string, object?>
                    {
                        ["latency_mean_us"] = result.LatencyMeanMicroseconds,
                        ["latency_best_of_5_p50_us"] = result.BestOf5P50Microseconds,
                        ["latency_best_of_5_p99_us"] = result.BestOf5P99Microseconds,
                        ["throughput_texts_per_s"] = result.ThroughputTextsPerSecond,
                        ["encoder_share"] = 0.0,
                        ["training_seconds"] = trainingSeconds,
                        ["artifact_bytes"] = modelFile.Bytes.Length,
                    }),
                    LatencyP50Ms = result.LatencyP50Microseconds / 1000,
                    LatencyP99Ms = result.LatencyP99Microseconds / 1000,
                    Notes = parseResult.GetValue(outputs.Note),
                };
                await outputs.KeepAsync(parseResult, run, CliApp.ConsoleFor(parseResult), cancellationToken);
            }
            return 0;
        }));
        return command;
    }

    private static double? TrainingSeconds(string manifestPath)
    {
        try
        {
            return File.Exists(manifestPath) ? JsonNode.Parse(File.ReadAllText(manifestPath))?["run"]?["trainingSeconds"]?.GetValue<double>() : null;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
