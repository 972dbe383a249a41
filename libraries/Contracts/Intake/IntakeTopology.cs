using SpecialistPlatform.Contracts.Jobs;

namespace SpecialistPlatform.Contracts.Intake;

/// <summary>
/// What outside applications see of the broker: the intake virtual host, where each logs in as
/// <c>&lt;tenant&gt;.&lt;key id&gt;</c> (<see cref="BrokerLogins"/>) with that API key (password). They publish submissions to
/// <see cref="SubmitExchange"/>, setting the AMQP <c>user_id</c> property to the login name, which the broker checks
/// against the login; and they read their own
/// tenant's answers by binding queues named <see cref="TenantQueuePrefix"/>… to the topic exchanges in
/// <see cref="ResultExchanges"/> with their tenant as the routing key. Nothing else there is theirs (docs/decisions/0022-broker-users-and-an-intake-virtual-host.md).
/// </summary>
public static class IntakeTopology
{
    public const string VirtualHost = "intake";

    /// <summary>Where the gateway answers the broker's questions about outside clients (…/user, /vhost, /resource, /topic).</summary>
    public const string BrokerAuthPath = "/internal/broker-auth";

    /// <summary>The raw-JSON intake queue and the fanout exchange of the same name in front of it.</summary>
    public const string SubmitExchange = ResourceNames.Queues.RawJobIntake;

    /// <summary>The exchanges the workflow publishes answers to, one per event type, each a topic exchange routed by
    /// tenant id (MassTransit's entity names for the event types).</summary>
    public static readonly IReadOnlyList<string> ResultExchanges =
        [EntityName<JobAccepted>(), EntityName<JobRejected>(), EntityName<JobFinished>(), EntityName<JobFailed>()];

    /// <summary>Queues a tenant may declare, bind and read: its own id and a dot first. Tenant ids cannot contain a
    /// dot (<see cref="TenantIds"/>), so no tenant's prefix is another's.</summary>
    public static string TenantQueuePrefix(string tenantId) => tenantId + ".";

    /// <summary>MassTransit's exchange name for a message type: <c>Namespace:TypeName</c>.</summary>
    public static string EntityName<T>() => $"{typeof(T).Namespace}:{typeof(T).Name}";
}
