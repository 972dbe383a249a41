namespace SpecialistPlatform.Contracts.Jobs;

/// <summary>Sent by the gateway's dispatcher once a job is stored: the workflow builds the job's routing slip.
/// May arrive more than once (the dispatcher retries until it has recorded the send); starting is idempotent.</summary>
public sealed record StartJob(Guid JobId, string TenantId, string Kind)
{
    /// <summary>The tracking number the job's slip is to have, recorded as its due slip before this was sent
    /// (docs/decisions/0028): a StartJob whose number is no longer the job's is stale and starts nothing, and its fault
    /// fails the job only while it is still due. Null in a StartJob sent before the number existed.</summary>
    public Guid? SlipTrackingNumber { get; init; }
}
