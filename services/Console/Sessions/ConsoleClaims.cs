using System.Security.Claims;

namespace SpecialistPlatform.Console.Sessions;

/// <summary>
/// What a console session holds. The API key lives only in the authentication cookie's ticket, which ASP.NET Core's data
/// protection encrypts and signs: the browser carries it but cannot read or change it, and no page ever renders it.
/// </summary>
public static class ConsoleClaims
{
    public const string ApiKey = "api-key";
    public const string Tenant = "tenant";
    public const string KeyName = "key-name";

    public const string Submitter = "submitter";
    public const string Auditor = "auditor";
    public const string Admin = "admin";
    public const string PlatformAdmin = "platform-admin";

    public static string? ApiKeyOf(this ClaimsPrincipal user) => user.FindFirstValue(ApiKey);

    public static string TenantOf(this ClaimsPrincipal user) => user.FindFirstValue(Tenant) ?? "";

    /// <summary>Reads the tenant's jobs (the gateway's job-reader policy).</summary>
    public static bool ReadsJobs(this ClaimsPrincipal user) => user.IsInRole(Submitter) || user.IsInRole(Auditor) || user.IsInRole(Admin);

    /// <summary>Reads the audit trail, the overview and the reports (the gateway's auditor policy).</summary>
    public static bool Audits(this ClaimsPrincipal user) => user.IsInRole(Auditor) || user.IsInRole(Admin);

    /// <summary>Lists the model registry (the gateway's model-reader policy).</summary>
    public static bool ReadsModels(this ClaimsPrincipal user) => user.Audits() || user.IsInRole(PlatformAdmin);

    /// <summary>Promotes and rolls back models: the platform admin alone, as the gateway decides.</summary>
    public static bool ChangesModels(this ClaimsPrincipal user) => user.IsInRole(PlatformAdmin);
}
