namespace SpecialistPlatform.Contracts.Jobs;

/// <summary>A job reached Completed or NeedsReview. Clients bind a queue to this message's exchange
/// (<c>SpecialistPlatform.Contracts.Jobs:JobFinished</c>) to get results without polling.</summary>
public sealed record JobFinished(Guid JobId, string TenantId, string Kind, string Status, JobResult Result, DateTimeOffset FinishedAt);

/// <summary>A job failed: a step kept failing, or its input could not be processed. The reason says which.</summary>
public sealed record JobFailed(Guid JobId, string TenantId, string Kind, string Reason, DateTimeOffset FailedAt);
