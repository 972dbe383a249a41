namespace SpecialistPlatform.Client.Models;

/// <summary>The gateway's 202: the job is stored and will run. <c>Replayed</c> is true when the Idempotency-Key had
/// already made this job, so nothing new was stored.</summary>
public sealed record SubmittedJob(Guid JobId, string Status, string StatusUrl)
{
    public bool Replayed { get; init; }
}
