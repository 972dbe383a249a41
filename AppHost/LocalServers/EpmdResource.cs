using Aspire.Hosting.ApplicationModel;

namespace SpecialistPlatform.AppHost.LocalServers;

/// <summary>
/// Erlang's port mapper for our RabbitMQ node, on a private port. Started by us, before the node: otherwise the node
/// would start a daemonised epmd on the machine-wide port 4369 that nobody stops, shared with any other Erlang node.
/// </summary>
public sealed class EpmdResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory)
{
    public EndpointReference Endpoint => new(this, LocalServerResource.PrimaryEndpointName);
}
