using SpecialistPlatform.Data;
using SpecialistPlatform.ServiceDefaults;

namespace SpecialistPlatform.FrontierEscalation.Extensions;

/// <summary>The only door to a large model: redacted text only, cost counted, budgets enforced.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgres();
        builder.Services.AddPlatformDbContext();
        builder.AddRedis();
        builder.AddMessaging();
    }
}
