using System.Diagnostics;

namespace SpecialistPlatform.Provisioning;

/// <summary>How to run one private server instance.</summary>
public sealed record LocalServerOptions
{
    /// <summary>The instance's own folder; it survives restarts, so a second start reuses the data.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Durable servers flush to disk as they would in production; tests turn that off for speed.</summary>
    public bool Durable { get; init; } = true;

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public ProcessLog Log { get; init; } = ProcessLogs.None;
}

/// <summary>
/// A server the platform runs for itself on 127.0.0.1 from the installed Debian binaries: its own data folder,
/// its own port, its own pid, stopped by that pid. The AppHost and the test fixtures share this code.
/// </summary>
public abstract class LocalServer : IAsyncDisposable
{
    private readonly List<string> _recentOutput = [];
    private ChildProcess? _process;

    protected LocalServer(string name, LocalServerOptions options)
    {
        Name = name;
        Options = options;
        Port = FreePort.OrNext(options.Port);
        DataDirectory = Path.GetFullPath(options.DataDirectory);
    }

    public string Name { get; }
    public int Port { get; }
    public string DataDirectory { get; }
    public int? Pid => _process?.Pid;
    public abstract string ConnectionString { get; }

    /// <summary>Pids of every process this server runs as (some servers need a helper beside them).</summary>
    public virtual IReadOnlyList<int> Pids => _process is null ? [] : [_process.Pid];

    protected LocalServerOptions Options { get; }

    /// <summary>The unprivileged user the server must run as when we are root, e.g. "postgres".</summary>
    protected abstract string ServiceUser { get; }

    /// <summary>The process name in /proc/&lt;pid&gt;/comm, to recognise a leftover from an earlier run.</summary>
    protected abstract string ProcessName { get; }

    protected abstract int StopSignal { get; }

    protected string? RunAsUser => PosixProcess.IsRoot ? ServiceUser : null;

    private string PidFile => Path.Combine(DataDirectory, $"{Name}.pid");

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        Directory.CreateDirectory(DataDirectory);
        await StopLeftoverAsync(PidFile, ProcessName, cancellationToken);

        await LocateBinariesAsync(cancellationToken);

        // Before and after preparing: helpers such as initdb run as the service user, and the files we write
        // as root (configuration) must become theirs too.
        await GiveToServiceUserAsync(DataDirectory, cancellationToken);
        var spec = await PrepareAsync(cancellationToken);
        await GiveToServiceUserAsync(DataDirectory, cancellationToken);

        _process = ChildProcess.Start(spec, Remember);
        await File.WriteAllTextAsync(PidFile, _process.Pid.ToString(), cancellationToken);

        await WaitUntilAsync(ct => IsReadyAsync(ct), Options.StartTimeout, $"{Name} to accept connections on 127.0.0.1:{Port}", cancellationToken);
        await AfterReadyAsync(cancellationToken);
        Options.Log(Name, $"ready on 127.0.0.1:{Port} (pid {_process.Pid}) in {stopwatch.ElapsedMilliseconds} ms");
    }

    public virtual async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_process is null)
        {
            return;
        }

        var stopped = await _process.StopAsync(StopSignal, TimeSpan.FromSeconds(30), cancellationToken);
        Options.Log(Name, stopped ? $"stopped (pid {_process.Pid})" : $"did not stop (pid {_process.Pid})");
        _process.Dispose();
        _process = null;
        File.Delete(PidFile);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Finds (or installs) the server's programs; installing also creates its service user.</summary>
    protected abstract Task LocateBinariesAsync(CancellationToken cancellationToken);

    /// <summary>Creates config and data on first use and returns how to start the server.</summary>
    protected abstract Task<ChildProcessSpec> PrepareAsync(CancellationToken cancellationToken);

    protected abstract Task<bool> IsReadyAsync(CancellationToken cancellationToken);

    protected virtual Task AfterReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Starts a helper process (an initdb, an epmd) with the server's user and log.</summary>
    protected ChildProcess StartHelper(ChildProcessSpec spec) => ChildProcess.Start(spec with { RunAsUser = RunAsUser }, Remember);

    protected async Task WaitUntilAsync(Func<CancellationToken, Task<bool>> isReady, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!await isReady(cancellationToken))
        {
            if (_process is { HasExited: true })
            {
                throw Failure($"{Name} exited with code {_process.ExitCode} while starting");
            }

            if (deadline.Elapsed > timeout)
            {
                throw Failure($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    protected ProvisioningException Failure(string message)
    {
        string[] recent;
        lock (_recentOutput)
        {
            recent = [.. _recentOutput];
        }

        return new ProvisioningException(
            $"{message}. Data folder: {DataDirectory}. Last output:{Environment.NewLine}  " +
            string.Join(Environment.NewLine + "  ", recent));
    }

    /// <summary>Runs a one-off helper to completion, failing with its output when it fails.</summary>
    protected async Task RunHelperAsync(ChildProcessSpec spec, CancellationToken cancellationToken)
    {
        using var helper = StartHelper(spec);
        await helper.Exited.WaitAsync(cancellationToken);
        if (helper.ExitCode != 0)
        {
            throw Failure($"{spec.FileName} failed with exit code {helper.ExitCode}");
        }
    }

    private void Remember(string resource, string line)
    {
        lock (_recentOutput)
        {
            _recentOutput.Add(line);
            if (_recentOutput.Count > 30)
            {
                _recentOutput.RemoveAt(0);
            }
        }

        Options.Log(resource, line);
    }

    /// <summary>A process from an earlier run that was killed before it could stop its children still holds the
    /// data folder; stop it by the pid it left, but only if that pid is still that kind of process.</summary>
    protected async Task StopLeftoverAsync(string pidFile, string processName, CancellationToken cancellationToken)
    {
        if (!File.Exists(pidFile) || !int.TryParse(await File.ReadAllTextAsync(pidFile, cancellationToken), out var pid))
        {
            return;
        }

        if (PosixProcess.IsAlive(pid) && PosixProcess.CommandName(pid) == processName)
        {
            Options.Log(Name, $"stopping {processName} (pid {pid}) left running by an earlier run");
            await PosixProcess.StopAsync(pid, StopSignal, TimeSpan.FromSeconds(30), cancellationToken);
        }

        File.Delete(pidFile);
    }

    protected Task WritePidFileAsync(string pidFile, int pid, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(pidFile, pid.ToString(), cancellationToken);

    private async Task GiveToServiceUserAsync(string directory, CancellationToken cancellationToken)
    {
        if (RunAsUser is not { } user || OperatingSystem.IsWindows())
        {
            return;
        }

        // The service user must be able to reach the folder: every parent needs the execute bit for others.
        for (var parent = Path.GetDirectoryName(directory); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            var mode = File.GetUnixFileMode(parent);
            if (!mode.HasFlag(UnixFileMode.OtherExecute))
            {
                throw new ProvisioningException(
                    $"{Name} runs as the '{user}' user, which cannot reach {directory} because {parent} is not " +
                    "traversable by others. Choose a data folder outside it, e.g. --data-dir /var/lib/specialist-platform.");
            }
        }

        var chown = Process.Start("chown", ["-R", $"{user}:{user}", directory]);
        await chown.WaitForExitAsync(cancellationToken);
        if (chown.ExitCode != 0)
        {
            throw new ProvisioningException($"Could not give {directory} to the '{user}' user (chown exit code {chown.ExitCode}).");
        }
    }
}
