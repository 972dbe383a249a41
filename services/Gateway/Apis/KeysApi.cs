using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Keys;
using SpecialistPlatform.Gateway.Authentication;
using SpecialistPlatform.Gateway.Broker;
using SpecialistPlatform.Jobs.Audit;

namespace SpecialistPlatform.Gateway.Apis;

/// <summary>
/// A tenant's admin manages the tenant's own API keys: list (with last use), create (with roles and an expiry), rotate
/// (optionally with a grace period for the old key) and revoke. A new key is shown once, in the answer that creates
/// it. The platform admin role can only be given, rotated or revoked by a key that holds it, so a tenant's admin
/// cannot make themselves one. Keys of other tenants do not exist here (404). Every change is in the tenant's audit
/// trail (step key-management), with the id of the key that made it (<see cref="AuditedApiKeys"/>).
/// </summary>
public static class KeysApi
{
    public static RouteGroupBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/keys").WithTags("Keys").RequireAuthorization(Policies.Admin);
        api.MapGet("/", ListKeys).WithName(nameof(ListKeys));
        api.MapPost("/", CreateKey).WithName(nameof(CreateKey));
        api.MapPost("/{id:guid}/rotate", RotateKey).WithName(nameof(RotateKey));
        api.MapPost("/{id:guid}/revoke", RevokeKey).WithName(nameof(RevokeKey));
        return api;
    }

    public static async Task<Ok<List<ApiKeyView>>> ListKeys(ClaimsPrincipal user, ApiKeyStore store, bool? includeInactive, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAsync(user.TenantId(), includeInactive ?? false, cancellationToken)).Select(ApiKeyView.Of).ToList());

    public static async Task<Results<Created<IssuedApiKeyView>, ProblemHttpResult>> CreateKey(
        CreateKeyRequest request, ClaimsPrincipal user, ApiKeyStore store, AuditedApiKeys keys, CancellationToken cancellationToken)
    {
        if (store.Problem(request.Name, request.Roles, request.ExpiresAt) is { } problem)
        {
            return JobsApi.Problem(StatusCodes.Status400BadRequest, "Invalid key", problem);
        }

        if (ReservedForPlatformAdmins(request.Roles!, user))
        {
            return NeedsPlatformAdmin("give");
        }

        var issued = await keys.CreateAsync(user.TenantId(), request.Name!, request.Roles!, request.ExpiresAt, ChangeActors.Of(user), cancellationToken);
        return TypedResults.Created($"/api/v1/keys/{issued.Key.Id}", IssuedApiKeyView.Of(issued));
    }

    public static async Task<Results<Created<IssuedApiKeyView>, ProblemHttpResult>> RotateKey(
        Guid id, RotateKeyRequest? request, ClaimsPrincipal user, ApiKeyStore store, AuditedApiKeys keys, IMemoryCache cache,
        IntakeConnectionSweeper connections, ILogger<ApiKeyView> logger, CancellationToken cancellationToken)
    {
        var grace = request?.GraceSeconds ?? 0;
        if (grace is < 0 or > 7 * 24 * 3600)
        {
            return JobsApi.Problem(StatusCodes.Status400BadRequest, "Invalid grace period", "'graceSeconds' must be between 0 and 604800 (seven days).");
        }

        if (await store.FindAsync(user.TenantId(), id, cancellationToken) is not { } old)
        {
            return NotFound(id);
        }

        if (ReservedForPlatformAdmins(old.Roles, user))
        {
            return NeedsPlatformAdmin("rotate");
        }

        if (await keys.RotateAsync(old, TimeSpan.FromSeconds(grace), ChangeActors.Of(user), cancellationToken) is not { } issued)
        {
            return JobsApi.Problem(StatusCodes.Status409Conflict, "Key not active", $"Key {id} is revoked or expired; create a new one instead.");
        }

        cache.Remove(old.KeyHash);
        if (grace == 0)
        {
            await CloseBrokerConnectionsAsync(connections, logger, cancellationToken);
        }

        return TypedResults.Created($"/api/v1/keys/{issued.Key.Id}", IssuedApiKeyView.Of(issued));
    }

    public static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> RevokeKey(
        Guid id, ClaimsPrincipal user, ApiKeyStore store, AuditedApiKeys keys, IMemoryCache cache, IntakeConnectionSweeper connections,
        ILogger<ApiKeyView> logger, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(user.TenantId(), id, cancellationToken) is not { } key)
        {
            return NotFound(id);
        }

        if (ReservedForPlatformAdmins(key.Roles, user))
        {
            return NeedsPlatformAdmin("revoke");
        }

        await keys.RevokeAsync(key, ChangeActors.Of(user), cancellationToken);
        // This gateway forgets the key at once; another instance within its 30 s cache.
        cache.Remove(key.KeyHash);
        await CloseBrokerConnectionsAsync(connections, logger, cancellationToken);
        return TypedResults.Ok(ApiKeyView.Of(key));
    }

    /// <summary>Closes the broker connections of the key that just stopped now rather than at the next sweep. The key is
    /// revoked whatever happens here: a broker that does not answer is left to the periodic sweep.</summary>
    private static async Task CloseBrokerConnectionsAsync(IntakeConnectionSweeper connections, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await connections.SweepAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "Closing the broker connections of a stopped key failed; the periodic sweep will");
        }
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        JobsApi.Problem(StatusCodes.Status404NotFound, "Key not found", $"Your tenant has no key {id}.");

    /// <summary>A key with the platform admin role may be given, rotated (which copies its roles) or revoked only by a platform admin.</summary>
    private static bool ReservedForPlatformAdmins(IEnumerable<string> roles, ClaimsPrincipal user) =>
        roles.Contains(ApiKeyRoles.PlatformAdmin) && !user.IsInRole(ApiKeyRoles.PlatformAdmin);

    private static ProblemHttpResult NeedsPlatformAdmin(string verb) => JobsApi.Problem(StatusCodes.Status403Forbidden, "Not allowed for this key",
        $"Only a key with the {ApiKeyRoles.PlatformAdmin} role may {verb} a key with that role.");
}

public sealed record CreateKeyRequest(string? Name, string[]? Roles, DateTimeOffset? ExpiresAt);

public sealed record RotateKeyRequest(int? GraceSeconds);

/// <summary>A key as listed: never its secret, only the prefix that tells keys apart.</summary>
public sealed record ApiKeyView(Guid Id, string Name, string Prefix, string[] Roles, DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyView Of(ApiKey key) =>
        new(key.Id, key.Name, key.Prefix, key.Roles, key.CreatedAt, key.ExpiresAt, key.LastUsedAt, key.RevokedAt);
}

/// <summary>A key just made; <see cref="Key"/> is the secret for the X-Api-Key header, shown this once.</summary>
public sealed record IssuedApiKeyView(string Key, ApiKeyView Details)
{
    public static IssuedApiKeyView Of(IssuedApiKey issued) => new(issued.Secret, ApiKeyView.Of(issued.Key));
}
