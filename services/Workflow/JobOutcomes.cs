using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.Workflow;

/// <summary>
/// Writes a job's final state once. The update only touches a job that is not yet finished, so a redelivered
/// outcome never rewrites the result; it re-sends the event and the audit record (the audit writer drops the duplicate),
/// so a crash between the update and the outbox's delivery loses neither.
/// </summary>
public sealed class JobOutcomes(PlatformDbContext db, ILogger<JobOutcomes> logger)
{
    /// <summary>Stores the result and announces it; returns the job, or null when it had already ended differently.</summary>
    /// <param name="stepRecords">The audit records the slip carried; written with the completion record in one message.</param>
    public async Task<Job?> FinishAsync(ConsumeContext context, Guid jobId, JobResult result, IReadOnlyList<RecordAudit> stepRecords)
    {
        // Escalation that could not happen (no frontier configured, over budget) leaves the job for a person.
        var status = result.Escalation is { Escalated: false } ? JobStatus.NeedsReview : JobStatus.Completed;
        var resultJson = JsonSerializer.Serialize(result, JsonSerializerOptions.Web);
        var now = DateTimeOffset.UtcNow;
        var updated = await db.Jobs.Where(j => j.Id == jobId && j.Status != JobStatus.Completed && j.Status != JobStatus.NeedsReview && j.Status != JobStatus.Failed)
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.Status, status)
                .SetProperty(j => j.ResultJson, resultJson)
                .SetProperty(j => j.FailureReason, status == JobStatus.NeedsReview ? result.Escalation!.Reason : null)
                .SetProperty(j => j.UpdatedAt, now), context.CancellationToken);
        var job = await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == jobId, context.CancellationToken);
        if (updated == 0 && job.Status != status)
        {
            logger.LogInformation("Job {JobId} was already finished as {Status}; ignoring a different outcome", jobId, job.Status);
            return null;
        }

        // A repeated outcome (the process died after the update, before the event and audit record left the in-memory
        // outbox) sends them again: the audit writer skips a (job, step) it has, and events are at-least-once anyway.
        await context.Publish(new JobFinished(job.Id, job.TenantId, job.Kind, status.ToString(), result, now));
        await context.AuditAsync([.. stepRecords, Completion(job, status.ToString().ToLowerInvariant(), status == JobStatus.NeedsReview ? result.Escalation!.Reason : null)]);
        return job;
    }

    public async Task FailAsync(ConsumeContext context, Guid jobId, string reason, IReadOnlyList<RecordAudit> stepRecords)
    {
        var now = DateTimeOffset.UtcNow;
        var updated = await db.Jobs.Where(j => j.Id == jobId && j.Status != JobStatus.Completed && j.Status != JobStatus.NeedsReview && j.Status != JobStatus.Failed)
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.Status, JobStatus.Failed)
                .SetProperty(j => j.FailureReason, reason)
                .SetProperty(j => j.UpdatedAt, now), context.CancellationToken);
        var job = await db.Jobs.AsNoTracking().FirstAsync(j => j.Id == jobId, context.CancellationToken);
        if (updated == 0 && job.Status != JobStatus.Failed)
        {
            return;
        }

        logger.LogWarning("Job {JobId} failed: {Reason}", jobId, reason);
        await context.Publish(new JobFailed(job.Id, job.TenantId, job.Kind, reason, now));
        await context.AuditAsync([.. stepRecords, Completion(job, "failed", reason)]);
    }

    private static RecordAudit Completion(Job job, string decision, string? detail) => new()
    {
        JobId = job.Id,
        TenantId = job.TenantId,
        Step = ResourceNames.Steps.Completion,
        Service = ResourceNames.Services.Workflow,
        InputSha256 = job.TextSha256,
        Decision = decision,
        Detail = detail,
        LatencyMs = (DateTimeOffset.UtcNow - job.CreatedAt).TotalMilliseconds,
    };
}
