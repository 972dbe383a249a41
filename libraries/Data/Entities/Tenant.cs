namespace SpecialistPlatform.Data.Entities;

/// <summary>An organisation using the platform; every job, key and audit record belongs to one.</summary>
public sealed class Tenant
{
    public required string Id { get; init; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public List<ApiKey> ApiKeys { get; init; } = [];
}
