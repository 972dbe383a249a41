using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Evaluation.Reports;
using SpecialistPlatform.MachineLearning.Cascade;
using SpecialistPlatform.MachineLearning.Moderation;
using SpecialistPlatform.MachineLearning.Training;
using static SpecialistPlatform.Cli.Commands.CommonOptions;
using static SpecialistPlatform.Cli.Commands.ModerationEvaluationSets;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist eval moderation --model DIR [--data FILE] [--datasets DIR] [--handwritten DIR] [--store] [--report FILE]</summary>
internal static class EvalModerationCommand
{
    public const string RunKind = "moderation-eval";

    public static Command Build()
    {
        var model = Model();
        var data = new Option<string?>("--data")
        {
            Description = "A labelled JSONL file ({\"text\", \"labels\", \"categories\"?}); without it, the model's validation split and the hand-written sets.",
        };
        var sources = new ModerationDataOptions();
        var outputs = new RunOutputs();
        var command = new Command("moderation",
            "Evaluate a moderation model per category: AUPRC, precision, recall, flagged negatives, macro-F1 and calibration at its thresholds; any-harm AUPRC; benign prompts flagged; latency.")
        {
            model, data,
        };
        foreach (var option in sources.Options.Concat(outputs.Options))
        {
            command.Options.Add(option);
        }
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var console = CliApp.ConsoleFor(parseResult);
            var modelFile = ModelFile.Read(parseResult.GetRequiredValue(model), ModerationArtifact.ModelFileName);
            var loaded = ModerationArtifact.Deserialize(modelFile.Bytes);
            var dataPath = parseResult.GetValue(data);
            var sets = dataPath is not null
                ? [new ModerationEvaluationSet(Path.GetFileName(dataPath), dataPath, ModerationDataset.ReadLabelled(dataPath, "data"))]
                : Default(sources.Build(parseResult, SeedOf(loaded), WindowWordsOf(loaded)), sources.HandWrittenDirectory(parseResult));

            var results = await CliApp.WithProgress(console, "Evaluating", progress =>
                sets.Select((set, i) =>
                {
                    progress(i / (double)sets.Count);
                    return (Set: set, Result: ModerationEvaluator.EvaluateSet(loaded, set.Examples, cancellationToken));
                }).ToArray());

            foreach (var (set, result) in results)
            {
                ModerationTable.Write(console, $"{set.Name}: {set.Description}", result.AnyHarm is { } anyHarm ? result.Categories.Append(anyHarm) : result.Categories, loaded);
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {result.Examples} texts; benign texts flagged (any category): {(result.BenignExamples == 0 ? "-" : Percent(result.BenignFlagged) + $" of {result.BenignExamples}")}; latency per text p50 {result.LatencyP50Ms:0.000} ms, p99 {result.LatencyP99Ms:0.000} ms"));
            }

            if (outputs.Wanted(parseResult))
            {
                await outputs.KeepAsync(parseResult, Run(parseResult, outputs, modelFile, dataPath, results), console, cancellationToken);
            }
            return 0;
        }));
        return command;
    }

    private static EvaluationRun Run(ParseResult parseResult, RunOutputs outputs, ModelFile modelFile, string? dataPath,
        IReadOnlyList<(ModerationEvaluationSet Set, ModerationEvaluation Result)> results)
    {
        var metrics = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        var perCategory = new List<object>();
        foreach (var (set, result) in results)
        {
            var key = Key(set.Name);
            metrics[$"{key}_examples"] = result.Examples;
            metrics[$"{key}_benign_flagged"] = result.BenignExamples == 0 ? null : result.BenignFlagged;
            foreach (var r in result.AnyHarm is { } anyHarm ? result.Categories.Append(anyHarm) : result.Categories)
            {
                var prefix = $"{key}_{Key(r.Category)}";
                metrics[$"{prefix}_auprc"] = r.Positives == 0 ? null : r.AveragePrecision;
                metrics[$"{prefix}_recall"] = r.Positives == 0 ? null : r.AtThreshold.Recall;
                metrics[$"{prefix}_precision"] = r.Positives == 0 ? null : r.AtThreshold.Precision;
                metrics[$"{prefix}_false_positive_rate"] = r.Negatives == 0 ? null : r.AtThreshold.FalsePositiveRate;
                metrics[$"{prefix}_macro_f1"] = r.AtThreshold.MacroF1;
                perCategory.Add(new
                {
                    set = set.Name, category = r.Category, positives = r.Positives, negatives = r.Negatives, threshold = r.Threshold,
                    auprc = r.AveragePrecision, precision = r.AtThreshold.Precision, recall = r.AtThreshold.Recall,
                    falsePositiveRate = r.AtThreshold.FalsePositiveRate, f1 = r.AtThreshold.F1, macroF1 = r.AtThreshold.MacroF1, ece = r.ExpectedCalibrationError,
                });
            }
        }
        var first = results[0].Result;
        var examples = results.SelectMany(r => r.Set.Examples).Select(e => new LabeledExample(e.Text,
            string.Join(",", e.Labels.Where(l => l.Value).Select(l => l.Key).Order(StringComparer.Ordinal)))).ToArray();
        return new EvaluationRun
        {
            Kind = RunKind,
            Task = ModerationArtifact.Task,
            ModelVersion = modelFile.Version,
            ModelSha256 = modelFile.Sha256,
            DatasetSha256 = RunRecords.DatasetSha256(examples),
            DatasetRows = examples.Length,
            DatasetSource = dataPath ?? string.Join(", ", results.Select(r => r.Set.Name)),
            MetricsJson = ReportJson.Serialize(metrics),
            PerClassJson = ReportJson.Serialize(perCategory),
            SweepJson = ReportJson.Serialize(first.Categories.SelectMany(r => r.Sweep.Select(p => new
            {
                set = results[0].Set.Name, category = r.Category, threshold = p.Threshold, flagged = p.Flagged,
                precision = p.Precision, recall = p.Recall, falsePositiveRate = p.FalsePositiveRate, f1 = p.F1,
            })).ToArray()),
            ReliabilityJson = ReportJson.Serialize(Pool(first.Categories.Select(r => r.Reliability))),
            LatencyP50Ms = first.LatencyP50Ms,
            LatencyP99Ms = first.LatencyP99Ms,
            Notes = parseResult.GetValue(outputs.Note),
        };
    }

    /// <summary>The bins of several categories as one diagram: counts added, means weighted by count.</summary>
    private static IReadOnlyList<ReliabilityBin> Pool(IEnumerable<IReadOnlyList<ReliabilityBin>> perCategory)
    {
        var lists = perCategory.ToArray();
        return lists.Length == 0 ? [] : Enumerable.Range(0, lists[0].Count).Select(b =>
        {
            var count = lists.Sum(l => l[b].Count);
            return new ReliabilityBin(lists[0][b].Lower, lists[0][b].Upper, count,
                count == 0 ? 0 : lists.Sum(l => l[b].MeanConfidence * l[b].Count) / count,
                count == 0 ? 0 : lists.Sum(l => l[b].Accuracy * l[b].Count) / count);
        }).ToArray();
    }
}
