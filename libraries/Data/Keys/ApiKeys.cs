using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;

namespace SpecialistPlatform.Data.Keys;

/// <summary>API keys: random, shown once, stored only as SHA-256. A key is high-entropy, so a plain hash (not a
/// slow password hash) is the right tool and lets every request be checked with one indexed lookup.</summary>
public static class ApiKeys
{
    private const string KeyPrefix = "sp_";

    public static string Generate() => KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string DisplayPrefix(string key) => key.Length <= 10 ? key : key[..10];

    /// <summary>The key with this value if it is active now (not revoked, not expired), or null.</summary>
    public static Task<ApiKey?> FindAsync(PlatformDbContext db, string key, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        return db.ApiKeys.AsNoTracking().Where(ApiKey.ActiveAt(DateTimeOffset.UtcNow)).FirstOrDefaultAsync(k => k.KeyHash == hash, cancellationToken);
    }

    /// <summary>Notes that the key was used now, unless that was noted less than a minute ago (one write a minute at most).</summary>
    public static Task TouchAsync(PlatformDbContext db, Guid keyId, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var aMinuteAgo = now.AddMinutes(-1);
        return db.ApiKeys.Where(k => k.Id == keyId && (k.LastUsedAt == null || k.LastUsedAt < aMinuteAgo))
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), cancellationToken);
    }

    /// <summary>Creates the tenant if needed and stores the key; an existing identical key is left as it is. Returns the
    /// key it stored, or null when it was there already.</summary>
    public static async Task<ApiKey?> EnsureAsync(PlatformDbContext db, string tenantId, string tenantName, string key, string[] roles, CancellationToken cancellationToken)
    {
        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken))
        {
            db.Tenants.Add(new Tenant { Id = tenantId, Name = tenantName });
        }

        var hash = Hash(key);
        ApiKey? created = null;
        if (!await db.ApiKeys.AnyAsync(k => k.KeyHash == hash, cancellationToken))
        {
            created = new ApiKey { TenantId = tenantId, Name = KeyName(tenantName), Prefix = DisplayPrefix(key), KeyHash = hash, Roles = roles };
            db.ApiKeys.Add(created);
        }

        await db.SaveChangesAsync(cancellationToken);
        return created;
    }

    /// <summary>
    /// Makes <paramref name="key"/> the tenant's one active key of that name (the development tenant's key, which the
    /// AppHost chooses): stores it when new and revokes every other active key of the same name, so changing
    /// SPECIALIST_DEV_API_KEY leaves no old dev key valid. Returns what changed, for the audit trail.
    /// </summary>
    public static async Task<OnlyKeyChanges> EnsureOnlyKeyAsync(PlatformDbContext db, string tenantId, string tenantName, string key, string[] roles,
        CancellationToken cancellationToken)
    {
        var created = await EnsureAsync(db, tenantId, tenantName, key, roles, cancellationToken);
        var hash = Hash(key);
        var name = KeyName(tenantName);
        var others = await db.ApiKeys
            .Where(k => k.TenantId == tenantId && k.Name == name && k.KeyHash != hash && k.RevokedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var other in others)
        {
            other.RevokedAt = DateTimeOffset.UtcNow;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new OnlyKeyChanges(created, others);
    }

    internal static string KeyName(string tenantName) => $"{tenantName} key";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
