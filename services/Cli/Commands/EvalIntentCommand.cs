using System.CommandLine;
using Spectre.Console;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Data;
using SpecialistPlatform.MachineLearning.Training;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist eval intent --model DIR --data FILE</summary>
internal static class EvalIntentCommand
{
    public static Command Build()
    {
        var model = Model();
        var data = new Option<string>("--data") { Description = "Labelled data: CSV with a header row, or JSONL.", Required = true };
        var textColumn = TextColumn();
        var labelColumn = LabelColumn();

        var command = new Command("intent", "Evaluate an intent model: accuracy, macro-F1, out-of-scope recall, calibration, confusions, latency.")
        {
            model, data, textColumn, labelColumn,
        };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var console = CliApp.ConsoleFor(parseResult);
            var loaded = ModelArtifact.Load(parseResult.GetRequiredValue(model));
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
            return 0;
        }));
        return command;
    }
}
