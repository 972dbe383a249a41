using SpecialistPlatform.Data;
using SpecialistPlatform.ServiceDefaults;

namespace SpecialistPlatform.Extraction.Extensions;

/// <summary>Pulls schema-driven, normalised fields out of text.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgres();
        builder.Services.AddPlatformDbContext();
        builder.AddMessaging();
    }
}
