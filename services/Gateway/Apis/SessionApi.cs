using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SpecialistPlatform.Gateway.Authentication;

namespace SpecialistPlatform.Gateway.Apis;

/// <summary>
/// Who a key is: its tenant, name and roles. The console asks once at sign-in to learn what to show; what a key may
/// actually do is still decided by each endpoint's policy, on every call.
/// </summary>
public static class SessionApi
{
    public static RouteGroupBuilder MapSessionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/session").WithTags("Session").RequireAuthorization();
        api.MapGet("/", GetSession).WithName(nameof(GetSession));
        return api;
    }

    public static Ok<SessionView> GetSession(ClaimsPrincipal user) =>
        TypedResults.Ok(new SessionView(
            user.TenantId(),
            user.FindFirstValue(ClaimTypes.Name) ?? "",
            Guid.TryParse(user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim), out var keyId) ? keyId : Guid.Empty,
            [.. user.FindAll(ClaimTypes.Role).Select(role => role.Value).Order(StringComparer.Ordinal)]));
}

public sealed record SessionView(string Tenant, string KeyName, Guid KeyId, IReadOnlyList<string> Roles);
