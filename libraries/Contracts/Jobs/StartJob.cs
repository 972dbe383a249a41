namespace SpecialistPlatform.Contracts.Jobs;

/// <summary>Sent by the gateway's dispatcher once a job is stored: the workflow builds the job's routing slip.
/// May arrive more than once (the dispatcher retries until it has recorded the send); starting is idempotent.</summary>
public sealed record StartJob(Guid JobId, string TenantId, string Kind);
