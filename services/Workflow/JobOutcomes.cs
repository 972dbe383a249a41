using System.Text.Json;
using MassTransit;
using Npgsql;
using NpgsqlTypes;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Jobs.Audit;

namespace SpecialistPlatform.Workflow;

/// <summary>How one job ended: its final status, its result (null for a failure), the reason (a failure, or why a
/// person must review it) and the audit records its routing slip carried.</summary>
public sealed record JobOutcome(Guid JobId, JobStatus Status, JobResult? Result, string? Reason, IReadOnlyList<RecordAudit> StepRecords)
{
    /// <summary>The tenant the routing slip says the job is of; null where the workflow decided the outcome itself
    /// (a stalled or unreadable job). An outcome whose claim differs from the stored job is not recorded.</summary>
    public string? ClaimedTenantId { get; init; }

    /// <summary>The routing slip (or StartJob) the outcome came from; null where the workflow decided the outcome itself
    /// (a stalled job). An outcome from any slip but the job's due one is rejected (docs/decisions/0028).</summary>
    public Guid? SlipTrackingNumber { get; init; }

    /// <summary>Escalation that could not happen (no frontier configured, over budget) leaves the job for a person.</summary>
    public static JobOutcome Finished(Guid jobId, JobResult result, IReadOnlyList<RecordAudit> stepRecords) =>
        result.Escalation is { Escalated: false } escalation
            ? new(jobId, JobStatus.NeedsReview, result, escalation.Reason, stepRecords)
            : new(jobId, JobStatus.Completed, result, null, stepRecords);

    public static JobOutcome Failed(Guid jobId, string reason, IReadOnlyList<RecordAudit> stepRecords) =>
        new(jobId, JobStatus.Failed, null, reason, stepRecords);

    /// <summary>How a job that went through its steps ended: stopped by one of them, held for a person by one of them
    /// (with every step's result, for the reviewer), or with its results.</summary>
    public static JobOutcome Of(BatchedJob job)
    {
        if (job.FailureReason is { } reason)
        {
            return Failed(job.JobId, reason, job.Audit) with { ClaimedTenantId = job.TenantId };
        }

        var result = new JobResult
        {
            Compliance = job.Compliance,
            Moderation = job.Moderation,
            Intent = job.Intent,
            Extraction = job.Extraction,
            Escalation = job.Escalation,
        };
        return (job.ReviewReason is { } review
            ? new JobOutcome(job.JobId, JobStatus.NeedsReview, result, review, job.Audit)
            : Finished(job.JobId, result, job.Audit)) with { ClaimedTenantId = job.TenantId };
    }
}

/// <summary>A job whose outcome was recorded (now, or identically before): its events are due.</summary>
public sealed record RecordedOutcome(JobOutcome Outcome, string TenantId, string Kind, DateTimeOffset At);

/// <summary>
/// Writes jobs' final states once, many jobs per transaction: one UPDATE for the batch, one read-back, and the
/// audit records (the steps' and the completion's) in the same transaction, so a job's state and its trail commit
/// together. The update only touches jobs not yet finished, so a redelivered outcome never rewrites a result; a
/// repeat of the same outcome is announced again (the audit writer drops the records it has, and events are
/// at-least-once anyway), so a crash between the commit and the events leaving the in-memory outbox loses neither.
/// A job already finished differently is left alone.
/// An outcome is recorded only for the job's stored tenant and only from the job's due slip (docs/decisions/0028); one
/// from another slip (a forgery, or the late end of a slip the stalled-job sweeper has since replaced) is rejected with
/// a record in the job's tenant's trail (<see cref="OutcomeSuperseded"/> for a slip the platform sent and has since
/// replaced, <see cref="OutcomeRejected"/> for one it never sent or a tenant mismatch), even for a finished job, whose
/// repeat would otherwise announce the message's results again.
/// </summary>
public sealed class JobOutcomes(NpgsqlDataSource dataSource, AuditTrailWriter auditWriter, JobProgress progress, ILogger<JobOutcomes> logger)
{
    /// <summary>The decision of the audit record (step <see cref="ResourceNames.Steps.OutcomeCheck"/>) that tells of an
    /// outcome not recorded because it did not come from the job's due slip.</summary>
    public const string OutcomeRejected = "outcome-rejected";

    /// <summary>The decision of the audit record that tells of an outcome not recorded because its slip, though the
    /// platform sent it for the job, has been replaced by a later dispatch (a resend racing a slow confirm, or a
    /// stalled-job resend): an expected race, not a forgery.</summary>
    public const string OutcomeSuperseded = "outcome-superseded";

    public async Task<IReadOnlyList<RecordedOutcome>> RecordAsync(IReadOnlyList<JobOutcome> outcomes, CancellationToken cancellationToken)
    {
        // A slip's end event redelivered into the batch that already holds it: the first one stands.
        var byJob = outcomes.DistinctBy(o => o.JobId).ToList();
        var now = DateTimeOffset.UtcNow;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var update = new NpgsqlCommand("""
            UPDATE jobs AS j SET "Status" = o.status, "ResultJson" = COALESCE(o.result::jsonb, j."ResultJson"),
                "FailureReason" = o.reason, "UpdatedAt" = @now
            FROM unnest(@ids, @statuses, @results, @reasons, @tenants, @slips) AS o(id, status, result, reason, tenant, slip)
            WHERE j."Id" = o.id AND j."Status" NOT IN ('Completed', 'NeedsReview', 'Failed')
                AND (o.tenant IS NULL OR j."TenantId" = o.tenant)
                AND (o.slip IS NULL OR j."SlipTrackingNumber" = o.slip OR (j."SlipTrackingNumber" IS NULL AND j."DispatchedAt" IS NOT NULL))
            """, connection))
        {
            update.Parameters.AddWithValue("now", now);
            update.Parameters.AddWithValue("ids", byJob.Select(o => o.JobId).ToArray());
            update.Parameters.AddWithValue("statuses", byJob.Select(o => o.Status.ToString()).ToArray());
            update.Parameters.Add(new NpgsqlParameter("results", NpgsqlDbType.Array | NpgsqlDbType.Text)
            {
                Value = byJob.Select(o => o.Result is null ? null : JsonSerializer.Serialize(o.Result, JsonSerializerOptions.Web)).ToArray(),
            });
            update.Parameters.Add(new NpgsqlParameter("reasons", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = byJob.Select(o => o.Reason).ToArray() });
            update.Parameters.Add(new NpgsqlParameter("tenants", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = byJob.Select(o => o.ClaimedTenantId).ToArray() });
            update.Parameters.Add(new NpgsqlParameter("slips", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = byJob.Select(o => o.SlipTrackingNumber).ToArray() });
            await update.ExecuteNonQueryAsync(cancellationToken);
        }

        var jobs = await ReadJobsAsync(connection, [.. byJob.Select(o => o.JobId)], cancellationToken);
        var recorded = new List<RecordedOutcome>(byJob.Count);
        var audit = new List<RecordAudit>();
        foreach (var outcome in byJob)
        {
            if (!jobs.TryGetValue(outcome.JobId, out var job))
            {
                logger.LogError("Job {JobId} ended ({Status}) but does not exist; nothing recorded", outcome.JobId, outcome.Status);
                continue;
            }

            if (!IsTrusted(outcome.JobId, outcome.ClaimedTenantId, outcome.SlipTrackingNumber, job, audit, now))
            {
                continue;
            }

            if (job.Status != outcome.Status.ToString())
            {
                logger.LogInformation("Job {JobId} was already finished as {Status}; ignoring a different outcome", outcome.JobId, job.Status);
                continue;
            }

            recorded.Add(new RecordedOutcome(outcome, job.TenantId, job.Kind, now));
            // A step's record enters the trail of the job's stored tenant only, and only for this job.
            var ownRecords = outcome.StepRecords.Where(r => r.JobId == outcome.JobId && r.TenantId == job.TenantId).ToList();
            if (ownRecords.Count < outcome.StepRecords.Count)
            {
                logger.LogWarning("Job {JobId}'s outcome carried {Count} audit records of another job or tenant; dropped",
                    outcome.JobId, outcome.StepRecords.Count - ownRecords.Count);
            }

            audit.AddRange(ownRecords);
            audit.Add(Completion(outcome, job, now));
        }

        await auditWriter.AppendAsync(connection, audit, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        progress.Finished([.. recorded.Select(r => jobs[r.Outcome.JobId].CreatedAt)]);
        foreach (var failed in recorded.Where(r => r.Outcome.Status == JobStatus.Failed))
        {
            logger.LogWarning("Job {JobId} failed: {Reason}", failed.Outcome.JobId, failed.Outcome.Reason);
        }

        return recorded;
    }

    /// <summary>Announces recorded outcomes: JobFinished (Completed, NeedsReview) or JobFailed.</summary>
    public static async Task PublishAsync(IPublishEndpoint publisher, IEnumerable<RecordedOutcome> recorded, CancellationToken cancellationToken)
    {
        foreach (var (outcome, tenantId, kind, at) in recorded)
        {
            if (outcome.Status == JobStatus.Failed)
            {
                await publisher.Publish(new JobFailed(outcome.JobId, tenantId, kind, outcome.Reason!, at), cancellationToken);
            }
            else
            {
                await publisher.Publish(new JobFinished(outcome.JobId, tenantId, kind, outcome.Status.ToString(), outcome.Result!, at), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Of the jobs a slip's end would send on to their escalation, those it may: of the tenant the slip claims and due
    /// from this slip. Checked before anything is sent, so a forged end can neither send a job's text (its own text) to
    /// the frontier nor renew the job's lease; the others are rejected as an outcome would be.
    /// </summary>
    public async Task<IReadOnlySet<(Guid JobId, Guid SlipTrackingNumber)>> DueForEscalationAsync(IReadOnlyList<(BatchedJob Job, Guid SlipTrackingNumber)> unsure,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var jobs = await ReadJobsAsync(connection, [.. unsure.Select(u => u.Job.JobId).Distinct()], cancellationToken);
        var due = new HashSet<(Guid JobId, Guid SlipTrackingNumber)>();
        var rejections = new List<RecordAudit>();
        foreach (var (job, slip) in unsure)
        {
            if (jobs.TryGetValue(job.JobId, out var stored) && IsTrusted(job.JobId, job.TenantId, slip, stored, rejections, DateTimeOffset.UtcNow))
            {
                due.Add((job.JobId, slip));
            }
        }

        await auditWriter.AppendAsync(connection, rejections, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due;
    }

    /// <summary>Whether an outcome may be recorded for the stored job: the tenant it claims (when it claims one) is the
    /// job's, and the slip it came from (when it came from one) is the job's due slip. A job with no due slip stored was
    /// dispatched before the numbers existed and is trusted as before, if it was dispatched at all. The same rules as
    /// the UPDATE in <see cref="RecordAsync"/>, which must not write what this refuses.</summary>
    private bool IsTrusted(Guid jobId, string? claimedTenantId, Guid? slip, StoredJob job, List<RecordAudit> audit, DateTimeOffset now)
    {
        if (claimedTenantId is { } claimed && claimed != job.TenantId)
        {
            // Nothing on the services' virtual host comes from outside, so this is a service gone wrong or a forgery:
            // the stored job, not the message, says whose it is. The record goes to the stored tenant's trail (the
            // claimed tenant's is not the job's) and names neither the claimed tenant nor anything else from the message.
            logger.LogWarning("An outcome for job {JobId} claims tenant {Claimed}, but the job is {Tenant}'s; not recorded",
                jobId, claimed, job.TenantId);
            audit.Add(Rejection(jobId, slip, job, now, OutcomeRejected, "tenant mismatch: the outcome names another tenant than the job's",
                tenantMismatch: true));
            return false;
        }

        if (slip is not { } from || from == job.SlipTrackingNumber || (job.SlipTrackingNumber is null && job.Dispatched))
        {
            return true;
        }

        if (job.IssuedSlipTrackingNumbers.Contains(from))
        {
            logger.LogInformation("An outcome for job {JobId} came from routing slip {Slip}, which a later dispatch replaced by {Due}; not recorded",
                jobId, from, job.SlipTrackingNumber);
            audit.Add(Rejection(jobId, from, job, now, OutcomeSuperseded, "a slip sent for the job, replaced by a later dispatch"));
            return false;
        }

        logger.LogWarning("An outcome for job {JobId} came from routing slip {Slip}, which was never sent for it (due: {Due}); not recorded",
            jobId, from, job.SlipTrackingNumber);
        audit.Add(Rejection(jobId, from, job, now, OutcomeRejected, "not a routing slip sent for the job (a forgery)"));
        return false;
    }

    private sealed record StoredJob(string TenantId, string Kind, string Status, string TextSha256, DateTimeOffset CreatedAt,
        Guid? SlipTrackingNumber, bool Dispatched, IReadOnlyList<Guid> IssuedSlipTrackingNumbers);

    private static async Task<Dictionary<Guid, StoredJob>> ReadJobsAsync(NpgsqlConnection connection, Guid[] ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT "Id", "TenantId", "Kind", "Status", "TextSha256", "CreatedAt", "SlipTrackingNumber", "DispatchedAt" IS NOT NULL,
                "IssuedSlipTrackingNumbers"
            FROM jobs WHERE "Id" = ANY(@ids)
            """, connection);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var jobs = new Dictionary<Guid, StoredJob>(ids.Length);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs[reader.GetGuid(0)] = new StoredJob(
                reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetGuid(6), reader.GetBoolean(7), reader.IsDBNull(8) ? [] : reader.GetFieldValue<Guid[]>(8));
        }

        return jobs;
    }

    /// <summary>The record of an outcome not recorded: in the job's own tenant's trail, naming the job, the slip and the
    /// due slip, never anything of the message's (its results, its claimed tenant: they are not the job's). Its JobId is
    /// the rejection's own, one per job, slip and kind of mismatch (as a key change's record has the change's id), so a
    /// redelivered message writes it once and a second forgery is not hidden behind the first; the Detail names the job.</summary>
    private static RecordAudit Rejection(Guid jobId, Guid? slip, StoredJob job, DateTimeOffset now, string decision, string reason,
        bool tenantMismatch = false) => new()
    {
        JobId = RejectionId(jobId, slip ?? Guid.Empty, tenantMismatch),
        TenantId = job.TenantId,
        Step = ResourceNames.Steps.OutcomeCheck,
        Service = ResourceNames.Services.Workflow,
        InputSha256 = job.TextSha256,
        Decision = decision,
        Detail = $"job={jobId}; slip={slip?.ToString() ?? "none"}; due={job.SlipTrackingNumber?.ToString() ?? "none"}; {reason}",
        LatencyMs = 0,
        OccurredAt = now,
    };

    private static Guid RejectionId(Guid jobId, Guid slip, bool tenantMismatch)
    {
        Span<byte> name = stackalloc byte[33];
        jobId.TryWriteBytes(name[..16]);
        slip.TryWriteBytes(name[16..32]);
        name[32] = tenantMismatch ? (byte)1 : (byte)0;
        // Slip rejections keep the 32-byte name they always had, so a redelivery across the upgrade writes one record.
        return NameBasedIds.Of(tenantMismatch ? name : name[..32]);
    }

    private static RecordAudit Completion(JobOutcome outcome, StoredJob job, DateTimeOffset now) => new()
    {
        JobId = outcome.JobId,
        TenantId = job.TenantId,
        Step = ResourceNames.Steps.Completion,
        Service = ResourceNames.Services.Workflow,
        InputSha256 = job.TextSha256,
        Decision = outcome.Status.ToString().ToLowerInvariant(),
        Detail = outcome.Status == JobStatus.Completed ? null : outcome.Reason,
        LatencyMs = (now - job.CreatedAt).TotalMilliseconds,
    };
}
