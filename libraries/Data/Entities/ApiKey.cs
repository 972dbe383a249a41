using System.Linq.Expressions;

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

    /// <summary>When the key stops working by itself; null: it works until revoked.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When the key was last seen on the HTTP API, to within about a minute (recorded at most once a minute).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>When the key stopped (or, after a rotation with a grace period, will stop) working.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Whether the key opens anything at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => (RevokedAt is null || RevokedAt > now) && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>The same rule as <see cref="IsActiveAt"/>, as a query Postgres runs (kept beside it so the two agree).</summary>
    public static Expression<Func<ApiKey, bool>> ActiveAt(DateTimeOffset now) =>
        k => (k.RevokedAt == null || k.RevokedAt > now) && (k.ExpiresAt == null || k.ExpiresAt > now);
}

public static class ApiKeyRoles
{
    public const string Submitter = "submitter";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    /// <summary>Changes what every tenant gets (model promotion, rollback, retirement). Distinct from a tenant's
    /// <see cref="Admin"/>, who manages only the tenant's own keys; granted only by the CLI or another platform admin.</summary>
    public const string PlatformAdmin = "platform-admin";

    public static readonly IReadOnlyList<string> All = [Submitter, Auditor, Admin, PlatformAdmin];
}
