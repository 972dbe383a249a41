namespace SpecialistPlatform.DatabaseMigrations;

/// <summary>The `dev` tenant every local run has, so the API can be tried at once (Development only).</summary>
public sealed class DevelopmentTenantOptions
{
    public const string Section = "DevelopmentTenant";
    public const string TenantId = "dev";

    /// <summary>The key the AppHost chose (SPECIALIST_DEV_API_KEY, or the one kept in its data folder). Empty: no dev tenant.</summary>
    public string ApiKey { get; set; } = "";
}
