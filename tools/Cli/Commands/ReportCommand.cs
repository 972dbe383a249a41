using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using SpecialistPlatform.Cli.Platform;
using SpecialistPlatform.Evaluation.Reports;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist report --run ID --out FILE.html: a stored evaluation or calibration run as a self-contained page.</summary>
internal static class ReportCommand
{
    public static Command Build()
    {
        var run = new Option<string>("--run") { Description = "The evaluation run's id (printed by eval/calibrate --store).", Required = true };
        var output = new Option<string>("--out") { Description = "The HTML file to write.", Required = true };
        var database = new PlatformDatabase();
        var command = new Command("report", "Write a stored evaluation or calibration run as one self-contained HTML page (inline CSS and SVG, no script).")
        {
            run, output, database.Db, database.DataDir,
        };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var idText = parseResult.GetRequiredValue(run);
            if (!Guid.TryParse(idText, out var id))
            {
                throw new UsageException($"'{idText}' is not a run id (a GUID, as printed by --store).");
            }

            await using var context = database.Open(parseResult);
            var stored = await context.EvaluationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
                ?? throw new UsageException($"No evaluation run {id} in this database.");
            var path = parseResult.GetRequiredValue(output);
            await File.WriteAllTextAsync(path, EvaluationReport.Render(stored), cancellationToken);
            CliApp.ConsoleFor(parseResult).WriteLine($"Wrote {Path.GetFullPath(path)}");
            return 0;
        }));
        return command;
    }
}
