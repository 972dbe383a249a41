using SpecialistPlatform.Data;
using SpecialistPlatform.ServiceDefaults;

namespace SpecialistPlatform.IntentClassifier.Extensions;

/// <summary>The router: which intent a text is, how sure, and whether it is out of scope.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgres();
        builder.Services.AddPlatformDbContext();
        builder.AddMessaging();
    }
}
