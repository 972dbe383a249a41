using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Keys;
using SpecialistPlatform.Jobs.Intake;

namespace SpecialistPlatform.Jobs.Audit;

/// <summary>
/// Creating, rotating and revoking API keys with an audit record for each change, written in the same transaction as
/// the change: a key never changes without its record, and a record never tells of a change that was rolled back.
/// The record names the key's id, tenant, roles, expiry and who changed it; never its secret, its hash or its display
/// prefix (a piece of the secret), nor its free-text name. Being about no job, each record's JobId is a new id of the
/// change itself (the trail keeps one record per JobId and step).
/// </summary>
public sealed class AuditedApiKeys(PlatformDbContext db, ApiKeyStore store, AuditTrailWriter writer, TimeProvider clock)
{
    public const string Created = "key-created";
    public const string Rotated = "key-rotated";
    public const string Revoked = "key-revoked";

    public async Task<IssuedApiKey> CreateAsync(string tenantId, string name, IReadOnlyCollection<string> roles, DateTimeOffset? expiresAt,
        ChangeActor actor, CancellationToken cancellationToken, string? newTenantName = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var issued = await store.CreateAsync(tenantId, name, roles, expiresAt, cancellationToken, newTenantName);
        await RecordAsync(issued.Key, Created, $"key={issued.Key.Id}; {Describe(issued.Key)}", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return issued;
    }

    /// <summary>See <see cref="ApiKeyStore.RotateAsync"/>; null (and no record) when the key is not active.</summary>
    public async Task<IssuedApiKey?> RotateAsync(ApiKey old, TimeSpan grace, ChangeActor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await store.RotateAsync(old, grace, cancellationToken) is not { } issued)
        {
            return null;
        }

        await RecordAsync(issued.Key, Rotated,
            $"key={issued.Key.Id}; replaces={old.Id}; old-key-stops={Time(old.RevokedAt)}; {Describe(issued.Key)}", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return issued;
    }

    /// <summary>See <see cref="ApiKeyStore.RevokeAsync"/>. A key already stopped is left as it is, and nothing is recorded:
    /// nothing changed.</summary>
    public async Task RevokeAsync(ApiKey key, ChangeActor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = key.RevokedAt;
        await store.RevokeAsync(key, cancellationToken);
        if (key.RevokedAt == before)
        {
            return;
        }

        await RecordAsync(key, Revoked, $"key={key.Id}; revoked-at={Time(key.RevokedAt)}; {Describe(key)}", actor, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The development tenant's key, which the AppHost chooses and the migrations store (<see cref="ApiKeys.EnsureOnlyKeyAsync"/>):
    /// the key stored and each earlier dev key revoked get their records, so the dev tenant's trail shows every dev key
    /// that was ever valid and when it stopped. Returns how many were revoked.
    /// </summary>
    public async Task<int> EnsureOnlyKeyAsync(string tenantId, string tenantName, string key, string[] roles, ChangeActor actor,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changes = await ApiKeys.EnsureOnlyKeyAsync(db, tenantId, tenantName, key, roles, cancellationToken);
        if (changes.Created is { } created)
        {
            await RecordAsync(created, Created, $"key={created.Id}; {Describe(created)}", actor, cancellationToken);
        }

        foreach (var revoked in changes.Revoked)
        {
            await RecordAsync(revoked, Revoked, $"key={revoked.Id}; revoked-at={Time(revoked.RevokedAt)}; {Describe(revoked)}", actor, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return changes.Revoked.Count;
    }

    private async Task RecordAsync(ApiKey key, string decision, string detail, ChangeActor actor, CancellationToken cancellationToken)
    {
        detail += $"; by={actor.By}";
        var record = new RecordAudit
        {
            JobId = Guid.CreateVersion7(),
            TenantId = key.TenantId,
            Step = ResourceNames.Steps.KeyManagement,
            Service = actor.Service,
            // There is no job input: the hash is of what the record says, so the column keeps its meaning (a digest).
            InputSha256 = JobIntake.Sha256(detail),
            Decision = decision,
            Detail = detail,
            OccurredAt = clock.GetUtcNow(),
        };
        // The context's own connection, inside its open transaction: the record commits or rolls back with the key.
        await writer.AppendAsync((NpgsqlConnection)db.Database.GetDbConnection(), [record], cancellationToken);
    }

    private static string Describe(ApiKey key) => $"roles={string.Join(",", key.Roles)}; expires={Time(key.ExpiresAt)}";

    private static string Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "never";
}
