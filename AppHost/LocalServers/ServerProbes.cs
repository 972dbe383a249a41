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

    /// <summary>AUTH then PING, answered +OK then +PONG; a Redis still loading its data answers -LOADING to the PING.</summary>
    public static Task<bool> RedisAnswersPingAsync(int port, string password, CancellationToken cancellationToken) =>
        ExchangeAsync(port, Encoding.ASCII.GetBytes($"AUTH {password}\r\nPING\r\n"),
            answer => Encoding.ASCII.GetString(answer) == "+OK\r\n+PONG\r\n", cancellationToken, expectedLength: "+OK\r\n+PONG\r\n".Length);

    /// <summary>A broker that answers the AMQP 0-9-1 protocol header with a method frame (Connection.Start).</summary>
    public static Task<bool> RabbitMqAnswersAmqpAsync(int port, CancellationToken cancellationToken) =>
        ExchangeAsync(port, "AMQP\0\0\u0009\u0001"u8.ToArray(), answer => answer.Length > 0 && answer[0] == 1, cancellationToken);

    public static Task<bool> AcceptsConnectionsAsync(int port, CancellationToken cancellationToken) =>
        ExchangeAsync(port, null, _ => true, cancellationToken);

    /// <param name="expectedLength">Read until this many bytes (or the server closes): two pipelined answers may arrive
    /// in two segments.</param>
    private static async Task<bool> ExchangeAsync(int port, byte[]? request, Func<byte[], bool> isReady, CancellationToken cancellationToken,
        int expectedLength = 1)
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
            var received = 0;
            do
            {
                var read = await stream.ReadAsync(buffer.AsMemory(received), timeout.Token);
                if (read == 0)
                {
                    break;
                }

                received += read;
            }
            while (received < expectedLength && received < buffer.Length);

            return isReady(buffer[..received]);
        }
        catch (Exception e) when (e is SocketException or IOException || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
