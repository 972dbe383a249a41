using Aspire.Hosting.ApplicationModel;

namespace SpecialistPlatform.AppHost.LocalServers;

/// <summary>One service's own RabbitMQ user on one virtual host, with a password derived from the node's service
/// secret. A service that connects as it shows in the broker under its own name, and changing the secret replaces
/// every service password at the next start.</summary>
public sealed class RabbitMqUserResource(string name, RabbitMqServerResource server, string user, string virtualHost, ParameterResource password)
    : Resource(name), IResourceWithParent<RabbitMqServerResource>, IResourceWithConnectionString
{
    public RabbitMqServerResource Parent { get; } = server;

    public string User { get; } = user;

    public string VirtualHost { get; } = virtualHost;

    public ParameterResource Password { get; } = password;

    public ReferenceExpression ConnectionStringExpression => Parent.ConnectionStringFor(User, Password, VirtualHost);
}
