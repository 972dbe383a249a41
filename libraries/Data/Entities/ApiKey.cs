namespace SpecialistPlatform.Data.Entities;

/// <summary>A tenant's API key. Only its SHA-256 is stored; the prefix lets people tell keys apart in lists.</summary>
public sealed class ApiKey
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string TenantId { get; init; }
    public required string Name { get; set; }
    public required string Prefix { get; init; }
    public required string KeyHash { get; init; }
    public required string[] Roles { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? RevokedAt { get; set; }
}

public static class ApiKeyRoles
{
    public const string Submitter = "submitter";
    public const string Auditor = "auditor";
    public const string Admin = "admin";
}
