using System.CommandLine;
using Spectre.Console;
using SpecialistPlatform.Cli.Platform;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Evaluation.Reports;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>Where an evaluation or calibration run goes besides the console: Postgres (--store), an HTML page (--report).</summary>
internal sealed class RunOutputs
{
    public Option<bool> Store { get; } = new("--store")
    {
        Description = "Save the run (metrics, per-class numbers, sweep, reliability, confusions, latency, costs) in Postgres and print its id.",
    };

    public Option<string?> Report { get; } = new("--report") { Description = "Also write the run as a self-contained HTML report to this file (no database needed)." };

    public Option<string?> Note { get; } = new("--note") { Description = "A note kept with the run." };

    public PlatformDatabase Database { get; } = new();

    public IEnumerable<Option> Options => [Store, Report, Note, Database.Db, Database.DataDir];

    public bool Wanted(ParseResult parseResult) => parseResult.GetValue(Store) || parseResult.GetValue(Report) is not null;

    public async Task KeepAsync(ParseResult parseResult, EvaluationRun run, IAnsiConsole console, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(Store))
        {
            await using var context = Database.Open(parseResult);
            context.EvaluationRuns.Add(run);
            await context.SaveChangesAsync(cancellationToken);
            console.WriteLine($"Stored evaluation run {run.Id}");
        }

        if (parseResult.GetValue(Report) is { } path)
        {
            await File.WriteAllTextAsync(path, EvaluationReport.Render(run), cancellationToken);
            console.WriteLine($"Wrote {Path.GetFullPath(path)}");
        }
    }
}
