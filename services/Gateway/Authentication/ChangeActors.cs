using System.Security.Claims;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Jobs.Audit;

namespace SpecialistPlatform.Gateway.Authentication;

public static class ChangeActors
{
    /// <summary>The key that made the request, for an audit record of a change: its id, never its secret.</summary>
    public static ChangeActor Of(ClaimsPrincipal user) =>
        new(ResourceNames.Services.Gateway, $"key:{user.FindFirstValue(ApiKeyAuthenticationHandler.KeyIdClaim) ?? "unknown"}");
}
