using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Jobs.Intake;

namespace SpecialistPlatform.AppHost;

/// <summary>
/// The `dev` tenant every local run has, so the API can be tried at once. Its key is SPECIALIST_DEV_API_KEY when
/// set; otherwise one is generated on first start and kept in the data folder (mode 0600) for the next.
/// </summary>
public static class DevelopmentTenant
{
    public const string TenantId = "dev";
    public const string KeyVariable = "SPECIALIST_DEV_API_KEY";

    public static async Task<string> EnsureAsync(string connectionString, string dataDirectory, CancellationToken cancellationToken)
    {
        var key = Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } given ? given : await StoredOrNewKeyAsync(dataDirectory, cancellationToken);
        await using var db = new PlatformDbContext(new DbContextOptionsBuilder<PlatformDbContext>().UseNpgsql(connectionString).Options);
        await ApiKeys.EnsureAsync(db, TenantId, "Development", key, [ApiKeyRoles.Submitter, ApiKeyRoles.Auditor, ApiKeyRoles.Admin], cancellationToken);
        return key;
    }

    private static async Task<string> StoredOrNewKeyAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var file = Path.Combine(dataDirectory, "dev-api-key");
        if (File.Exists(file))
        {
            return (await File.ReadAllTextAsync(file, cancellationToken)).Trim();
        }

        var key = ApiKeys.Generate();
        await File.WriteAllTextAsync(file, key, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
