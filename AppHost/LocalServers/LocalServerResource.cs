using Aspire.Hosting.ApplicationModel;

namespace SpecialistPlatform.AppHost.LocalServers;

/// <summary>
/// A server the platform runs for itself from the installed Debian binaries, as an executable resource: the
/// orchestrator starts and stops it and shows its console; its endpoint is on 127.0.0.1 only; its data folder lives
/// under the AppHost's data folder and outlives a restart. There is no container engine here, so Aspire's own
/// container-based Postgres, Redis and RabbitMQ resources cannot run.
/// </summary>
public abstract class LocalServerResource(string name, string command, string dataDirectory, string serviceUser)
    : ExecutableResource(name, command, dataDirectory), IResourceWithConnectionString
{
    public const string PrimaryEndpointName = "tcp";

    private EndpointReference? _primaryEndpoint;

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The unprivileged user the server runs as when the AppHost runs as root.</summary>
    public string ServiceUser { get; } = serviceUser;

    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, PrimaryEndpointName);

    public abstract ReferenceExpression ConnectionStringExpression { get; }
}
