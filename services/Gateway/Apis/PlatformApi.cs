using Microsoft.AspNetCore.Http.HttpResults;
using SpecialistPlatform.Contracts;

namespace SpecialistPlatform.Gateway.Apis;

/// <summary>What this deployment is: its version and the services it is made of. Jobs, audit and models get
/// their own APIs beside this one.</summary>
public static class PlatformApi
{
    public static RouteGroupBuilder MapPlatformApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/platform").WithTags("Platform");
        api.MapGet("/", GetPlatformInfo).WithName(nameof(GetPlatformInfo));
        return api;
    }

    public static Ok<PlatformInfo> GetPlatformInfo() =>
        TypedResults.Ok(new PlatformInfo(
            typeof(PlatformApi).Assembly.GetName().Version?.ToString() ?? "unknown",
            ResourceNames.Services.All));
}

public sealed record PlatformInfo(string Version, IReadOnlyList<string> Services);
