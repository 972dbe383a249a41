using Aspire.Hosting.ApplicationModel;

namespace SpecialistPlatform.AppHost.LocalServers;

/// <summary>A private Redis for short-lived state (idempotency keys, frontier budgets, result cache).</summary>
public sealed class RedisServerResource(string name, string command, string dataDirectory)
    : LocalServerResource(name, command, dataDirectory, "redis")
{
    public override ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
