using System.CommandLine;
using Spectre.Console;
using SpecialistPlatform.Cli.Platform;
using SpecialistPlatform.Evaluation.Reports;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Data;
using SpecialistPlatform.MachineLearning.Training;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist eval intent --model DIR --data FILE</summary>
internal static class EvalIntentCommand
{
    public const string RunKind = "intent-eval";

    public static Command Build()
    {
        var model = Model();
        var data = new Option<string>("--data") { Description = "Labelled data: CSV with a header row, or JSONL.", Required = true };
        var textColumn = TextColumn();
        var labelColumn = LabelColumn();
        var outputs = new RunOutputs();

        var command = new Command("intent", "Evaluate an intent model: accuracy, macro-F1, out-of-scope recall, calibration, confusions, latency.")
        {
            model, data, textColumn, labelColumn,
        };
        foreach (var option in outputs.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var console = CliApp.ConsoleFor(parseResult);
            var modelFile = ModelFile.Read(parseResult.GetRequiredValue(model));
            var loaded = ModelArtifact.Deserialize(modelFile.Bytes);
            var examples = LabeledDataReader.Read(parseResult.GetRequiredValue(data), parseResult.GetRequiredValue(textColumn), parseResult.GetRequiredValue(labelColumn));
            var report = await CliApp.WithProgress(console, "Evaluating", progress => IntentEvaluator.Evaluate(loaded, examples, progress, cancellationToken));

            console.WriteLine($"Evaluated {report.Examples} examples");
            console.WriteLine($"  accuracy                    {Percent(report.Accuracy)}");
            console.WriteLine($"  accuracy (top label)        {Percent(report.ArgmaxAccuracy)}");
            console.WriteLine($"  macro-F1                    {Percent(report.MacroF1)}");
            if (report.OosRecall is { } recall)
            {
                console.WriteLine($"  in-scope accuracy           {(report.InScopeAccuracy is { } a ? Percent(a) : "n/a")}");
                console.WriteLine($"  out-of-scope recall         {Percent(recall)}");
            }
            console.WriteLine($"  judged out of scope         {Percent(report.OosRejected)} (label '{loaded.OosLabel}', threshold {Number(loaded.Threshold)})");
            console.WriteLine($"  ECE (15 bins)               {Number(report.ExpectedCalibrationError)}");
            console.WriteLine($"  latency per text            p50 {Number(report.LatencyP50Ms, "0.000")} ms, p95 {Number(report.LatencyP95Ms, "0.000")} ms, p99 {Number(report.LatencyP99Ms, "0.000")} ms");
            if (report.TopConfusions.Count > 0)
            {
                var table = new Table().Title("Most confused pairs").AddColumns("gold", "predicted", "count");
                foreach (var pair in report.TopConfusions)
                {
                    table.AddRow(Markup.Escape(pair.Gold), Markup.Escape(pair.Predicted), pair.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
                console.Write(table);
            }

            if (outputs.Wanted(parseResult))
            {
                var predictions = loaded.PredictBatch(examples.Select(e => e.Text).ToArray(), cancellationToken);
                var metrics = new Dictionary<string, object?>
                {
                    ["examples"] = report.Examples,
                    ["accuracy"] = report.Accuracy,
                    ["accuracy_argmax"] = report.ArgmaxAccuracy,
                    ["macro_f1"] = report.MacroF1,
                    ["in_scope_accuracy"] = report.InScopeAccuracy,
                    ["oos_recall"] = report.OosRecall,
                    ["oos_rejected"] = report.OosRejected,
                    ["ece"] = report.ExpectedCalibrationError,
                    ["oos_threshold"] = loaded.Threshold,
                };
                var run = new EvaluationRun
                {
                    Kind = RunKind,
                    Task = "intent",
                    ModelVersion = modelFile.Version,
                    ModelSha256 = modelFile.Sha256,
                    DatasetSha256 = RunRecords.DatasetSha256(examples),
                    DatasetRows = examples.Count,
                    DatasetSource = parseResult.GetRequiredValue(data),
                    MetricsJson = ReportJson.Serialize(metrics),
                    PerClassJson = ReportJson.Serialize(RunRecords.PerClass(examples, predictions)),
                    LatencyP50Ms = report.LatencyP50Ms,
                    LatencyP95Ms = report.LatencyP95Ms,
                    LatencyP99Ms = report.LatencyP99Ms,
                    ReliabilityJson = ReportJson.Serialize(RunRecords.Reliability(examples, predictions)),
                    ConfusionsJson = ReportJson.Serialize(report.TopConfusions),
                    Notes = parseResult.GetValue(outputs.Note),
                };
                await outputs.KeepAsync(parseResult, run, console, cancellationToken);
            }
            return 0;
        }));
        return command;
    }
}
