using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SpecialistPlatform.MachineLearning.Sequence;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist eval extract --model DIR --data FILE... --format F [--reference T]</summary>
internal static class EvalExtractCommand
{
    public static Command Build()
    {
        var model = ExtractOptions.Model();
        var data = ExtractOptions.DataFiles("Labelled data files to evaluate on.");
        var format = ExtractOptions.Format();
        var reference = ExtractOptions.Reference();
        var command = new Command("extract", "Exact-span precision, recall and F1 per slot and overall; value accuracy where the data has gold values.")
        {
            model, data, format, reference,
        };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, () =>
        {
            var console = CliApp.ConsoleFor(parseResult);
            var tagger = SpanTaggerArtifact.Load(parseResult.GetRequiredValue(model));
            var spanFormat = SpanDataReader.ParseFormat(parseResult.GetRequiredValue(format));
            var gold = ExtractOptions.ReadAll(parseResult.GetRequiredValue(data), spanFormat);
            var values = ExtractOptions.SlotValuesFor(parseResult.GetValue(reference), spanFormat);

            var predicted = tagger.PredictBatch(gold.Select(e => (e.Text, e.RequestedSlots)).ToArray(), cancellationToken);
            var evaluation = SpanEvaluation.Score(gold, predicted);
            console.WriteLine($"Evaluated {gold.Count} examples");
            WriteTable(console, evaluation);
            var overlap = SpanEvaluation.OverlapScore(gold, predicted);
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
            return Task.FromResult(0);
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
