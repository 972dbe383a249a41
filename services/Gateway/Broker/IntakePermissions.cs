using SpecialistPlatform.Contracts.Intake;

namespace SpecialistPlatform.Gateway.Broker;

/// <summary>
/// What an outside client, logged in to the broker as its tenant, may touch: only the intake virtual host; there,
/// publish to the intake exchange, declare, bind and read queues with its tenant's prefix, and bind them to the
/// answer exchanges with its own tenant id as the routing key. Everything else is refused: the default exchange (it
/// routes to any queue by name, another tenant's included), the intake queue itself (other tenants' submissions),
/// publishing answers, and any pattern routing key ("#", "*").
/// The broker asks these questions of the gateway for users it does not know itself (the services and the operator
/// are its own users); <see cref="BrokerAuthApi"/> answers them.
/// </summary>
public static class IntakePermissions
{
    public static bool MayEnter(string virtualHost) => virtualHost == IntakeTopology.VirtualHost;

    /// <param name="resource">"exchange" or "queue" (the broker's resource kinds).</param>
    /// <param name="permission">"configure", "write" or "read".</param>
    public static bool MayUse(string tenantId, string virtualHost, string resource, string name, string permission)
    {
        if (!MayEnter(virtualHost))
        {
            return false;
        }

        return resource switch
        {
            "queue" => name.StartsWith(IntakeTopology.TenantQueuePrefix(tenantId), StringComparison.Ordinal) && name.Length > tenantId.Length + 1,
            "exchange" => permission switch
            {
                "write" => name == IntakeTopology.SubmitExchange,
                // Binding a queue to an exchange needs read on the exchange; the routing key is checked by MayBind.
                "read" => IntakeTopology.ResultExchanges.Contains(name),
                _ => false,
            },
            _ => false,
        };
    }

    /// <summary>Topic checks: a binding to an answer exchange only with the tenant's own id as the key; no publishing.</summary>
    public static bool MayRoute(string tenantId, string virtualHost, string exchange, string permission, string routingKey) =>
        MayEnter(virtualHost) && permission == "read" && IntakeTopology.ResultExchanges.Contains(exchange) && routingKey == tenantId;
}
