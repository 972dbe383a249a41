using System.Net.Sockets;
using SpecialistPlatform.Contracts;

namespace SpecialistPlatform.Provisioning;

/// <summary>
/// A private RabbitMQ node with its own epmd: node name, ports, Mnesia and log folders, cookie (HOME) and
/// config all inside the data folder, every listener on 127.0.0.1. We start the Erlang VM in the foreground
/// (RABBITMQ_ALLOW_INPUT makes the start script exec it, so our pid is beam's) with -noinput.
/// </summary>
public sealed class LocalRabbitMq(LocalServerOptions options) : LocalServer(ResourceNames.Servers.RabbitMq, options)
{
    private const string NodeName = "specialist@localhost";
    private readonly int _distributionPort = FreePort.Next();
    private readonly int _epmdPort = FreePort.Next();
    private ChildProcess? _epmd;
    private string _server = "";
    private string _epmdProgram = "";

    /// <summary>Management UI and HTTP API port on 127.0.0.1; 0 leaves the plugin off (tests start faster).</summary>
    public int ManagementPort { get; init; }

    public override string ConnectionString => $"amqp://guest:guest@127.0.0.1:{Port}/";

    public string? ManagementUrl => ManagementPort == 0 ? null : $"http://127.0.0.1:{ManagementPort}/";

    public override IReadOnlyList<int> Pids => _epmd is null ? base.Pids : [.. base.Pids, _epmd.Pid];

    protected override string ServiceUser => "rabbitmq";
    protected override string ProcessName => "beam.smp";
    protected override int StopSignal => PosixProcess.SigTerm;

    private string EpmdPidFile => Path.Combine(DataDirectory, "epmd.pid");

    protected override async Task LocateBinariesAsync(CancellationToken cancellationToken)
    {
        _server = await ServerBinaries.RequireAsync("RabbitMQ", ServerBinaries.RabbitMqServer, "rabbitmq-server", Options.Log, cancellationToken);
        _epmdProgram = ServerBinaries.Epmd() ?? throw new ProvisioningException(
            "RabbitMQ is installed but Erlang's epmd is missing; reinstall with `apt-get install -y --reinstall erlang-base`.");
    }

    protected override async Task<ChildProcessSpec> PrepareAsync(CancellationToken cancellationToken)
    {
        var mnesia = Path.Combine(DataDirectory, "mnesia");
        var logs = Path.Combine(DataDirectory, "log");
        Directory.CreateDirectory(mnesia);
        Directory.CreateDirectory(logs);

        var config = new List<string>
        {
            $"listeners.tcp.default = 127.0.0.1:{Port}",
            "loopback_users.guest = true",
            "log.console = true",
            "log.console.level = warning",
            "log.file = false",
        };
        if (ManagementPort != 0)
        {
            config.Add($"management.tcp.ip = 127.0.0.1");
            config.Add($"management.tcp.port = {ManagementPort}");
        }

        await File.WriteAllLinesAsync(Path.Combine(DataDirectory, "rabbitmq.conf"), config, cancellationToken);
        await File.WriteAllTextAsync(
            Path.Combine(DataDirectory, "enabled_plugins"),
            ManagementPort != 0 ? "[rabbitmq_management].\n" : "[].\n",
            cancellationToken);

        await StartEpmdAsync(cancellationToken);
        return new ChildProcessSpec(Name, _server, [])
        {
            RunAsUser = RunAsUser,
            WorkingDirectory = DataDirectory,
            Environment = new Dictionary<string, string?>
            {
                ["HOME"] = DataDirectory,
                ["RABBITMQ_NODENAME"] = NodeName,
                ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
                ["RABBITMQ_NODE_PORT"] = Port.ToString(),
                ["RABBITMQ_DIST_PORT"] = _distributionPort.ToString(),
                ["RABBITMQ_MNESIA_BASE"] = mnesia,
                ["RABBITMQ_LOG_BASE"] = logs,
                ["RABBITMQ_CONFIG_FILE"] = Path.Combine(DataDirectory, "rabbitmq"),
                ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(DataDirectory, "enabled_plugins"),
                ["RABBITMQ_PID_FILE"] = Path.Combine(DataDirectory, "beam.pid"),
                ["RABBITMQ_ALLOW_INPUT"] = "1",
                // +sbwt none...: Erlang's schedulers busy-wait for work by default, which takes CPU from the services
                // that share the machine's cores with the broker.
                ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-noinput +B i +sbwt none +sbwtdcpu none +sbwtdio none -kernel inet_dist_use_interface {127,0,0,1}",
                ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
                ["ERL_EPMD_PORT"] = _epmdPort.ToString(),
            },
        };
    }

    protected override Task<bool> IsReadyAsync(CancellationToken cancellationToken) => AcceptsAmqpAsync(cancellationToken);

    /// <summary>Our own epmd, started before the node: otherwise erl would start a daemonised one whose pid
    /// we would not hold.</summary>
    private async Task StartEpmdAsync(CancellationToken cancellationToken)
    {
        await StopLeftoverAsync(EpmdPidFile, "epmd", cancellationToken);
        _epmd = StartHelper(new ChildProcessSpec("epmd", _epmdProgram, ["-address", "127.0.0.1", "-port", _epmdPort.ToString()]));
        await WritePidFileAsync(EpmdPidFile, _epmd.Pid, cancellationToken);
        await WaitUntilAsync(_ => Task.FromResult(FreePort.IsListening(_epmdPort)), TimeSpan.FromSeconds(10), $"epmd on 127.0.0.1:{_epmdPort}", cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await base.StopAsync(cancellationToken);
        if (_epmd is not null)
        {
            await _epmd.StopAsync(PosixProcess.SigTerm, TimeSpan.FromSeconds(5), cancellationToken);
            _epmd.Dispose();
            _epmd = null;
            File.Delete(EpmdPidFile);
        }
    }

    /// <summary>The listener opens late in the boot, after the broker's internals are up; a server that answers
    /// the AMQP 0-9-1 protocol header with a Connection.Start method frame is ready for clients.</summary>
    private async Task<bool> AcceptsAmqpAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("AMQP\0\0\u0009\u0001"u8.ToArray(), cancellationToken);
            var frame = new byte[7];
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            var read = await stream.ReadAsync(frame, timeout.Token);
            return read > 0 && frame[0] == 1;
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
