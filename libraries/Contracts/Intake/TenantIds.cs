using System.Text.RegularExpressions;

namespace SpecialistPlatform.Contracts.Intake;

/// <summary>What a tenant id may be: lower-case letters, digits and inner hyphens, at most 63 characters. The id is
/// also the tenant's broker user name and its queues' prefix, so it must be safe in both (no dot, no slash).</summary>
public static partial class TenantIds
{
    public static bool IsValid(string? tenantId) => tenantId is not null && Pattern().IsMatch(tenantId);

    public const string Rule = "a tenant id is 1-63 lower-case letters, digits and hyphens, starting and ending with a letter or digit";

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
