using SpecialistPlatform.Data;
using SpecialistPlatform.ServiceDefaults;

namespace SpecialistPlatform.Gateway.Extensions;

/// <summary>The HTTP front door: jobs, results, audit queries and models, per-tenant API keys.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgres();
        builder.Services.AddPlatformDbContext();
        builder.AddRedis();
        builder.AddMessaging();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
    }
}
