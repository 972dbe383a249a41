using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Registry;
using SpecialistPlatform.Jobs.Intake;

namespace SpecialistPlatform.Jobs.Audit;

/// <summary>
/// Promoting, rolling back and retiring a model version with an audit record of each change, written in the same
/// transaction as the change (the registry joins it), so a model never changes without its record and no record
/// tells of a change that was rolled back.
/// The registry's models decide every tenant's jobs, so the record goes into every tenant's trail: a tenant's auditor
/// sees, in their own trail, when and by whom the model that decided their jobs changed. Each tenant's record has its
/// own JobId ((JobId, Step) is unique) and all of them name the same change id.
/// </summary>
public sealed class AuditedModelRegistry(PlatformDbContext db, AuditTrailWriter writer, TimeProvider clock)
{
    public const string Promoted = "model-promoted";
    public const string RolledBack = "model-rolled-back";
    public const string Retired = "model-retired";

    private readonly ModelRegistry _registry = new(db);

    public async Task<RegisteredModel> PromoteAsync(string task, string name, string version, ModelStatus to, ChangeActor actor,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = await _registry.ServingAsync(task, name, cancellationToken);
        var replaced = to == ModelStatus.Active ? before.Active : before.Shadow;
        var promoted = await _registry.PromoteAsync(task, name, version, to, cancellationToken);
        if (replaced?.Version == promoted.Version)
        {
            return promoted; // Already so: nothing changed, nothing to record.
        }

        await RecordAsync(promoted, Promoted,
            $"to={Status(to)}; replaces={replaced?.Version ?? "none"}", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return promoted;
    }

    public async Task<(RegisteredModel Retired, RegisteredModel Active)> RollbackAsync(string task, string name, ChangeActor actor,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (retired, active) = await _registry.RollbackAsync(task, name, cancellationToken);
        await RecordAsync(active, RolledBack, $"retired={retired.Version}", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (retired, active);
    }

    public async Task<RegisteredModel> RetireAsync(string task, string name, string version, ChangeActor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var retired = await _registry.RetireAsync(task, name, version, cancellationToken);
        await RecordAsync(retired, Retired, "", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return retired;
    }

    private async Task RecordAsync(RegisteredModel model, string decision, string change, ChangeActor actor, CancellationToken cancellationToken)
    {
        var changeId = Guid.CreateVersion7();
        var detail = $"change={changeId}; model={model.Task}/{model.Name}; version={model.Version}" +
                     (change.Length > 0 ? $"; {change}" : "") + $"; by={actor.By}";
        var now = clock.GetUtcNow();
        var tenants = await db.Tenants.AsNoTracking().Select(t => t.Id).OrderBy(id => id).ToListAsync(cancellationToken);
        var records = tenants.Select(tenant => new RecordAudit
        {
            JobId = Guid.CreateVersion7(),
            TenantId = tenant,
            Step = ResourceNames.Steps.ModelRegistry,
            Service = actor.Service,
            Model = $"{model.Task}/{model.Name}",
            ModelVersion = model.Version,
            // There is no job input: the hash is of what the record says, so the column keeps its meaning (a digest).
            InputSha256 = JobIntake.Sha256(detail),
            Decision = decision,
            Detail = detail,
            OccurredAt = now,
        }).ToList();
        // The context's own connection, inside its open transaction: the records commit or roll back with the change.
        await writer.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), records, cancellationToken);
    }

    private static string Status(ModelStatus status) => status.ToString().ToLower(CultureInfo.InvariantCulture);
}
