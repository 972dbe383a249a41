namespace SpecialistPlatform.Contracts.Jobs;

/// <summary>A bus submission that could not be accepted (bad key, unknown kind, empty or oversized text), with why.
/// No job exists for it, so it carries the client's reference instead of a job id.</summary>
public sealed record JobRejected(string? ClientReference, string Reason, DateTimeOffset RejectedAt);
