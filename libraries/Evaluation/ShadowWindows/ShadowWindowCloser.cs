using Microsoft.EntityFrameworkCore;
using Npgsql;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;

namespace SpecialistPlatform.Evaluation.ShadowWindows;

/// <summary>
/// Closes shadow windows: every window of time that has ended and has comparisons gets one evaluation run per tenant and
/// router version. Windows are aligned to multiples of their length since the Unix epoch, so every instance cuts time
/// the same way, and a unique index (kind, tenant, version, window start) keeps exactly one summary when two instances
/// close the same window. Comparisons carry their insertion time, so a closed window receives no late rows.
/// </summary>
public sealed class ShadowWindowCloser(PlatformDbContext db, TimeProvider time)
{
    public async Task<IReadOnlyList<EvaluationRun>> CloseEndedWindowsAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        if (window <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "A shadow window must be longer than zero.");
        }

        var closedUntil = WindowStartOf(time.GetUtcNow(), window);
        var summarisedUntil = await db.EvaluationRuns.AsNoTracking()
            .Where(r => r.Kind == ShadowWindowSummary.RunKind)
            .MaxAsync(r => r.WindowEnd, cancellationToken);
        var pending = db.FrontierComparisons.AsNoTracking().Where(c => c.CreatedAt < closedUntil);
        if (summarisedUntil is { } after)
        {
            pending = pending.Where(c => c.CreatedAt >= after);
        }

        var comparisons = await pending.ToListAsync(cancellationToken);
        var written = new List<EvaluationRun>();
        foreach (var group in comparisons.GroupBy(c => (c.TenantId, c.ModelVersion, Start: WindowStartOf(c.CreatedAt, window)))
                     .OrderBy(g => g.Key.Start).ThenBy(g => g.Key.TenantId, StringComparer.Ordinal).ThenBy(g => g.Key.ModelVersion, StringComparer.Ordinal))
        {
            var model = await db.ModelVersions.AsNoTracking()
                .Where(m => m.Task == "intent" && m.Version == group.Key.ModelVersion)
                .OrderByDescending(m => m.CreatedAt)
                .Select(m => new ShadowModel(m.Name, m.ArtifactSha256, m.EscalationThreshold))
                .FirstOrDefaultAsync(cancellationToken);
            var run = ShadowWindowSummary.Summarise(group.Key.TenantId, group.Key.ModelVersion, model, group.Key.Start, group.Key.Start + window, group.ToList());
            db.EvaluationRuns.Add(run);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                written.Add(run);
            }
            catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Another instance summarised this window first.
                db.Entry(run).State = EntityState.Detached;
            }
        }

        return written;
    }

    public static DateTimeOffset WindowStartOf(DateTimeOffset instant, TimeSpan window)
    {
        var ticks = instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks - ticks % window.Ticks);
    }
}
