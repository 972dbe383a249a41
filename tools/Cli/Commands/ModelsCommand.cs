using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;
using SpecialistPlatform.Cli.Platform;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Registry;
using SpecialistPlatform.Jobs.Audit;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>
/// specialist models list|register|promote|rollback|retire: the model registry in the platform's Postgres. The
/// services pick up a promotion within seconds, without a restart.
/// </summary>
internal static class ModelsCommand
{
    public static Command Build()
    {
        return new Command("models", "The model registry: list versions, register a trained model, promote, roll back, retire.")
        {
            List(), Register(), Promote(), Rollback(), Retire(),
        };
    }

    private static Command List()
    {
        var (db, dataDir) = new PlatformDatabaseOptions();
        var task = new Option<string?>("--task") { Description = "Only this task (intent, extract, pii)." };
        var name = new Option<string?>("--name") { Description = "Only this model name." };
        var command = new Command("list", "List registered versions with their status and validation metrics.") { db, dataDir, task, name };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            await using var context = Open(parseResult, db, dataDir);
            var models = await new ModelRegistry(context).ListAsync(parseResult.GetValue(task), parseResult.GetValue(name), cancellationToken);
            var console = CliApp.ConsoleFor(parseResult);
            if (models.Count == 0)
            {
                console.WriteLine("The registry is empty.");
                return 0;
            }

            var table = new Table().AddColumns("task", "name", "version", "status", "size", "metrics", "escalate below", "created", "activated");
            foreach (var m in models)
            {
                table.AddRow(m.Task, Markup.Escape(m.Name), m.Version, m.Status.ToString().ToLowerInvariant(),
                    $"{m.SizeBytes / 1048576.0:0.0} MB", Markup.Escape(MetricsSummary(m.MetricsJson)),
                    m.EscalationThreshold?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-",
                    m.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                    m.ActivatedAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-");
            }

            console.Write(table);
            return 0;
        }));
        return command;
    }

    private static Command Register()
    {
        var (db, dataDir) = new PlatformDatabaseOptions();
        var (task, name) = ModelIdentity();
        var model = CommonOptions.Model();
        var promote = new Option<string?>("--promote") { Description = "Also promote it: shadow or active." };
        var note = new Option<string?>("--note") { Description = "Why this version exists (kept with it)." };
        var auditKey = AuditedChanges.AuditKeyFile();
        var command = new Command("register", "Store a trained model (DIR/model.bin and its model.json manifest) as a candidate version.")
        {
            db, dataDir, task, name, model, promote, note, auditKey,
        };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var directory = parseResult.GetRequiredValue(model);
            // A span tagger's directory holds tagger.bin and tagger.json; an intent model's model.bin and model.json.
            var artifactName = parseResult.GetRequiredValue(task) == "extract" ? ExtractCalibration.TaggerFileName : "model.bin";
            var file = Directory.Exists(directory) ? Path.Combine(directory, artifactName) : directory;
            if (!File.Exists(file))
            {
                throw new UsageException($"No model file at '{file}'.");
            }

            var manifestFile = Path.ChangeExtension(Path.GetFullPath(file), ".json");
            var manifest = File.Exists(manifestFile) ? JsonNode.Parse(await File.ReadAllTextAsync(manifestFile, cancellationToken)) : null;
            var metrics = manifest?["metrics"]?.ToJsonString() ?? "{}";
            var trainingData = manifest?["trainingDataSha256"]?.GetValue<string>();

            await using var context = Open(parseResult, db, dataDir);
            // Read the chain key before anything is stored, so a promotion that could not be recorded stores nothing either.
            await using var audited = parseResult.GetValue(promote) is null ? null : await AuditedAsync(parseResult, context, auditKey, dataDir, cancellationToken);
            var registry = new ModelRegistry(context);
            var registered = await registry.RegisterAsync(parseResult.GetRequiredValue(task), parseResult.GetRequiredValue(name),
                await File.ReadAllBytesAsync(file, cancellationToken), metrics, trainingData, parseResult.GetValue(note), cancellationToken);
            var console = CliApp.ConsoleFor(parseResult);
            console.WriteLine($"Registered {registered.Task}/{registered.Name} version {registered.Version} ({registered.Status.ToString().ToLowerInvariant()})");
            if (parseResult.GetValue(promote) is { } to && audited is not null)
            {
                var promoted = await audited.Registry.PromoteAsync(registered.Task, registered.Name, registered.Version, ParseStatus(to),
                    AuditedChanges.Actor(), cancellationToken);
                console.WriteLine($"Promoted {promoted.Version} to {promoted.Status.ToString().ToLowerInvariant()}");
            }

            return 0;
        }));
        return command;
    }

    private static Command Promote()
    {
        var (db, dataDir) = new PlatformDatabaseOptions();
        var (task, name) = ModelIdentity();
        var version = Version();
        var to = new Option<string>("--to") { Description = "shadow or active.", DefaultValueFactory = _ => "active" };
        var auditKey = AuditedChanges.AuditKeyFile();
        var command = new Command("promote", "Make a version the shadow or the active one; the previous active version is retired (see rollback).")
        {
            db, dataDir, task, name, version, to, auditKey,
        };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            await using var context = Open(parseResult, db, dataDir);
            await using var audited = await AuditedAsync(parseResult, context, auditKey, dataDir, cancellationToken);
            var promoted = await audited.Registry.PromoteAsync(parseResult.GetRequiredValue(task), parseResult.GetRequiredValue(name),
                parseResult.GetRequiredValue(version), ParseStatus(parseResult.GetRequiredValue(to)), AuditedChanges.Actor(), cancellationToken);
            CliApp.ConsoleFor(parseResult).WriteLine($"{promoted.Task}/{promoted.Name} {promoted.Version} is now {promoted.Status.ToString().ToLowerInvariant()}");
            return 0;
        }));
        return command;
    }

    private static Command Rollback()
    {
        var (db, dataDir) = new PlatformDatabaseOptions();
        var (task, name) = ModelIdentity();
        var auditKey = AuditedChanges.AuditKeyFile();
        var command = new Command("rollback", "Retire the active version and reactivate the one active before it.") { db, dataDir, task, name, auditKey };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            await using var context = Open(parseResult, db, dataDir);
            await using var audited = await AuditedAsync(parseResult, context, auditKey, dataDir, cancellationToken);
            var (retired, active) = await audited.Registry.RollbackAsync(
                parseResult.GetRequiredValue(task), parseResult.GetRequiredValue(name), AuditedChanges.Actor(), cancellationToken);
            CliApp.ConsoleFor(parseResult).WriteLine($"{active.Task}/{active.Name}: retired {retired.Version}, {active.Version} is active again");
            return 0;
        }));
        return command;
    }

    private static Command Retire()
    {
        var (db, dataDir) = new PlatformDatabaseOptions();
        var (task, name) = ModelIdentity();
        var version = Version();
        var auditKey = AuditedChanges.AuditKeyFile();
        var command = new Command("retire", "Take a version out of service (it stays in the registry).") { db, dataDir, task, name, version, auditKey };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            await using var context = Open(parseResult, db, dataDir);
            await using var audited = await AuditedAsync(parseResult, context, auditKey, dataDir, cancellationToken);
            var retired = await audited.Registry.RetireAsync(parseResult.GetRequiredValue(task), parseResult.GetRequiredValue(name),
                parseResult.GetRequiredValue(version), AuditedChanges.Actor(), cancellationToken);
            CliApp.ConsoleFor(parseResult).WriteLine($"{retired.Task}/{retired.Name} {retired.Version} is retired");
            return 0;
        }));
        return command;
    }

    private static (Option<string> Task, Option<string> Name) ModelIdentity() => (
        new Option<string>("--task") { Description = "intent, extract or pii.", DefaultValueFactory = _ => "intent" },
        new Option<string>("--name") { Description = "The model's registry name, e.g. banking77.", Required = true });

    private static Option<string> Version() => new("--version") { Description = "The version (12 hex digits, from `models list`).", Required = true };

    private static PlatformDbContext Open(ParseResult parseResult, Option<string?> db, Option<string> dataDir) =>
        PlatformDatabaseOptions.Open(parseResult, db, dataDir);

    /// <summary>The registry whose changes are recorded in every tenant's audit trail (read the chain key first: a change
    /// that cannot be recorded is not made).</summary>
    private static async Task<AuditedRegistry> AuditedAsync(ParseResult parseResult, PlatformDbContext context, Option<string?> auditKey,
        Option<string> dataDir, CancellationToken cancellationToken)
    {
        var lease = AuditedChanges.Writer(context, await AuditedChanges.ChainAsync(parseResult, auditKey, dataDir, cancellationToken));
        return new AuditedRegistry(new AuditedModelRegistry(context, lease.Writer, TimeProvider.System), lease);
    }

    private sealed record AuditedRegistry(AuditedModelRegistry Registry, AuditedChanges.AuditWriterLease Lease) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Lease.DisposeAsync();
    }

    private static ModelStatus ParseStatus(string value) => value.ToLowerInvariant() switch
    {
        "shadow" => ModelStatus.Shadow,
        "active" => ModelStatus.Active,
        _ => throw new UsageException($"'{value}' is not a status a version can be promoted to: use shadow or active."),
    };

    private static string MetricsSummary(string metricsJson)
    {
        using var document = JsonDocument.Parse(metricsJson);
        return string.Join(", ", document.RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Number)
            .Take(3)
            .Select(p => $"{p.Name} {p.Value.GetDouble().ToString("0.####", CultureInfo.InvariantCulture)}"));
    }
}
