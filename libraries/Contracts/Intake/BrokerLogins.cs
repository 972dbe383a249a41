using System.Diagnostics.CodeAnalysis;

namespace SpecialistPlatform.Contracts.Intake;

/// <summary>
/// An outside application's broker login name on the intake virtual host: <c>&lt;tenant id&gt;.&lt;key id&gt;</c>, the
/// key id as 32 hex digits (the id <c>/api/v1/keys</c> and <c>specialist keys list</c> show; with hyphens is
/// accepted too). The password is that key. Naming the key in the login lets the gateway close exactly the
/// connections opened with a key that stops (revoked, expired, rotated out), and leave the tenant's other keys'
/// connections alone (docs/decisions/0029). Tenant ids have no dot (<see cref="TenantIds"/>), so the first dot splits.
/// The AMQP <c>user_id</c> of a submission is this login name too: the broker checks it against the login.
/// </summary>
public static class BrokerLogins
{
    public static string Name(string tenantId, Guid keyId) => $"{tenantId}.{keyId:N}";

    public static bool TryParse([NotNullWhen(true)] string? login, [NotNullWhen(true)] out string? tenantId, out Guid keyId)
    {
        tenantId = null;
        keyId = Guid.Empty;
        var dot = login?.IndexOf('.') ?? -1;
        if (dot <= 0 || !TenantIds.IsValid(login![..dot]) || !(Guid.TryParseExact(login.AsSpan(dot + 1), "N", out keyId) || Guid.TryParseExact(login.AsSpan(dot + 1), "D", out keyId)))
        {
            keyId = Guid.Empty;
            return false;
        }

        tenantId = login[..dot];
        return true;
    }

    /// <summary>The tenant of a login name, or null for anything else (an old tenant-only login name is not one).</summary>
    public static string? TenantOf(string? login) => TryParse(login, out var tenantId, out _) ? tenantId : null;
}
