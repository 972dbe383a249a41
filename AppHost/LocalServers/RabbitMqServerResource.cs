using Aspire.Hosting.ApplicationModel;

namespace SpecialistPlatform.AppHost.LocalServers;

/// <summary>A private RabbitMQ node with its own node name, its own epmd (<see cref="EpmdResource"/>), and its Mnesia,
/// logs, cookie and configuration inside its data folder.</summary>
public sealed class RabbitMqServerResource(string name, string command, string dataDirectory)
    : LocalServerResource(name, command, dataDirectory, "rabbitmq")
{
    public const string NodeName = "specialist@localhost";
    public const string DistributionEndpointName = "distribution";
    public const string ManagementEndpointName = "management";

    public override ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{PrimaryEndpoint.Property(EndpointProperty.Port)}/");
}
