using Spectre.Console;
using SpecialistPlatform.MachineLearning.Moderation;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>The per-category table the moderation commands print; hand-written categories are marked as such.</summary>
internal static class ModerationTable
{
    public static void Write(IAnsiConsole console, string title, IEnumerable<ModerationCategoryReport> reports, ModerationModel model)
    {
        var table = new Table().Title(Markup.Escape(title))
            .AddColumns("category", "positives", "negatives", "threshold", "AUPRC", "precision", "recall", "flagged negatives", "F1", "macro-F1", "ECE", "target");
        foreach (var r in reports)
        {
            var head = model.Heads.FirstOrDefault(h => h.Category == r.Category);
            var name = ModerationCategories.HandWritten.Contains(r.Category) ? r.Category + " (hand-written data)" : r.Category;
            table.AddRow(Markup.Escape(name), r.Positives.ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Negatives.ToString(System.Globalization.CultureInfo.InvariantCulture), Number(r.Threshold, "0.000"),
                r.Positives == 0 ? "-" : Number(r.AveragePrecision), r.Positives == 0 ? "-" : Number(r.AtThreshold.Precision),
                r.Positives == 0 ? "-" : Number(r.AtThreshold.Recall), r.Negatives == 0 ? "-" : Percent(r.AtThreshold.FalsePositiveRate),
                r.Positives == 0 ? "-" : Number(r.AtThreshold.F1), Number(r.AtThreshold.MacroF1), Number(r.ExpectedCalibrationError),
                Markup.Escape(head?.Target.Describe() ?? "(any harm: the lowest harm threshold)"));
        }
        console.Write(table);
    }
}
