using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Contracts.Intake;
using SpecialistPlatform.Data.Entities;

namespace SpecialistPlatform.Data.Keys;

/// <summary>
/// A tenant's API keys: create, list, rotate, revoke. Used by the gateway's key endpoints (a tenant's admin, for the
/// tenant's own keys) and by <c>specialist keys</c> (an operator with the database, for any tenant, including the first
/// admin key of a new one). Every method is scoped to one tenant: a key id of another tenant is "not found".
/// </summary>
public sealed class ApiKeyStore(PlatformDbContext db, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    /// <summary>Why a new key cannot be made this way, or null when it can.</summary>
    public string? Problem(string? name, IReadOnlyCollection<string>? roles, DateTimeOffset? expiresAt)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            return $"'name' is required and at most {MaxNameLength} characters.";
        }

        if (roles is not { Count: > 0 } || roles.Any(role => !ApiKeyRoles.All.Contains(role)))
        {
            return $"'roles' must name one or more of: {string.Join(", ", ApiKeyRoles.All)}.";
        }

        if (expiresAt is { } expiry && expiry <= clock.GetUtcNow())
        {
            return $"'expiresAt' ({expiry:O}) is not in the future.";
        }

        return null;
    }

    /// <summary>Makes a key; the tenant is created first when <paramref name="newTenantName"/> is given and it does not exist.</summary>
    public async Task<IssuedApiKey> CreateAsync(string tenantId, string name, IReadOnlyCollection<string> roles, DateTimeOffset? expiresAt,
        CancellationToken cancellationToken, string? newTenantName = null)
    {
        if (Problem(name, roles, expiresAt) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken))
        {
            // The id becomes the tenant's broker user and queue prefix too (IntakeTopology).
            if (newTenantName is not null && !TenantIds.IsValid(tenantId))
            {
                throw new ArgumentException($"'{tenantId}' cannot be a tenant id: {TenantIds.Rule}.");
            }

            db.Tenants.Add(new Tenant { Id = tenantId, Name = newTenantName ?? throw new ArgumentException($"There is no tenant '{tenantId}'.") });
        }

        var issued = Issue(tenantId, name, [.. roles.Distinct()], expiresAt);
        db.ApiKeys.Add(issued.Key);
        await db.SaveChangesAsync(cancellationToken);
        return issued;
    }

    public async Task<List<ApiKey>> ListAsync(string tenantId, bool includeInactive, CancellationToken cancellationToken)
    {
        var keys = db.ApiKeys.AsNoTracking().Where(k => k.TenantId == tenantId);
        if (!includeInactive)
        {
            keys = keys.Where(ApiKey.ActiveAt(clock.GetUtcNow()));
        }

        return await keys.OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
    }

    public Task<ApiKey?> FindAsync(string tenantId, Guid id, CancellationToken cancellationToken) =>
        db.ApiKeys.FirstOrDefaultAsync(k => k.TenantId == tenantId && k.Id == id, cancellationToken);

    /// <summary>
    /// A new key with the same tenant, name, roles and expiry; the old one stops working after <paramref name="grace"/>
    /// (zero: at once), so clients can move over without an outage. Null when there is no such active key.
    /// </summary>
    public async Task<IssuedApiKey?> RotateAsync(ApiKey old, TimeSpan grace, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!old.IsActiveAt(now))
        {
            return null;
        }

        var issued = Issue(old.TenantId, old.Name, old.Roles, old.ExpiresAt);
        db.ApiKeys.Add(issued.Key);
        old.RevokedAt = now + (grace > TimeSpan.Zero ? grace : TimeSpan.Zero);
        await db.SaveChangesAsync(cancellationToken);
        return issued;
    }

    /// <summary>Stops the key at once (a key already revoked keeps its first revocation time).</summary>
    public async Task RevokeAsync(ApiKey key, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (key.RevokedAt is null || key.RevokedAt > now)
        {
            key.RevokedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private IssuedApiKey Issue(string tenantId, string name, string[] roles, DateTimeOffset? expiresAt)
    {
        var secret = ApiKeys.Generate();
        var key = new ApiKey
        {
            TenantId = tenantId,
            Name = name,
            Prefix = ApiKeys.DisplayPrefix(secret),
            KeyHash = ApiKeys.Hash(secret),
            Roles = roles,
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = expiresAt,
        };
        return new IssuedApiKey(key, secret);
    }
}
