using System.Net;
using SpecialistPlatform.Contracts.Intake;

namespace SpecialistPlatform.Gateway.Broker;

/// <summary>The two calls of RabbitMQ's management HTTP API the intake connection sweeper needs: list the connections
/// (name, user, virtual host only) and close one with a reason the client sees.</summary>
public sealed class BrokerManagementClient(HttpClient http)
{
    public async Task<IReadOnlyList<BrokerConnection>> ListIntakeConnectionsAsync(CancellationToken cancellationToken)
    {
        // All connections, filtered here: the sweeper's user has no permissions on the intake virtual host, which the
        // per-virtual-host listing would ask for.
        var all = await http.GetFromJsonAsync<List<BrokerConnection>>("api/connections?columns=name,user,vhost", cancellationToken) ?? [];
        return [.. all.Where(connection => connection.Vhost == IntakeTopology.VirtualHost)];
    }

    /// <summary>Closes the connection; one already gone (the client left, or another sweep closed it) is no error.</summary>
    public async Task CloseAsync(string connectionName, string reason, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"api/connections/{Uri.EscapeDataString(connectionName)}");
        request.Headers.Add("X-Reason", reason);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            response.EnsureSuccessStatusCode();
        }
    }
}

/// <summary>A connection as the management API lists it.</summary>
public sealed record BrokerConnection(string Name, string User, string Vhost);
