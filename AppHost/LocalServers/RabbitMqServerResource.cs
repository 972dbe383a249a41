using Aspire.Hosting.ApplicationModel;

namespace SpecialistPlatform.AppHost.LocalServers;

/// <summary>A private RabbitMQ node with its own node name, its own epmd (<see cref="EpmdResource"/>), and its Mnesia,
/// logs, cookie and configuration inside its data folder. Two virtual hosts (docs/decisions/0022-broker-users-and-an-intake-virtual-host.md): "/" carries the
/// services' own traffic and only the services' users (<see cref="RabbitMqUserResource"/>) and the operator may enter
/// it; <see cref="IntakeVirtualHost"/> is where outside applications submit jobs and read their own tenant's results,
/// authenticated by the gateway with their API key (the broker's HTTP auth backend).</summary>
public sealed class RabbitMqServerResource(string name, string command, string dataDirectory, ParameterResource operatorPassword, string serviceSecret)
    : LocalServerResource(name, command, dataDirectory, "rabbitmq")
{
    public const string NodeName = "specialist@localhost";
    public const string DistributionEndpointName = "distribution";
    public const string ManagementEndpointName = "management";

    /// <summary>The operator's user (RabbitMQ's administrator tag): the node's own connection string, for the
    /// management UI, the CLI's benchmarks and the tests. No service connects as it.</summary>
    public const string Operator = "specialist";

    /// <summary>The gateway's user of the management API, which closes intake connections of keys that stopped.</summary>
    public const string IntakeConnectionSweeper = "intake-sweeper";

    public const string InternalVirtualHost = "/";
    public const string IntakeVirtualHost = SpecialistPlatform.Contracts.Intake.IntakeTopology.VirtualHost;

    public ParameterResource OperatorPassword { get; } = operatorPassword;

    /// <summary>The secret the services' passwords are derived from (<see cref="RabbitMqDefinitions.ServicePassword"/>).</summary>
    internal string ServiceSecret { get; } = serviceSecret;

    public string DefinitionsFile => Path.Combine(DataDirectory, "definitions.json");

    /// <summary>The services' users, added before the node starts; the definitions file it loads at boot lists them.</summary>
    public List<RabbitMqUserResource> Users { get; } = [];

    /// <summary>Users of the management HTTP API (administrator tag, no virtual host), e.g. the gateway's connection sweeper.</summary>
    public List<RabbitMqManagementUserResource> ManagementUsers { get; } = [];

    /// <summary>The gateway's endpoint that answers the broker's authentication and authorisation questions for the
    /// intake virtual host (null: no gateway runs, so no outside client can log in).</summary>
    public EndpointReference? BrokerAuthEndpoint { get; set; }

    public override ReferenceExpression ConnectionStringExpression => ConnectionStringFor(Operator, OperatorPassword, InternalVirtualHost);

    public ReferenceExpression ConnectionStringFor(string user, ParameterResource password, string virtualHost) =>
        ReferenceExpression.Create(
            $"amqp://{user}:{password}@127.0.0.1:{PrimaryEndpoint.Property(EndpointProperty.Port)}/{(virtualHost == InternalVirtualHost ? "" : Uri.EscapeDataString(virtualHost))}");
}
