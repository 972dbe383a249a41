namespace SpecialistPlatform.Contracts.Jobs;

/// <summary>A bus submission that could not be accepted (unknown kind, empty or oversized text, a key in the body),
/// with why. No job exists for it, so it carries the client's reference instead of a job id; the tenant is the one
/// the broker logged the client in as, and routes the answer to that tenant alone.</summary>
public sealed record JobRejected(string TenantId, string? ClientReference, string Reason, DateTimeOffset RejectedAt);
