using MassTransit;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SpecialistPlatform.Jobs.Intake;

/// <summary>
/// Hands stored jobs to the workflow. The request path dispatches at once; <see cref="UndispatchedJobSweeper"/>
/// catches any job whose dispatch did not happen (broker away, process killed between commit and send). A job is
/// marked dispatched only after the broker confirmed the send, so the worst case is a duplicate StartJob, which
/// the workflow ignores.
/// </summary>
public sealed class JobDispatcher(IBus bus, ILogger<JobDispatcher> logger)
{
    private static readonly Uri StartJobAddress = new($"queue:{ResourceNames.Queues.StartJob}");

    public async Task<bool> TryDispatchAsync(PlatformDbContext db, Job job, CancellationToken cancellationToken)
    {
        try
        {
            var endpoint = await bus.GetSendEndpoint(StartJobAddress);
            await endpoint.Send(new StartJob(job.Id, job.TenantId, job.Kind), cancellationToken);
            await db.Jobs.Where(j => j.Id == job.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(j => j.DispatchedAt, DateTimeOffset.UtcNow), cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Job {JobId} is stored but not yet dispatched; the sweeper will retry", job.Id);
            return false;
        }
    }
}

/// <summary>The outbox's relay: every second, dispatches jobs stored more than a few seconds ago and still not
/// dispatched.</summary>
public sealed class UndispatchedJobSweeper(IServiceScopeFactory scopes, JobDispatcher dispatcher, ILogger<UndispatchedJobSweeper> logger)
    : BackgroundService
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sweeping undispatched jobs failed; trying again in a second");
            }
        }
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var cutoff = DateTimeOffset.UtcNow - Grace;
        var pending = await db.Jobs.AsNoTracking()
            .Where(j => j.DispatchedAt == null && j.CreatedAt < cutoff)
            .OrderBy(j => j.CreatedAt)
            .Take(500)
            .ToListAsync(cancellationToken);
        var dispatched = 0;
        foreach (var job in pending)
        {
            if (await dispatcher.TryDispatchAsync(db, job, cancellationToken))
            {
                dispatched++;
            }
        }

        if (dispatched > 0)
        {
            logger.LogInformation("Dispatched {Count} job(s) that had been stored but not dispatched", dispatched);
        }

        return dispatched;
    }
}
