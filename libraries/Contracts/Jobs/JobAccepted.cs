namespace SpecialistPlatform.Contracts.Jobs;

/// <summary>A job was stored and will run; published for HTTP and bus submissions alike.</summary>
public sealed record JobAccepted(Guid JobId, string TenantId, string Kind, string? ClientReference, DateTimeOffset AcceptedAt);
