using System.Diagnostics;
using System.Threading.Channels;
using MassTransit;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Jobs.Pipelines;

namespace SpecialistPlatform.Jobs.Intake;

/// <summary>
/// Starts stored jobs: builds their routing slips from their kind and hands them to the broker, so the first step's
/// queue receives them with no hop through the workflow. Jobs travel in batches (docs/decisions/0013): a stored job
/// waits <see cref="PipelineOptions.DispatchLinger"/> for company, and the jobs of one kind waiting together share one
/// slip (at most <see cref="PipelineOptions.MaxJobsPerSlip"/>), which is what lets the broker and every step pay their
/// per-message costs once per batch instead of once per job. A job whose kind this process does not configure (accepted
/// before the kind was removed) goes to the workflow's StartJob queue instead, where it fails with the reason.
/// The request path only queues the job here (it is already stored, which is what a 202 promises);
/// <see cref="UndispatchedJobSweeper"/> catches any job whose dispatch did not happen (broker away, queue full, process
/// killed between commit and send). A job is marked dispatched (and Running) only after the broker confirmed its slip,
/// and the marks are written in batches by <see cref="DispatchMarks"/>, so the worst case, a crash before a batch of
/// marks is written, is a second routing slip for the job, which every step and the workflow's outcome handle as a repeat.
/// </summary>
/// <param name="service">The service dispatching (gateway, or workflow for bus intake): named in the intake audit record.</param>
public sealed class JobDispatcher(
    IBus bus, NpgsqlDataSource dataSource, DispatchMarks marks, IOptions<PipelineOptions> pipelines, string service, ILogger<JobDispatcher> logger)
    : BackgroundService
{
    /// <summary>Jobs queued beyond this are left to the sweeper (their rows are the outbox), so a broker outage cannot
    /// fill the memory with waiting texts.</summary>
    public const int MaxWaiting = 10_000;

    private static readonly Uri StartJobAddress = new($"queue:{ResourceNames.Queues.StartJob}");

    /// <summary>The source of the "dispatch routing slip" span, which continues each job's submission trace across the
    /// batching, so that one job shows as one trace from the HTTP request through every step to the workflow.</summary>
    public const string TracingSource = "SpecialistPlatform.Jobs";

    private static readonly ActivitySource Tracing = new(TracingSource);

    /// <summary>A stored job waiting for its slip, with the trace of the request that submitted it.</summary>
    private readonly record struct Queued(Job Job, ActivityContext Submission);

    private readonly Channel<Queued> _waiting = Channel.CreateBounded<Queued>(
        new BoundedChannelOptions(MaxWaiting) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Most text the queue holds in memory (UTF-16 bytes): with 1 MB texts, 10,000 waiting jobs would be 20 GB.</summary>
    public const long MaxWaitingTextBytes = 64L * 1024 * 1024;

    private long _waitingTextBytes;

    /// <summary>Queues a stored job for dispatch and returns at once; false when the queue is full, in count or in bytes
    /// (the sweeper sends the job later: its row is the outbox).</summary>
    public bool Enqueue(Job job)
    {
        var bytes = JobWriter.TextBytes(job);
        if (Interlocked.Add(ref _waitingTextBytes, bytes) > MaxWaitingTextBytes || !_waiting.Writer.TryWrite(new Queued(job, Activity.Current?.Context ?? default)))
        {
            Interlocked.Add(ref _waitingTextBytes, -bytes);
            return false;
        }

        return true;
    }

    /// <summary>Sends the jobs' routing slips now, one per kind cut by <see cref="Slips"/>, all at once; answers the jobs
    /// whose slips the broker took (the others stay for the next sweep).</summary>
    public Task<IReadOnlyList<Guid>> DispatchAsync(IReadOnlyList<Job> jobs, CancellationToken cancellationToken) =>
        DispatchAsync([.. jobs.Select(job => new Queued(job, default))], cancellationToken);

    private async Task<IReadOnlyList<Guid>> DispatchAsync(IReadOnlyList<Queued> queued, CancellationToken cancellationToken)
    {
        var submissions = queued.Where(q => q.Submission != default).ToDictionary(q => q.Job.Id, q => q.Submission);
        var slips = queued.Select(q => q.Job).GroupBy(job => job.Kind, StringComparer.Ordinal)
            .SelectMany(kind => Slips(kind, pipelines.Value.MaxJobsPerSlip))
            .Select(slip => SendAsync(slip, submissions, cancellationToken));
        return [.. (await Task.WhenAll(slips)).SelectMany(sent => sent)];
    }

    /// <summary>Most text one slip carries (characters): large texts (up to Pipelines:MaxTextBytes each) go in slips of
    /// their own or a few together, so a batch never becomes a message of hundreds of megabytes.</summary>
    public const int MaxSlipTextLength = 4 * 1024 * 1024;

    /// <summary>Cuts jobs of one kind into slips of at most <paramref name="maxJobs"/> jobs and
    /// <see cref="MaxSlipTextLength"/> characters of text (a larger text travels alone), keeping their order.</summary>
    public static IEnumerable<Job[]> Slips(IEnumerable<Job> jobs, int maxJobs)
    {
        var slip = new List<Job>();
        var length = 0L;
        foreach (var job in jobs)
        {
            if (slip.Count > 0 && (slip.Count == maxJobs || length + job.Text.Length > MaxSlipTextLength))
            {
                yield return [.. slip];
                slip.Clear();
                length = 0;
            }

            slip.Add(job);
            length += job.Text.Length;
        }

        if (slip.Count > 0)
        {
            yield return [.. slip];
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Jobs still queued at shutdown stay undispatched in the database; the sweeper sends them after the next start.
        var batch = new List<Queued>();
        while (await _waiting.Reader.WaitToReadAsync(stoppingToken))
        {
            if (pipelines.Value.DispatchLinger > TimeSpan.Zero)
            {
                await Task.Delay(pipelines.Value.DispatchLinger, stoppingToken);
            }

            // While these slips are on their way, the next batch gathers.
            while (batch.Count < 10 * pipelines.Value.MaxJobsPerSlip && _waiting.Reader.TryRead(out var job))
            {
                batch.Add(job);
                Interlocked.Add(ref _waitingTextBytes, -JobWriter.TextBytes(job.Job));
            }

            await DispatchAsync(batch, stoppingToken);
            batch.Clear();
        }
    }

    private async Task<Guid[]> SendAsync(Job[] jobs, IReadOnlyDictionary<Guid, ActivityContext> submissions, CancellationToken cancellationToken)
    {
        // The slip continues the trace of its first job's submission and links the others' (a span has one parent).
        var traces = jobs.Select(job => submissions.GetValueOrDefault(job.Id)).Where(trace => trace != default).ToList();
        using var activity = Tracing.StartActivity("dispatch routing slip", ActivityKind.Producer,
            traces.FirstOrDefault(), links: traces.Skip(1).Select(trace => new ActivityLink(trace)));
        activity?.SetTag("specialist.jobs", jobs.Length);
        activity?.SetTag("specialist.kind", jobs[0].Kind);
        try
        {
            // Each job's due slip is recorded before its slip (or StartJob) leaves: its end may arrive before the send
            // returns, and the workflow records an outcome only from the due slip.
            if (pipelines.Value.Kinds.TryGetValue(jobs[0].Kind, out var kind))
            {
                var slip = JobItinerary.Build(DueSlips.NewTrackingNumber(), jobs, kind, service);
                await DueSlips.RecordAsync(dataSource, [.. jobs.Select(job => (job.Id, slip.TrackingNumber))], cancellationToken);
                await bus.Execute(slip, cancellationToken);
            }
            else
            {
                var starts = jobs.Select(job => new StartJob(job.Id, job.TenantId, job.Kind) { SlipTrackingNumber = DueSlips.NewTrackingNumber() }).ToList();
                await DueSlips.RecordAsync(dataSource, [.. starts.Select(start => (start.JobId, start.SlipTrackingNumber!.Value))], cancellationToken);
                var endpoint = await bus.GetSendEndpoint(StartJobAddress);
                await endpoint.SendBatch(starts, cancellationToken);
            }

            var sent = jobs.Select(job => job.Id).ToArray();
            marks.Add(sent);
            return sent;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "{Count} job(s) of kind {Kind} are stored but not yet dispatched; the sweeper will retry", jobs.Length, jobs[0].Kind);
            return [];
        }
    }
}

/// <summary>Writes "dispatched" marks in batches: every 50 ms, or at once when 500 are waiting, and on shutdown.</summary>
public sealed class DispatchMarks(NpgsqlDataSource dataSource, ILogger<DispatchMarks> logger) : BackgroundService
{
    private readonly Channel<Guid> _pending = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Add(IEnumerable<Guid> jobIds)
    {
        foreach (var id in jobIds)
        {
            _pending.Writer.TryWrite(id);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Guid>();
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), stoppingToken);
                while (batch.Count < 500 && _pending.Reader.TryRead(out var id))
                {
                    batch.Add(id);
                }

                await WriteAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            while (_pending.Reader.TryRead(out var id))
            {
                batch.Add(id);
            }

            await WriteAsync(batch, CancellationToken.None);
        }
    }

    private async Task WriteAsync(List<Guid> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            await using var command = dataSource.CreateCommand("""
                UPDATE jobs SET "DispatchedAt" = now(),
                    "Status" = CASE WHEN "Status" = 'Accepted' THEN 'Running' ELSE "Status" END,
                    "UpdatedAt" = CASE WHEN "Status" = 'Accepted' THEN now() ELSE "UpdatedAt" END
                WHERE "Id" = ANY(@ids) AND "DispatchedAt" IS NULL
                """);
            command.Parameters.AddWithValue("ids", batch.ToArray());
            await command.ExecuteNonQueryAsync(cancellationToken);
            batch.Clear();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // Left in the batch and tried again with the next one; meanwhile the sweeper may dispatch the job a
            // second time, which is harmless.
            logger.LogWarning(e, "Could not mark {Count} job(s) dispatched; retrying", batch.Count);
        }
    }
}

/// <summary>The outbox's relay: every second, dispatches jobs stored more than a few seconds ago and still not
/// dispatched.</summary>
public sealed class UndispatchedJobSweeper(IServiceScopeFactory scopes, JobDispatcher dispatcher, ILogger<UndispatchedJobSweeper> logger)
    : BackgroundService
{
    // Longer than a dispatch takes even on an overloaded machine (the request path waits for the broker's confirm, then
    // the mark waits for its batch): with 3 s a freshly started, overloaded platform sent some slips twice.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

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
        var dispatched = (await dispatcher.DispatchAsync(pending, cancellationToken)).Count;

        if (dispatched > 0)
        {
            logger.LogInformation("Dispatched {Count} job(s) that had been stored but not dispatched", dispatched);
        }

        return dispatched;
    }
}
