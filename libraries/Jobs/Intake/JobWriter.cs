using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using SpecialistPlatform.Data.Entities;

namespace SpecialistPlatform.Jobs.Intake;

/// <summary>
/// Stores accepted jobs with group commit: every submission waiting while the previous insert ran goes into the next
/// one (one multi-row INSERT and one commit for up to <see cref="MaxBatch"/> jobs), and each caller's answer waits for
/// its own job's commit, so a 202 still means "stored". There is no timer: a lone submission is written at once.
/// A batch that fails (a submission naming a tenant that does not exist) is retried one job at a time, so one bad job
/// fails alone. A job whose idempotency key the tenant already used is not stored; its caller is told so and answers
/// with the existing job.
/// </summary>
public sealed class JobWriter(NpgsqlDataSource dataSource, ILogger<JobWriter> logger) : BackgroundService
{
    public const int MaxBatch = 256;

    /// <summary>Most submissions waiting for their commit, and most text they may hold in memory (UTF-16 bytes); past
    /// either, <see cref="StoreAsync"/> refuses with <see cref="IntakeOverloadedException"/> instead of queueing.</summary>
    public const int MaxWaitingJobs = 20_000;

    public const long MaxWaitingTextBytes = 128L * 1024 * 1024;

    private long _waitingJobs;
    private long _waitingTextBytes;

    private sealed record Pending(Job Job, TaskCompletionSource<bool> Stored);

    private readonly Channel<Pending> _pending = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>True when the job was stored; false when its idempotency key was taken (by an earlier or racing
    /// submission), in which case nothing was stored.</summary>
    public Task<bool> StoreAsync(Job job, CancellationToken cancellationToken)
    {
        var bytes = TextBytes(job);
        var jobs = Interlocked.Increment(ref _waitingJobs);
        var text = Interlocked.Add(ref _waitingTextBytes, bytes);
        if (jobs > MaxWaitingJobs || text > MaxWaitingTextBytes)
        {
            Release(job);
            throw new IntakeOverloadedException(
                $"{jobs - 1:N0} submissions ({(text - bytes) / (1024 * 1024):N0} MiB of text) are already waiting to be stored; the limits are {MaxWaitingJobs:N0} and {MaxWaitingTextBytes / (1024 * 1024):N0} MiB.");
        }

        var pending = new Pending(job, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_pending.Writer.TryWrite(pending))
        {
            Release(job);
            throw new InvalidOperationException("The job writer is stopping; the job was not stored.");
        }

        // The caller may stop waiting; the job is stored anyway (the sweeper dispatches it), as with a plain insert.
        return pending.Stored.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await _pending.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                    Release(pending.Job);
                }

                await WriteAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _pending.Writer.TryComplete();
            while (_pending.Reader.TryRead(out var pending))
            {
                pending.Stored.TrySetCanceled(stoppingToken);
            }

            foreach (var pending in batch)
            {
                pending.Stored.TrySetCanceled(stoppingToken);
            }
        }
    }

    /// <summary>What a queued job's text holds in memory (UTF-16), the measure both intake queues are bounded by.</summary>
    internal static long TextBytes(Job job) => (long)job.Text.Length * sizeof(char);

    private void Release(Job job)
    {
        Interlocked.Decrement(ref _waitingJobs);
        Interlocked.Add(ref _waitingTextBytes, -TextBytes(job));
    }

    private async Task WriteAsync(List<Pending> batch, CancellationToken cancellationToken)
    {
        try
        {
            var stored = await InsertAsync([.. batch.Select(p => p.Job)], cancellationToken);
            foreach (var pending in batch)
            {
                pending.Stored.TrySetResult(stored.Contains(pending.Job.Id));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException && batch.Count > 1)
        {
            logger.LogWarning(e, "Storing {Count} jobs together failed; storing them one at a time", batch.Count);
            foreach (var pending in batch)
            {
                await WriteAsync([pending], cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            batch[0].Stored.TrySetException(e);
        }
    }

    private async Task<HashSet<Guid>> InsertAsync(Job[] jobs, CancellationToken cancellationToken)
    {
        // ON CONFLICT DO NOTHING: the only unique index a new job can hit is (tenant, idempotency key).
        await using var command = dataSource.CreateCommand("""
            INSERT INTO jobs ("Id", "TenantId", "Kind", "Status", "IdempotencyKey", "Text", "TextSha256", "MetadataJson", "CreatedAt", "UpdatedAt")
            SELECT id, tenant, kind, status, idempotency_key, text, sha, metadata::jsonb, created, created
            FROM unnest(@ids, @tenants, @kinds, @statuses, @keys, @texts, @shas, @metadata, @created)
                AS j(id, tenant, kind, status, idempotency_key, text, sha, metadata, created)
            ON CONFLICT DO NOTHING
            RETURNING "Id"
            """);
        command.Parameters.AddWithValue("ids", jobs.Select(j => j.Id).ToArray());
        command.Parameters.AddWithValue("tenants", jobs.Select(j => j.TenantId).ToArray());
        command.Parameters.AddWithValue("kinds", jobs.Select(j => j.Kind).ToArray());
        command.Parameters.AddWithValue("statuses", jobs.Select(j => j.Status.ToString()).ToArray());
        command.Parameters.Add(Texts("keys", jobs.Select(j => j.IdempotencyKey)));
        command.Parameters.AddWithValue("texts", jobs.Select(j => j.Text).ToArray());
        command.Parameters.AddWithValue("shas", jobs.Select(j => j.TextSha256).ToArray());
        command.Parameters.Add(Texts("metadata", jobs.Select(j => j.MetadataJson)));
        command.Parameters.AddWithValue("created", jobs.Select(j => j.CreatedAt).ToArray());
        var stored = new HashSet<Guid>(jobs.Length);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored.Add(reader.GetGuid(0));
        }

        return stored;
    }

    private static NpgsqlParameter Texts(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };
}
