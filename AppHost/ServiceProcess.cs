using System.Diagnostics;
using System.Net.Http;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Provisioning;

namespace SpecialistPlatform.AppHost;

/// <summary>
/// One platform service run as its own process from its build output: started with its configuration in
/// environment variables, watched through /health, restarted with backoff when it crashes, stopped by pid.
/// </summary>
public sealed class ServiceProcess(string name, string assemblyPath, int port, IReadOnlyDictionary<string, string?> environment, ConsoleLog log)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stopping = new();
    private ChildProcess? _process;
    private Task? _supervision;

    public string Name { get; } = name;
    public int Port { get; } = port;
    public string Url => $"http://127.0.0.1:{Port}";
    public int? Pid => _process?.Pid;
    public string State { get; private set; } = "Starting";
    public int Restarts { get; private set; }

    /// <summary>Starts the process and returns once /health answers 200, or throws after <paramref name="timeout"/>.</summary>
    public async Task StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!File.Exists(assemblyPath))
        {
            throw new ProvisioningException($"{Name}: {assemblyPath} does not exist. Build the solution first (`dotnet build`).");
        }

        Launch();
        await WaitHealthyAsync(timeout, cancellationToken);
        _supervision = Task.Run(SuperviseAsync, CancellationToken.None);
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        if (_process is { } process)
        {
            State = "Stopping";
            // SIGTERM is the .NET host's graceful shutdown: in-flight messages finish, the bus disconnects.
            await process.StopAsync(PosixProcess.SigTerm, TimeSpan.FromSeconds(15));
            State = "Stopped";
        }

        if (_supervision is not null)
        {
            await _supervision;
        }
    }

    private void Launch()
    {
        var spec = new ChildProcessSpec(Name, "dotnet", [assemblyPath])
        {
            WorkingDirectory = Path.GetDirectoryName(assemblyPath),
            Environment = environment,
        };
        _process?.Dispose();
        _process = ChildProcess.Start(spec, log.Sink);
    }

    private async Task WaitHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        string lastAnswer = "no answer yet";
        while (stopwatch.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process is { HasExited: true } exited)
            {
                throw new ProvisioningException($"{Name} exited with code {exited.ExitCode} while starting (its log is above).");
            }

            try
            {
                using var response = await Http.GetAsync($"{Url}/health", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    State = "Healthy";
                    return;
                }

                lastAnswer = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
            }
            catch (HttpRequestException e)
            {
                lastAnswer = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastAnswer = "health check timed out";
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new ProvisioningException($"{Name} did not become healthy within {timeout.TotalSeconds:0} s; last /health answer: {lastAnswer}");
    }

    /// <summary>Restarts a crashed service with exponential backoff (1 s doubling to 30 s); a service that then
    /// stays healthy for a minute earns a fresh start of the backoff.</summary>
    private async Task SuperviseAsync()
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (!_stopping.IsCancellationRequested && _process is { } process)
        {
            var healthySince = Stopwatch.StartNew();
            try
            {
                await process.Exited.WaitAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (healthySince.Elapsed > TimeSpan.FromMinutes(1))
            {
                backoff = TimeSpan.FromSeconds(1);
            }

            State = "Restarting";
            log.Info($"{Name} (pid {process.Pid}) exited with code {process.ExitCode}; restarting in {backoff.TotalSeconds:0} s");
            try
            {
                await Task.Delay(backoff, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            Restarts++;
            Launch();
            log.Info($"{Name} restarted (pid {_process!.Pid}, restart {Restarts})");
            try
            {
                await WaitHealthyAsync(TimeSpan.FromSeconds(120), _stopping.Token);
                log.Info($"{Name} is healthy again");
            }
            catch (ProvisioningException e)
            {
                log.Info(e.Message);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The environment every service gets: its address, the servers' connection strings, the addresses of
    /// the other services (in the services__name__http__0 form .NET service discovery reads), telemetry.</summary>
    public static Dictionary<string, string?> Environment(string name, int port, string aspNetEnvironment,
        IReadOnlyDictionary<string, string> connectionStrings, IReadOnlyDictionary<string, int> servicePorts)
    {
        var variables = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = aspNetEnvironment,
            ["DOTNET_ENVIRONMENT"] = aspNetEnvironment,
            ["OTEL_SERVICE_NAME"] = name,
            [ResourceNames.AppHostPidVariable] = System.Environment.ProcessId.ToString(),
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            // Every service and server shares a few cores here: an idle thread-pool worker that spins for work
            // burns CPU another process needs (measured: see docs/decisions/0010-co-located-cpu-and-audit-in-the-slip.md).
            ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0",
        };
        foreach (var (connectionName, value) in connectionStrings)
        {
            variables[$"ConnectionStrings__{connectionName}"] = value;
        }

        foreach (var (service, servicePort) in servicePorts)
        {
            variables[$"services__{service}__http__0"] = $"http://127.0.0.1:{servicePort}";
        }

        if (System.Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 } otlp)
        {
            variables["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp;
        }

        return variables;
    }
}
