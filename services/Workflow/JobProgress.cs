namespace SpecialistPlatform.Workflow;

/// <summary>
/// How far the platform has got through its work, as this workflow sees outcomes recorded: the creation time of the
/// newest job it has finished. The stalled-job sweeper measures a job's lease against this rather than the wall clock,
/// so that a backlog (after a restart, under overload) is not mistaken for lost jobs: a job is stalled only when jobs
/// created a whole stall timeout after its last dispatch have already finished. When no outcome at all has been
/// recorded for a stall timeout (the platform is idle, or everything in flight was lost), the wall clock stands in.
/// Without this, a chaos run at 200 jobs/s resent thousands of merely queued jobs after a restart, which deepened the
/// very backlog that made them look stalled.
/// </summary>
public sealed class JobProgress(TimeProvider time)
{
    private long _newestFinishedCreatedAt;
    private long _lastOutcomeAt = time.GetUtcNow().UtcTicks;

    public void Finished(IReadOnlyCollection<DateTimeOffset> createdAt)
    {
        // A batch that recorded nothing (every outcome a repeat of a different one) is no sign of progress.
        if (createdAt.Count == 0)
        {
            return;
        }

        foreach (var created in createdAt)
        {
            var ticks = created.UtcTicks;
            var seen = Interlocked.Read(ref _newestFinishedCreatedAt);
            while (ticks > seen)
            {
                var previous = Interlocked.CompareExchange(ref _newestFinishedCreatedAt, ticks, seen);
                if (previous == seen)
                {
                    break;
                }

                seen = previous;
            }
        }

        Interlocked.Exchange(ref _lastOutcomeAt, time.GetUtcNow().UtcTicks);
    }

    /// <summary>The instant a lease is measured against; null while nothing has finished since this process started and a
    /// stall timeout has not yet passed (a restarted workflow first drains what waits for it).</summary>
    public DateTimeOffset? StallReference(TimeSpan stallTimeout)
    {
        var now = time.GetUtcNow();
        if (now - new DateTimeOffset(Interlocked.Read(ref _lastOutcomeAt), TimeSpan.Zero) > stallTimeout)
        {
            return now;
        }

        var newest = Interlocked.Read(ref _newestFinishedCreatedAt);
        return newest == 0 ? null : new DateTimeOffset(newest, TimeSpan.Zero);
    }
}
