using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace SpecialistPlatform.AppHost.LocalServers;

/// <summary>
/// Readiness as each server's own protocol defines it, for the health checks that WaitFor honours: a port that
/// accepts connections is not yet a server that answers (RabbitMQ opens its listener before its internals are up;
/// Redis answers -LOADING while it reads its append-only file).
/// </summary>
public static class ServerProbes
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public static async Task<bool> PostgresAcceptsLoginAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false, Timeout = 3 };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return false;
        }
    }

    public static Task<bool> RedisAnswersPingAsync(int port, CancellationToken cancellationToken) =>
        ExchangeAsync(port, "PING\r\n"u8.ToArray(), answer => Encoding.ASCII.GetString(answer).StartsWith("+PONG", StringComparison.Ordinal), cancellationToken);

    /// <summary>A broker that answers the AMQP 0-9-1 protocol header with a method frame (Connection.Start).</summary>
    public static Task<bool> RabbitMqAnswersAmqpAsync(int port, CancellationToken cancellationToken) =>
        ExchangeAsync(port, "AMQP\0\0\u0009\u0001"u8.ToArray(), answer => answer.Length > 0 && answer[0] == 1, cancellationToken);

    public static Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken) =>
        ExchangeAsync(port, null, _ => true, cancellationToken);

    private static async Task<bool> ExchangeAsync(int port, byte[]? request, Func<byte[], bool> isReady, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            if (request is null)
            {
                return true;
            }

            var stream = client.GetStream();
            await stream.WriteAsync(request, timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return isReady(buffer[..read]);
        }
        catch (Exception e) when (e is SocketException or IOException || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
