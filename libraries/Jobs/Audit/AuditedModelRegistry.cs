using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Registry;
using SpecialistPlatform.Jobs.Intake;
using SpecialistPlatform.Jobs.Registry;

namespace SpecialistPlatform.Jobs.Audit;

/// <summary>
/// Promoting, rolling back and retiring a model version with an audit record of each change, written in the same
/// transaction as the change (the registry joins it), so a model never changes without its record and no record
/// tells of a change that was rolled back.
/// The registry's models decide every tenant's jobs, so the record goes into every tenant's trail: a tenant's auditor
/// sees, in their own trail, when and by whom the model that decided their jobs changed. Each tenant's record has its
/// own JobId ((JobId, Step) is unique) and all of them name the same change id.
/// A service's default model activated at first start is recorded the same way (<see cref="DefaultActivated"/>), by
/// that service, when its activation changed what serves.
/// </summary>
public sealed class AuditedModelRegistry(PlatformDbContext db, AuditTrailWriter writer, TimeProvider clock)
{
    public const string Promoted = "model-promoted";
    public const string RolledBack = "model-rolled-back";
    public const string Retired = "model-retired";

    /// <summary>A platform admin set the share of jobs the shadow version decides as a canary (docs/decisions/0030).</summary>
    public const string CanaryShareSet = "model-canary-share-set";

    /// <summary>A service's default model, trained at first start, became the active version of an empty registry. Sent
    /// by that service to the audit writer (it holds no chain key) rather than written in the change's transaction: see
    /// <see cref="RegistryFollower"/>.</summary>
    public const string DefaultActivated = "model-default-activated";

    private readonly ModelRegistry _registry = new(db);

    public async Task<RegisteredModel> PromoteAsync(string task, string name, string version, ModelStatus to, ChangeActor actor,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // What it replaces is read by the registry under the model's lock: read before it, two racing promotions could
        // both record the version that served before either of them.
        var promotion = await _registry.PromoteAsync(task, name, version, to, cancellationToken);
        if (!promotion.Changed)
        {
            return promotion.Promoted; // Already so: nothing changed, nothing to record.
        }

        await RecordAsync(promotion.Promoted, Promoted, PromotionChange(to, promotion), actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return promotion.Promoted;
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

    /// <summary>Sets the shadow's canary share (null: back to the serving services' own setting) with its record in
    /// every tenant's trail: a canary decides real jobs, so a tenant's auditor must see when its share changed.</summary>
    public async Task<CanaryShareChange> SetCanaryShareAsync(string task, string name, string version, double? share, ChangeActor actor,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var change = await _registry.SetCanaryShareAsync(task, name, version, share, cancellationToken);
        await RecordAsync(change.Shadow, CanaryShareSet, $"share={Share(share)}; previous={Share(change.Previous)}", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return change;
    }

    /// <summary>A share as the record writes it; "default" where the services' own setting applies.</summary>
    private static string Share(double? share) => share?.ToString("0.####", CultureInfo.InvariantCulture) ?? "default";

    private async Task RecordAsync(RegisteredModel model, string decision, string change, ChangeActor actor, CancellationToken cancellationToken)
    {
        var tenants = await TenantIdsAsync(db, cancellationToken);
        // The context's own connection, inside its open transaction: the records commit or roll back with the change.
        await writer.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(),
            Records(model, decision, change, actor, tenants, clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>Every tenant, in order: whose trails a registry change is recorded in.</summary>
    public static Task<List<string>> TenantIdsAsync(PlatformDbContext db, CancellationToken cancellationToken) =>
        db.Tenants.AsNoTracking().Select(t => t.Id).OrderBy(id => id).ToListAsync(cancellationToken);

    /// <summary>"to=active; replaces=..." for a promotion's record.</summary>
    public static string PromotionChange(ModelStatus to, ModelPromotion promotion) =>
        $"to={Status(to)}; replaces={promotion.Replaced?.Version ?? "none"}";

    /// <summary>One record of a registry change per tenant, all naming the same change id.</summary>
    public static IReadOnlyList<RecordAudit> Records(RegisteredModel model, string decision, string change, ChangeActor actor,
        IReadOnlyList<string> tenants, DateTimeOffset now)
    {
        var changeId = Guid.CreateVersion7();
        var detail = $"change={changeId}; model={model.Task}/{model.Name}; version={model.Version}" +
                     (change.Length > 0 ? $"; {change}" : "") + $"; by={actor.By}";
        return [.. tenants.Select(tenant => new RecordAudit
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
        })];
    }

    private static string Status(ModelStatus status) => status.ToString().ToLower(CultureInfo.InvariantCulture);
}
