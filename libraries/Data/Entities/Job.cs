namespace SpecialistPlatform.Data.Entities;

/// <summary>One unit of work submitted by a tenant and its outcome. Results are JSON the workflow writes.</summary>
public sealed class Job
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string TenantId { get; init; }
    public required string Kind { get; init; }
    public JobStatus Status { get; set; } = JobStatus.Accepted;
    public string? IdempotencyKey { get; init; }
    public required string Text { get; init; }
    public required string TextSha256 { get; init; }
    public string? MetadataJson { get; init; }
    public string? ResultJson { get; set; }
    public string? FailureReason { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>When the job's routing slip was handed to the broker. Null means "stored but not yet dispatched": the
    /// job row is its own outbox entry, and the gateway's dispatcher sends every such job until this is set.</summary>
    public DateTimeOffset? DispatchedAt { get; set; }

    /// <summary>How often the stalled-job sweeper sent this job's routing slip again because it had not finished within
    /// Pipelines:StallTimeout of its last dispatch (a message lost to a dead-letter queue, a crash at the wrong moment).
    /// Past Pipelines:MaxStallRedispatches the job fails with the reason instead.</summary>
    public int StallRedispatches { get; set; }

    /// <summary>The tracking number of the routing slip last sent for this job (for a job started through StartJob, that
    /// message's id, which its slip takes as its tracking number). Written before the slip is sent, so its end can never
    /// arrive first. The workflow records an outcome only from this slip: a stale slip's late end (the stalled-job
    /// sweeper sent a new one) or a forged one is rejected (docs/decisions/0028). Null for a job dispatched before the
    /// column existed, which is trusted as before only if it was dispatched.</summary>
    public Guid? SlipTrackingNumber { get; set; }

    /// <summary>Every slip tracking number the platform has issued for this job, the due one included, in the order
    /// issued (appended by whoever records a due slip). Lets the workflow tell the late end of a slip it sent and has
    /// since replaced (superseded) from one it never sent (a forgery). Null for a job from before the column that was
    /// never dispatched since.</summary>
    public Guid[]? IssuedSlipTrackingNumbers { get; set; }

    public bool IsFinished => Status is JobStatus.Completed or JobStatus.NeedsReview or JobStatus.Failed;
}

public enum JobStatus
{
    Accepted,
    Running,
    Completed,
    NeedsReview,
    Failed,
}
