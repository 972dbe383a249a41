using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Evaluation.Reports;
using SpecialistPlatform.MachineLearning.Sequence;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist eval extract --model DIR --data FILE... --format F [--reference T]</summary>
internal static class EvalExtractCommand
{
    public const string RunKind = "extract-eval";

    public static Command Build()
    {
        var model = ExtractOptions.Model();
        var data = ExtractOptions.DataFiles("Labelled data files to evaluate on.");
        var format = ExtractOptions.Format();
        var reference = ExtractOptions.Reference();
        var outputs = new RunOutputs();
        var command = new Command("extract", "Exact-span precision, recall and F1 per slot and overall; value accuracy where the data has gold values.")
        {
            model, data, format, reference,
        };
        foreach (var option in outputs.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var console = CliApp.ConsoleFor(parseResult);
            var spanFormat = SpanDataReader.ParseFormat(parseResult.GetRequiredValue(format));
            var gold = ExtractOptions.ReadAll(parseResult.GetRequiredValue(data), spanFormat);
            var values = ExtractOptions.SlotValuesFor(parseResult.GetValue(reference), spanFormat);

            var measured = ExtractCalibration.Measure(parseResult.GetRequiredValue(model), gold, cancellationToken);
            var predicted = measured.Predicted;
            var evaluation = measured.Spans;
            console.WriteLine($"Evaluated {gold.Count} examples");
            WriteTable(console, evaluation);
            var overlap = measured.Overlap;
            console.WriteLine($"Overlap match (same slot, overlapping span; lenient): precision {Number(overlap.Precision)}, recall {Number(overlap.Recall)}, F1 {Number(overlap.F1)}");

            // Value accuracy: of the gold spans whose gold value is of a kind the normaliser produces, the share
            // for which the model found a span of that slot whose text normalises to the same value.
            var total = 0;
            var correct = 0;
            var perSlot = new SortedDictionary<string, (int Correct, int Total)>(StringComparer.Ordinal);
            for (var i = 0; i < gold.Count; i++)
            {
                foreach (var span in gold[i].Spans)
                {
                    if (SlotValues.FromGold(span.Label, span.Value) is not { } expected)
                    {
                        continue;
                    }
                    var ok = predicted[i].Any(p => p.Label == span.Label && Equals(values.Normalize(p.Label, p.Text), expected));
                    total++;
                    correct += ok ? 1 : 0;
                    var (c, t) = perSlot.GetValueOrDefault(span.Label);
                    perSlot[span.Label] = (c + (ok ? 1 : 0), t + 1);
                }
            }
            if (total > 0)
            {
                console.WriteLine($"Value accuracy (gold values of date, time, number, absolute date range and money kinds): {Percent((double)correct / total)} ({correct}/{total})");
                foreach (var (slot, (c, t)) in perSlot)
                {
                    console.WriteLine($"  {slot,-20} {Percent((double)c / t),8} ({c}/{t})");
                }
            }
            console.WriteLine($"Utterances with every span exact: {Percent(measured.Correct.Count(c => c) / (double)gold.Count)}; "
                              + $"latency per utterance p50 {Number(measured.LatencyP50Ms, "0.000")} ms, p99 {Number(measured.LatencyP99Ms, "0.000")} ms");

            if (outputs.Wanted(parseResult))
            {
                var metrics = measured.Metrics();
                metrics["examples"] = gold.Count;
                metrics["value_accuracy"] = total > 0 ? (double)correct / total : null;
                var run = new EvaluationRun
                {
                    Kind = RunKind,
                    Task = "extract",
                    ModelVersion = measured.Model.Version,
                    ModelSha256 = measured.Model.Sha256,
                    DatasetSha256 = RunRecords.DatasetSha256(measured.Examples),
                    DatasetRows = gold.Count,
                    DatasetSource = string.Join(", ", parseResult.GetRequiredValue(data)),
                    MetricsJson = ReportJson.Serialize(metrics),
                    PerClassJson = ReportJson.Serialize(measured.PerSlot()),
                    LatencyP50Ms = measured.LatencyP50Ms,
                    LatencyP95Ms = measured.LatencyP95Ms,
                    LatencyP99Ms = measured.LatencyP99Ms,
                    ReliabilityJson = ReportJson.Serialize(measured.Reliability),
                    ConfusionsJson = ReportJson.Serialize(measured.Confusions),
                    Notes = parseResult.GetValue(outputs.Note),
                };
                await outputs.KeepAsync(parseResult, run, console, cancellationToken);
            }

            return 0;
        }));
        return command;
    }

    internal static void WriteTable(IAnsiConsole console, SpanEvaluation evaluation)
    {
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("slot").AddColumn(new TableColumn("precision").RightAligned()).AddColumn(new TableColumn("recall").RightAligned())
            .AddColumn(new TableColumn("F1").RightAligned()).AddColumn(new TableColumn("gold").RightAligned()).AddColumn(new TableColumn("predicted").RightAligned());
        void Row(string name, SpanScore s) => table.AddRow(Markup.Escape(name), Number(s.Precision), Number(s.Recall), Number(s.F1),
            s.Gold.ToString(CultureInfo.InvariantCulture), s.Predicted.ToString(CultureInfo.InvariantCulture));
        foreach (var (slot, score) in evaluation.PerSlot)
        {
            Row(slot, score);
        }
        Row("overall (micro)", evaluation.Overall);
        console.Write(table);
    }
}
