using System.Linq.Expressions;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SpecialistPlatform.Data.Entities;

namespace SpecialistPlatform.Data.Registry;

/// <summary>A registry entry without its artifact bytes.</summary>
public sealed record RegisteredModel(
    Guid Id, string Task, string Name, string Version, ModelStatus Status, long SizeBytes, string MetricsJson,
    double? EscalationThreshold, string? Note, DateTimeOffset CreatedAt, DateTimeOffset? ActivatedAt, DateTimeOffset? RetiredAt,
    double? CanaryShare = null);

/// <summary>A shadow version's agreement with the active one over time: the windows its services wrote, added up into
/// at most <see cref="ModelRegistry.AgreementPoints"/> spans of equal length.</summary>
public sealed record ShadowAgreementSeries(Guid ShadowModelId, string Task, string Name, string Version, IReadOnlyList<ShadowAgreementPoint> Points);

/// <summary>One span of a shadow's history: when it ended (the last window's end in it), how many live decisions both
/// versions made and on how many they agreed.</summary>
public sealed record ShadowAgreementPoint(DateTimeOffset At, long Compared, long Agreed);

/// <summary>What a canary share change did: the shadow it applies to and the share it replaced (null: the services'
/// own setting applied).</summary>
public sealed record CanaryShareChange(RegisteredModel Shadow, double? Previous);

/// <summary>What a service should serve for one model: the active version and, when there is one, the shadow.</summary>
public sealed record ServingModels(RegisteredModel? Active, RegisteredModel? Shadow);

/// <summary>What a promotion did: the promoted version, the one it took the place of (read under the model's lock, so
/// two racing promotions each see the other's result; null when there was none) and whether anything changed (false
/// when the version already had that status).</summary>
public sealed record ModelPromotion(RegisteredModel Promoted, RegisteredModel? Replaced, bool Changed);

/// <summary>A registry operation that cannot be done as asked; the message says why.</summary>
public sealed class ModelRegistryException(string message) : Exception(message);

/// <summary>
/// The model registry: versions with their metrics and life cycle (candidate → shadow → active → retired), promotion
/// and rollback. Every change for one model runs under a transaction-scoped advisory lock, and partial unique indexes
/// make "one active, one shadow" a database guarantee, so two operators promoting at once cannot leave two actives.
/// </summary>
public sealed class ModelRegistry(PlatformDbContext db)
{
    public static string VersionOf(byte[] artifact) => Convert.ToHexStringLower(SHA256.HashData(artifact))[..12];

    /// <summary>Stores an artifact as a new version (idempotent: the same bytes are the same version).</summary>
    public async Task<RegisteredModel> RegisterAsync(
        string task, string name, byte[] artifact, string metricsJson, string? trainingDataSha256, string? note, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(artifact));
        var version = sha[..12];
        await using var transaction = await LockAsync(task, name, cancellationToken);
        var existing = await db.ModelVersions.AsNoTracking().FirstOrDefaultAsync(
            m => m.Task == task && m.Name == name && m.Version == version, cancellationToken);
        if (existing is not null)
        {
            return View(existing);
        }

        var model = new ModelVersion
        {
            Task = task,
            Name = name,
            Version = version,
            Artifact = artifact,
            ArtifactSha256 = sha,
            TrainingDataSha256 = trainingDataSha256,
            MetricsJson = metricsJson,
            Note = note,
        };
        db.ModelVersions.Add(model);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(model);
    }

    /// <summary>Registers a model and makes it the active version: how a service's default model enters a fresh registry.
    /// Not changed when it is active already (another instance trained the same default first).</summary>
    public async Task<ModelPromotion> RegisterActiveAsync(
        string task, string name, byte[] artifact, string metricsJson, string? trainingDataSha256, string? note, CancellationToken cancellationToken)
    {
        var registered = await RegisterAsync(task, name, artifact, metricsJson, trainingDataSha256, note, cancellationToken);
        return await PromoteAsync(task, name, registered.Version, ModelStatus.Active, cancellationToken);
    }

    public async Task<IReadOnlyList<RegisteredModel>> ListAsync(string? task, string? name, CancellationToken cancellationToken)
    {
        return await db.ModelVersions.AsNoTracking()
            .Where(m => (task == null || m.Task == task) && (name == null || m.Name == name))
            .OrderBy(m => m.Task).ThenBy(m => m.Name).ThenBy(m => m.CreatedAt)
            .Select(Summary)
            .ToListAsync(cancellationToken);
    }

    public async Task<ServingModels> ServingAsync(string task, string name, CancellationToken cancellationToken)
    {
        var serving = await db.ModelVersions.AsNoTracking()
            .Where(m => m.Task == task && m.Name == name && (m.Status == ModelStatus.Active || m.Status == ModelStatus.Shadow))
            .Select(Summary)
            .ToListAsync(cancellationToken);
        return new ServingModels(serving.FirstOrDefault(m => m.Status == ModelStatus.Active), serving.FirstOrDefault(m => m.Status == ModelStatus.Shadow));
    }

    /// <summary>The artifact's bytes, checked against the SHA-256 recorded when it was registered.</summary>
    public async Task<byte[]> ArtifactAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.ModelVersions.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.Artifact, m.ArtifactSha256, m.Version }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ModelRegistryException($"Model {id} is not in the registry.");
        if (Convert.ToHexStringLower(SHA256.HashData(row.Artifact)) != row.ArtifactSha256)
        {
            throw new ModelRegistryException($"The stored artifact of version {row.Version} does not match its SHA-256: it was altered or damaged.");
        }

        return row.Artifact;
    }

    /// <summary>Makes a version the shadow (the previous shadow goes back to candidate) or the active one (the previous
    /// active version is retired and stays available for rollback).</summary>
    public async Task<ModelPromotion> PromoteAsync(string task, string name, string version, ModelStatus to, CancellationToken cancellationToken)
    {
        if (to is not (ModelStatus.Shadow or ModelStatus.Active))
        {
            throw new ModelRegistryException($"A version can be promoted to shadow or active, not to {to.ToString().ToLowerInvariant()}.");
        }

        await using var transaction = await LockAsync(task, name, cancellationToken);
        var target = await FindAsync(task, name, version, cancellationToken);
        if (target.Status == to)
        {
            return new ModelPromotion(View(target), View(target), Changed: false);
        }

        var now = DateTimeOffset.UtcNow;
        var current = await db.ModelVersions.FirstOrDefaultAsync(m => m.Task == task && m.Name == name && m.Status == to, cancellationToken);
        var replaced = current is null ? null : View(current);
        if (current is not null)
        {
            // A canary share belongs to one stint as the shadow: a version that leaves it starts the next without one.
            current.CanaryShare = null;
            current.Status = to == ModelStatus.Active ? ModelStatus.Retired : ModelStatus.Candidate;
            current.RetiredAt = to == ModelStatus.Active ? now : current.RetiredAt;
            await db.SaveChangesAsync(cancellationToken);
        }

        target.Status = to;
        target.CanaryShare = null;
        if (to == ModelStatus.Active)
        {
            target.ActivatedAt = now;
            target.RetiredAt = null;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ModelPromotion(View(target), replaced, Changed: true);
    }

    /// <summary>Retires the active version and reactivates the one that was active before it.</summary>
    public async Task<(RegisteredModel Retired, RegisteredModel Active)> RollbackAsync(string task, string name, CancellationToken cancellationToken)
    {
        await using var transaction = await LockAsync(task, name, cancellationToken);
        var current = await db.ModelVersions.FirstOrDefaultAsync(m => m.Task == task && m.Name == name && m.Status == ModelStatus.Active, cancellationToken)
            ?? throw new ModelRegistryException($"{task}/{name} has no active version to roll back.");
        var previous = await db.ModelVersions
            .Where(m => m.Task == task && m.Name == name && m.Status == ModelStatus.Retired && m.ActivatedAt != null)
            .OrderByDescending(m => m.RetiredAt)
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new ModelRegistryException($"{task}/{name} has no earlier active version to roll back to.");

        var now = DateTimeOffset.UtcNow;
        current.Status = ModelStatus.Retired;
        current.RetiredAt = now;
        await db.SaveChangesAsync(cancellationToken);
        previous.Status = ModelStatus.Active;
        previous.ActivatedAt = now;
        previous.RetiredAt = null;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (View(current), View(previous));
    }

    /// <summary>Takes a version out of service (it stays in the registry).</summary>
    public async Task<RegisteredModel> RetireAsync(string task, string name, string version, CancellationToken cancellationToken)
    {
        await using var transaction = await LockAsync(task, name, cancellationToken);
        var target = await FindAsync(task, name, version, cancellationToken);
        target.Status = ModelStatus.Retired;
        target.CanaryShare = null;
        target.RetiredAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View(target);
    }

    /// <summary>Records the escalation threshold calibrated for a version (see `specialist calibrate`).</summary>
    public async Task<RegisteredModel> SetEscalationThresholdAsync(string task, string name, string version, double threshold, CancellationToken cancellationToken)
    {
        var target = await FindAsync(task, name, version, cancellationToken);
        target.EscalationThreshold = threshold;
        await db.SaveChangesAsync(cancellationToken);
        return View(target);
    }

    /// <summary>Sets the share of jobs the shadow version decides as a canary (null: the serving services' own setting).
    /// Only the version that is the shadow right now, read under the model's lock: a form filled in before another
    /// shadow took its place must not hand the new one the old one's share.</summary>
    public async Task<CanaryShareChange> SetCanaryShareAsync(string task, string name, string version, double? share, CancellationToken cancellationToken)
    {
        if (share is { } value && (double.IsNaN(value) || value < 0 || value > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "A canary share is between 0 and 1.");
        }

        await using var transaction = await LockAsync(task, name, cancellationToken);
        var target = await FindAsync(task, name, version, cancellationToken);
        if (target.Status != ModelStatus.Shadow)
        {
            throw new ModelRegistryException(
                $"{task}/{name} version {version} is {target.Status.ToString().ToLowerInvariant()}, not the shadow: only the shadow decides a canary share.");
        }

        var previous = target.CanaryShare;
        target.CanaryShare = share;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CanaryShareChange(View(target), previous);
    }

    /// <summary>How many points a shadow's agreement history is cut into, whatever its length.</summary>
    public const int AgreementPoints = 48;

    /// <summary>
    /// Every version's shadow agreement over time, from the windows the serving services write every few seconds
    /// (<c>shadow_comparisons</c>; they are kept, so this is the history). Each version's span, first window to last, is
    /// cut into <see cref="AgreementPoints"/> equal bins counted in the database, so a shadow that ran for weeks sends
    /// 48 points, not every window.
    /// </summary>
    public async Task<IReadOnlyList<ShadowAgreementSeries>> ShadowAgreementAsync(string? task, string? name, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        try
        {
            await using var command = new NpgsqlCommand($"""
                WITH spans AS (
                    SELECT c."ShadowModelId", min(c."WindowEnd") AS first_end, max(c."WindowEnd") AS last_end
                    FROM shadow_comparisons c JOIN model_versions m ON m."Id" = c."ShadowModelId"
                    WHERE ($1::text IS NULL OR m."Task" = $1) AND ($2::text IS NULL OR m."Name" = $2)
                    GROUP BY c."ShadowModelId")
                SELECT m."Id", m."Task", m."Name", m."Version", max(c."WindowEnd"), sum(c."Compared"), sum(c."Agreed")
                FROM shadow_comparisons c
                JOIN spans s ON s."ShadowModelId" = c."ShadowModelId"
                JOIN model_versions m ON m."Id" = c."ShadowModelId"
                GROUP BY m."Id", m."Task", m."Name", m."Version",
                         date_bin(greatest((s.last_end - s.first_end) / {AgreementPoints}, interval '1 second'), c."WindowEnd", s.first_end)
                ORDER BY m."Task", m."Name", m."Version", 5
                """, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)task ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)name ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            var series = new List<ShadowAgreementSeries>();
            var points = new List<ShadowAgreementPoint>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                if (series.Count == 0 || series[^1].ShadowModelId != id)
                {
                    points = [];
                    series.Add(new ShadowAgreementSeries(id, reader.GetString(1), reader.GetString(2), reader.GetString(3), points));
                }

                points.Add(new ShadowAgreementPoint(reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt64(5), reader.GetInt64(6)));
            }

            return series;
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    public async Task RecordShadowAsync(ShadowComparison comparison, CancellationToken cancellationToken)
    {
        db.ShadowComparisons.Add(comparison);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<ModelVersion> FindAsync(string task, string name, string version, CancellationToken cancellationToken) =>
        await db.ModelVersions.FirstOrDefaultAsync(m => m.Task == task && m.Name == name && m.Version == version, cancellationToken)
        ?? throw new ModelRegistryException($"{task}/{name} has no version '{version}'.");

    /// <summary>
    /// The model's advisory lock inside a transaction: the caller's when it has one open on this context (so a change
    /// and its audit record commit together: see AuditedModelRegistry), else one of our own.
    /// </summary>
    private async Task<RegistryTransaction> LockAsync(string task, string name, CancellationToken cancellationToken)
    {
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var key = $"model:{task}:{name}";
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
        return new RegistryTransaction(owned);
    }

    /// <summary>Commits and disposes only a transaction the registry began; a caller's is the caller's to commit.</summary>
    private sealed class RegistryTransaction(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? owned) : IAsyncDisposable
    {
        public Task CommitAsync(CancellationToken cancellationToken) => owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

        public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    /// <summary>An entry without its bytes (filter and order before this projection: EF cannot see through it).</summary>
    private static readonly Expression<Func<ModelVersion, RegisteredModel>> Summary = m => new RegisteredModel(
        m.Id, m.Task, m.Name, m.Version, m.Status, m.Artifact.Length, m.MetricsJson, m.EscalationThreshold, m.Note, m.CreatedAt, m.ActivatedAt, m.RetiredAt, m.CanaryShare);

    private static RegisteredModel View(ModelVersion m) => new(
        m.Id, m.Task, m.Name, m.Version, m.Status, m.Artifact.Length, m.MetricsJson, m.EscalationThreshold, m.Note, m.CreatedAt, m.ActivatedAt, m.RetiredAt, m.CanaryShare);
}
