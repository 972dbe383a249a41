using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using SpecialistPlatform.Data;
using SpecialistPlatform.Jobs.Intake;
using SpecialistPlatform.Jobs.Pipelines;

namespace SpecialistPlatform.Workflow;

/// <summary>
/// The lease on every dispatched job: a job that has not finished (or reached its escalation, which renews the lease)
/// within <see cref="PipelineOptions.StallTimeout"/> of its last dispatch, measured in the platform's progress
/// (<see cref="JobProgress"/>) rather than the wall clock, lost a message somewhere (a slip end that
/// went to a dead-letter queue while Postgres was down, a step killed between its work and its send). Its routing slip
/// is sent again from the first step, which every step, the audit trail and the outcome handle as a repeat; after
/// <see cref="PipelineOptions.MaxStallRedispatches"/> sends it fails with the reason instead. Without this, a job
/// whose slip end died with the database stayed Running forever (issue 17).
/// A lease is renewed only by a send the broker confirmed, so a broker outage does not use up a job's sends.
/// </summary>
public sealed class StalledJobSweeper(
    IServiceScopeFactory scopes, NpgsqlDataSource dataSource, JobDispatcher dispatcher, JobOutcomes outcomes, JobProgress progress, IBus bus,
    IOptions<PipelineOptions> pipelines, TimeProvider time, ILogger<StalledJobSweeper> logger) : BackgroundService
{
    private const int MaxJobsPerSweep = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A fraction of the timeout, so a stalled job waits at most about 1.2 times the timeout.
        using var timer = new PeriodicTimer(pipelines.Value.StallTimeout / 5, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sweeping stalled jobs failed; trying again at the next tick");
            }
        }
    }

    /// <summary>One sweep: answers how many stalled jobs were sent again and how many failed.</summary>
    public async Task<(int Redispatched, int Failed)> SweepAsync(CancellationToken cancellationToken)
    {
        var options = pipelines.Value;
        if (progress.StallReference(options.StallTimeout) is not { } reference)
        {
            return (0, 0);
        }

        var cutoff = reference - options.StallTimeout;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var stalled = await db.Jobs.AsNoTracking()
            .Where(j => (j.Status == Data.Entities.JobStatus.Accepted || j.Status == Data.Entities.JobStatus.Running)
                        && j.DispatchedAt != null && j.DispatchedAt < cutoff)
            .OrderBy(j => j.DispatchedAt)
            .Take(MaxJobsPerSweep)
            .ToListAsync(cancellationToken);
        if (stalled.Count == 0)
        {
            return (0, 0);
        }

        var exhausted = stalled.Where(j => j.StallRedispatches >= options.MaxStallRedispatches).ToList();
        var failed = 0;
        if (exhausted.Count > 0)
        {
            var recorded = await outcomes.RecordAsync([.. exhausted.Select(job => JobOutcome.Failed(job.Id,
                $"stalled: not finished within {options.StallTimeout.TotalSeconds:0} s of any of its {job.StallRedispatches + 1} dispatches " +
                "(a step or the workflow lost its routing slip each time; its audit trail shows the steps that ran)", []))], cancellationToken);
            await JobOutcomes.PublishAsync(bus, recorded, cancellationToken);
            failed = recorded.Count;
        }

        var again = stalled.Where(j => j.StallRedispatches < options.MaxStallRedispatches).ToList();
        var sent = again.Count == 0 ? [] : await dispatcher.DispatchAsync(again, cancellationToken);
        if (sent.Count > 0)
        {
            await RenewLeasesAsync(dataSource, sent, resent: true, cancellationToken);
        }

        if (sent.Count > 0 || failed > 0)
        {
            logger.LogWarning("Stalled jobs (no outcome {Timeout} s after dispatch): {Sent} sent again, {Failed} failed after {Max} resends",
                options.StallTimeout.TotalSeconds, sent.Count, failed, options.MaxStallRedispatches);
        }

        return (sent.Count, failed);
    }

    /// <summary>Starts the jobs' leases again: after a resend the broker confirmed (<paramref name="resent"/>, which also
    /// counts against the job's resends), or on progress (the jobs reached their escalation, whose leg gets a lease of its
    /// own). A finished job keeps its lease; a resend is counted even when the job finished before this ran (a resent slip
    /// can complete within the moment between the broker's confirm and this update).</summary>
    public static async Task RenewLeasesAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<Guid> jobIds, bool resent, CancellationToken cancellationToken)
    {
        await using var renew = dataSource.CreateCommand("""
            UPDATE jobs SET
                "DispatchedAt" = CASE WHEN "Status" IN ('Accepted', 'Running') THEN now() ELSE "DispatchedAt" END,
                "StallRedispatches" = "StallRedispatches" + CASE WHEN @resent THEN 1 ELSE 0 END
            WHERE "Id" = ANY(@ids) AND (@resent OR "Status" IN ('Accepted', 'Running'))
            """);
        renew.Parameters.AddWithValue("ids", jobIds.ToArray());
        renew.Parameters.AddWithValue("resent", resent);
        await renew.ExecuteNonQueryAsync(cancellationToken);
    }
}
