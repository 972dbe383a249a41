using SpecialistPlatform.Data;
using SpecialistPlatform.ServiceDefaults;

namespace SpecialistPlatform.ComplianceChecker.Extensions;

/// <summary>Finds personal data and applies the tenant's policy: redact, mask, hash, encrypt or block.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPostgres();
        builder.Services.AddPlatformDbContext();
        builder.AddMessaging();
    }
}
