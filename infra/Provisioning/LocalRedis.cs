using System.Net.Sockets;
using System.Text;
using SpecialistPlatform.Contracts;

namespace SpecialistPlatform.Provisioning;

/// <summary>A private Redis: short-lived state only, so durable mode keeps an append-only file and tests keep
/// nothing at all.</summary>
public sealed class LocalRedis(LocalServerOptions options) : LocalServer(ResourceNames.Servers.Redis, options)
{
    public override string ConnectionString => $"127.0.0.1:{Port}";

    protected override string ServiceUser => "redis";
    protected override string ProcessName => "redis-server";
    protected override int StopSignal => PosixProcess.SigTerm;

    private string _redisServer = "";

    protected override async Task LocateBinariesAsync(CancellationToken cancellationToken) =>
        _redisServer = await ServerBinaries.RequireAsync("Redis", ServerBinaries.RedisServer, "redis-server", Options.Log, cancellationToken);

    protected override Task<ChildProcessSpec> PrepareAsync(CancellationToken cancellationToken)
    {
        List<string> arguments =
        [
            "--bind", "127.0.0.1", "--port", Port.ToString(), "--dir", DataDirectory,
            "--daemonize", "no", "--protected-mode", "yes", "--logfile", "",
        ];
        arguments.AddRange(Options.Durable
            ? ["--appendonly", "yes", "--save", "300 10"]
            : ["--appendonly", "no", "--save", ""]);
        return Task.FromResult(new ChildProcessSpec(Name, _redisServer, arguments) { RunAsUser = RunAsUser });
    }

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            // While it loads its append-only file Redis answers -LOADING: not ready yet.
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
