using Aspire.Hosting.ApplicationModel;

namespace SpecialistPlatform.AppHost.LocalServers;

/// <summary>A user of the node's management HTTP API (RabbitMQ's administrator tag, no virtual host permissions, so it
/// cannot open an AMQP connection anywhere), as a connection string <c>http://user:password@127.0.0.1:port/</c>. The
/// gateway's intake connection sweeper is one: closing another user's connection through the API takes the
/// administrator tag (docs/decisions/0029). Its password derives from the node's service secret like a service's.</summary>
public sealed class RabbitMqManagementUserResource(string name, RabbitMqServerResource server, string user, ParameterResource password)
    : Resource(name), IResourceWithParent<RabbitMqServerResource>, IResourceWithConnectionString
{
    public RabbitMqServerResource Parent { get; } = server;

    public string User { get; } = user;

    public ParameterResource Password { get; } = password;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"http://{User}:{Password}@127.0.0.1:{Parent.GetEndpoint(RabbitMqServerResource.ManagementEndpointName).Property(EndpointProperty.Port)}/");
}
