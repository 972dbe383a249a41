using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;
using SpecialistPlatform.MachineLearning.Sequence;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist bench extract --model DIR --data FILE... --format F [--repeat N]</summary>
internal static class BenchExtractCommand
{
    public static Command Build()
    {
        var model = ExtractOptions.Model();
        var data = ExtractOptions.DataFiles("Data whose texts are tagged one at a time.");
        var format = ExtractOptions.Format();
        var repeat = new Option<int>("--repeat") { Description = "Timed passes over the data (after one warm-up pass).", DefaultValueFactory = _ => 3 };
        var command = new Command("extract", "Per-utterance latency of the span tagger (one thread, one text at a time) and the model's training time.")
        {
            model, data, format, repeat,
        };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, () =>
        {
            var console = CliApp.ConsoleFor(parseResult);
            var modelPath = parseResult.GetRequiredValue(model);
            var loadWatch = Stopwatch.StartNew();
            var tagger = SpanTaggerArtifact.Load(modelPath);
            var loadSeconds = loadWatch.Elapsed.TotalSeconds;
            var spanFormat = SpanDataReader.ParseFormat(parseResult.GetRequiredValue(format));
            var examples = ExtractOptions.ReadAll(parseResult.GetRequiredValue(data), spanFormat);
            var values = ExtractOptions.SlotValuesFor(null, spanFormat);
            var passes = parseResult.GetValue(repeat);
            if (passes < 1)
            {
                throw new UsageException("--repeat must be at least 1.");
            }

            foreach (var example in examples)
            {
                tagger.Predict(example.Text, example.RequestedSlots);
            }
            var tagging = new List<double>(examples.Count * passes);
            var withValues = new List<double>(examples.Count * passes);
            for (var pass = 0; pass < passes; pass++)
            {
                foreach (var example in examples)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var start = Stopwatch.GetTimestamp();
                    var spans = tagger.Predict(example.Text, example.RequestedSlots);
                    var tagged = Stopwatch.GetTimestamp();
                    foreach (var span in spans)
                    {
                        values.Normalize(span.Label, span.Text);
                    }
                    var end = Stopwatch.GetTimestamp();
                    tagging.Add(Stopwatch.GetElapsedTime(start, tagged).TotalMilliseconds);
                    withValues.Add(Stopwatch.GetElapsedTime(start, end).TotalMilliseconds);
                }
            }

            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{examples.Count} utterances x {passes} passes, one thread, after a warm-up pass; model loaded in {loadSeconds * 1000:0} ms"));
            console.WriteLine($"  tagging                     {Summary(tagging)}");
            console.WriteLine($"  tagging + value normalising {Summary(withValues)}");
            // The fastest of the passes for each utterance: its own cost with little of what other processes on a
            // shared machine add (preemption, cache eviction).
            console.WriteLine($"  best of {passes} per utterance:");
            console.WriteLine($"    tagging                   {Summary(BestOf(tagging, examples.Count))}");
            console.WriteLine($"    tagging + normalising     {Summary(BestOf(withValues, examples.Count))}");
            console.WriteLine($"  training time               {TrainingSeconds(modelPath)}");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static List<double> BestOf(List<double> milliseconds, int utterances)
    {
        var best = new List<double>(utterances);
        for (var i = 0; i < utterances; i++)
        {
            var min = double.MaxValue;
            for (var j = i; j < milliseconds.Count; j += utterances)
            {
                min = Math.Min(min, milliseconds[j]);
            }
            best.Add(min);
        }
        return best;
    }

    private static string Summary(List<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double P(double q) => IntentEvaluator.Percentile(sorted, q);
        return string.Create(CultureInfo.InvariantCulture,
            $"p50 {P(0.50):0.000} ms, p95 {P(0.95):0.000} ms, p99 {P(0.99):0.000} ms, max {sorted[^1]:0.000} ms, mean {sorted.Average():0.000} ms");
    }

    private static string TrainingSeconds(string modelPath)
    {
        var manifest = Path.Combine(Directory.Exists(modelPath) ? modelPath : Path.GetDirectoryName(Path.GetFullPath(modelPath))!, SpanTaggerArtifact.ManifestFileName);
        try
        {
            var seconds = JsonNode.Parse(File.ReadAllText(manifest))?["run"]?["trainingSeconds"]?.GetValue<double>();
            var examples = JsonNode.Parse(File.ReadAllText(manifest))?["run"]?["trainingExamples"]?.GetValue<int>();
            return seconds is null ? "unknown (no trainingSeconds in the manifest)" : string.Create(CultureInfo.InvariantCulture, $"{seconds:0.00} s on {examples} examples (from {manifest})");
        }
        catch (Exception ex) when (ex is IOException or System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return $"unknown ({ex.Message})";
        }
    }
}
