using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Data;
using SpecialistPlatform.MachineLearning.Training;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist bench intent --model DIR [--data FILE]: plain "name value" lines on standard output.</summary>
internal static class BenchIntentCommand
{
    public static Command Build()
    {
        var model = Model();
        var data = new Option<string?>("--data") { Description = "Texts to score (CSV with a header row, or JSONL); a few built-in queries when absent." };
        var textColumn = TextColumn();
        var seconds = new Option<double>("--seconds") { Description = "Minimum seconds for each of the latency and the throughput runs.", DefaultValueFactory = _ => 2.0 };

        var command = new Command("intent", "Benchmark an intent model: per-text latency on one thread, throughput on all cores, training time, artifact size.")
        {
            model, data, textColumn, seconds,
        };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var modelPath = parseResult.GetRequiredValue(model);
            var duration = parseResult.GetValue(seconds);
            if (!(duration > 0) || duration > 3600)
            {
                throw new UsageException($"--seconds must be between 0 and 3600, not {duration.ToString(CultureInfo.InvariantCulture)}.");
            }
            var loaded = ModelArtifact.Load(modelPath);
            var modelFile = Directory.Exists(modelPath) ? Path.Combine(modelPath, ModelArtifact.ModelFileName) : modelPath;
            var dataPath = parseResult.GetValue(data);
            var texts = dataPath is null ? IntentBenchmark.DefaultTexts : LabeledDataReader.ReadTexts(dataPath, parseResult.GetRequiredValue(textColumn));

            var result = await Task.Run(() => IntentBenchmark.Run(loaded, texts, duration, cancellationToken: cancellationToken), cancellationToken);
            var bytes = new FileInfo(modelFile).Length;
            var trainingSeconds = TrainingSeconds(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(modelFile))!, ModelArtifact.ManifestFileName));

            var output = parseResult.InvocationConfiguration.Output;
            void Line(string name, string value) => output.WriteLine($"{name,-26}{value}");
            Line("model", modelFile);
            Line("labels", loaded.Labels.Count.ToString(CultureInfo.InvariantCulture));
            Line("components", loaded.Components.Count.ToString(CultureInfo.InvariantCulture));
            Line("texts", result.Texts.ToString(CultureInfo.InvariantCulture));
            Line("latency_samples", result.LatencySamples.ToString(CultureInfo.InvariantCulture));
            Line("latency_p50_us", Number(result.LatencyP50Microseconds, "0.0"));
            Line("latency_p99_us", Number(result.LatencyP99Microseconds, "0.0"));
            Line("latency_mean_us", Number(result.LatencyMeanMicroseconds, "0.0"));
            Line("latency_best_of_5_p50_us", Number(result.BestOf5P50Microseconds, "0.0"));
            Line("latency_best_of_5_p99_us", Number(result.BestOf5P99Microseconds, "0.0"));
            Line("throughput_texts_per_s", Number(result.ThroughputTextsPerSecond, "0"));
            Line("throughput_threads", result.ThroughputThreads.ToString(CultureInfo.InvariantCulture));
            if (result.EncoderStage is { } stage)
            {
                Line("stage_share", Number(stage.Share, "0.000"));
                Line("ensemble_only_p50_us", Number(stage.EnsembleOnlyP50Microseconds, "0.0"));
                Line("ensemble_only_p99_us", Number(stage.EnsembleOnlyP99Microseconds, "0.0"));
                Line("with_stage_p50_us", Number(stage.WithStageP50Microseconds, "0.0"));
                Line("with_stage_p99_us", Number(stage.WithStageP99Microseconds, "0.0"));
            }
            Line("training_seconds", trainingSeconds is { } s ? Number(s, "0.00") : "unknown");
            Line("artifact_bytes", bytes.ToString(CultureInfo.InvariantCulture));
            Line("artifact_mb", Number(bytes / 1024.0 / 1024.0, "0.00"));
            return 0;
        }));
        return command;
    }

    /// <summary>The training time recorded in the manifest beside the model, if there is one.</summary>
    private static double? TrainingSeconds(string manifestPath)
    {
        if (!File.Exists(manifestPath))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(File.ReadAllText(manifestPath))?["run"]?["trainingSeconds"]?.GetValue<double>();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
