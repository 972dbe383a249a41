using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using SpecialistPlatform.AppHost;
using SpecialistPlatform.AppHost.Supervision;
using SpecialistPlatform.Contracts;

namespace SpecialistPlatform.TestInfrastructure;

/// <summary>What a test's platform runs with.</summary>
public sealed record PlatformAppOptions
{
    /// <summary>Services to run; empty runs the servers and the schema alone.</summary>
    public IReadOnlyList<string> Services { get; init; } = ResourceNames.Services.All;

    /// <summary>Settings for every service (e.g. <c>Frontier:Models:0:Model</c>).</summary>
    public IReadOnlyDictionary<string, string> ServiceSettings { get; init; } = new Dictionary<string, string>();

    public string? DevApiKey { get; init; }

    /// <summary>The web console beside the gateway (off unless a test drives it: it is one more process to start).</summary>
    public bool Console { get; init; }

    /// <summary>A data folder to use and keep (a restart test starts twice on one); by default a new one, deleted at the end.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The Aspire dashboard (off unless a test looks at it).</summary>
    public bool Dashboard { get; init; }

    /// <summary>Servers that survive a crash with what they acknowledged (Postgres fsync and synchronous commit on).
    /// Off by default for speed; a test that kills a server needs it, or Postgres forgets commits it already
    /// confirmed (a job answered 202 and then gone, as one such test found).</summary>
    public bool DurableServers { get; init; }
}

/// <summary>
/// The real AppHost, started in the test process by Aspire's testing builder, as a developer's `dotnet run` starts
/// it: its own private servers in a temporary data folder, every port chosen by the orchestrator (never guessed by the
/// test), every process stopped at the end. Tests reach it through its resources: endpoints, connection strings,
/// states and pids as the orchestrator reports them.
/// </summary>
public sealed class PlatformApp : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private DistributedApplication? _app;

    private readonly bool _ownsDataDirectory;

    private PlatformApp(string? dataDirectory)
    {
        _ownsDataDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "specialist-tests", Guid.NewGuid().ToString("N")[..12]);
    }

    public string DataDirectory { get; }

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform is not started.");

    /// <summary>What the AppHost itself logged (start-up, restarts), for assertions and failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<PlatformApp> StartAsync(PlatformAppOptions options, CancellationToken cancellationToken)
    {
        // Under /tmp, not the home folder: the servers run as their own users when tests run as root.
        var platform = new PlatformApp(options.DataDirectory);
        var arguments = new List<string>
        {
            $"--Platform:DataDirectory={platform.DataDirectory}",
            "--Platform:GatewayPort=0", "--Platform:PostgresPort=0", "--Platform:RedisPort=0", "--Platform:RabbitMqPort=0",
            // The management API on a port of its own: the gateway's sweeper closes intake connections of stopped keys through it.
            "--Platform:RabbitMqManagement=true", "--Platform:RabbitMqManagementPort=0",
            $"--Platform:DurableServers={options.DurableServers}",
            "--Platform:ConsolePort=0", $"--Platform:Console={options.Console}",
            $"--Platform:Services={(options.Services.Count == 0 ? "none" : string.Join(',', options.Services))}",
        };
        if (options.DevApiKey is not null)
        {
            arguments.Add($"--Platform:DevApiKey={options.DevApiKey}");
        }

        arguments.AddRange(options.ServiceSettings.Select(setting => $"--{PlatformEnvironment.ServiceSettingsSection}:{setting.Key}={setting.Value}"));

        // With the dashboard on, the testing builder gives it (and its OTLP endpoint) ports of its own choosing.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = options.Dashboard }, [.. arguments], cancellationToken);
        builder.Services.AddLogging(logging => logging.AddProvider(new CapturingLoggerProvider(platform.Append)));
        platform._app = await builder.BuildAsync(cancellationToken);
        // One deadline for starting and becoming ready. A first start trains the router and the span tagger before the
        // services report healthy: about a minute on an idle two-core machine, over six once when a second platform
        // trained beside it (load average 68). A server the orchestrator never starts (seen once: RabbitMQ's data folder
        // prepared, no process, no log) must fail the test with the resources' states, not hang the run.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        try
        {
            await platform._app.StartAsync(timeout.Token);
            await platform.WaitUntilReadyAsync(options, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var state = $"The platform did not start and become healthy within 10 minutes:\n{await platform.DescribeAsync()}\n{platform.Output}";
            await platform.DisposeAsync();
            throw new TimeoutException(state);
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }

        return platform;
    }

    private async Task WaitUntilReadyAsync(PlatformAppOptions options, CancellationToken timeout)
    {
        var notifications = App.Services.GetRequiredService<ResourceNotificationService>();
        await notifications.WaitForResourceAsync(ResourceNames.Services.DatabaseMigrations, KnownResourceStates.Finished, timeout);
        IReadOnlyList<string> running = options.Console && options.Services.Contains(ResourceNames.Services.Gateway)
            ? [.. options.Services, ResourceNames.Services.Console]
            : options.Services;
        await Task.WhenAll(running.Select(service => notifications.WaitForResourceHealthyAsync(service, timeout)));
    }

    public Uri ServiceUrl(string service) => App.GetEndpoint(service, "http");

    /// <summary>The dashboard's login link (it carries the browser token); the dashboard must be on.</summary>
    public Task<Uri> DashboardLoginUrlAsync(CancellationToken cancellationToken) => App.GetDashboardUrlAsync(cancellationToken);

    public async Task<string> ConnectionStringAsync(string resource, CancellationToken cancellationToken = default) =>
        await App.GetConnectionStringAsync(resource, cancellationToken) ?? throw new InvalidOperationException($"{resource} has no connection string.");

    /// <summary>The pid of the resource's own process as the orchestrator reports it: a server's, or a service's own
    /// (not the `dotnet run` that launched it).</summary>
    public int Pid(string resource)
    {
        var snapshot = Snapshot(resource);
        var launcher = (snapshot is null ? null : ServiceProcessTree.ReportedPid(snapshot))
            ?? throw new InvalidOperationException($"{resource} has no pid (state {snapshot?.State?.Text}).");
        return App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resource) is ProjectResource
            ? ServiceProcessTree.ServicePid(launcher) ?? launcher
            : launcher;
    }

    public CustomResourceSnapshot? Snapshot(string resource) =>
        App.Services.GetRequiredService<ResourceNotificationService>().TryGetCurrentState(resource, out var e) ? e.Snapshot : null;

    /// <summary>Waits until the resource runs healthy again as a process other than <paramref name="oldPid"/>.</summary>
    public async Task WaitForRestartAsync(string resource, int oldPid, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var snapshot = Snapshot(resource);
            if (snapshot is { } s && s.State?.Text == KnownResourceStates.Running
                && (s.HealthStatus == HealthStatus.Healthy || s.HealthReports.IsEmpty) && Pid(resource) != oldPid && PosixProcess.IsAlive(Pid(resource)))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{resource} did not come back within {timeout}:\n{await DescribeAsync()}\n{Output}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Waits until the AppHost's log holds <paramref name="text"/>: a log line is written when the AppHost's
    /// own watcher handles an event, which may be a moment after a test sees the same state in a snapshot.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.OrdinalIgnoreCase))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"the AppHost did not log \"{text}\" within {timeout}:\n{await DescribeAsync()}\n{Output}");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>Every resource's state and health, for failure messages.</summary>
    public Task<string> DescribeAsync()
    {
        var notifications = App.Services.GetRequiredService<ResourceNotificationService>();
        var lines = App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Select(r => notifications.TryGetCurrentState(r.Name, out var e) ? $"  {r.Name}: {e.Snapshot.State?.Text} {e.Snapshot.HealthStatus} exit={e.Snapshot.ExitCode}" : $"  {r.Name}: ?");
        return Task.FromResult(string.Join(Environment.NewLine, lines));
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }

        if (!_ownsDataDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder left in /tmp is harmless; failing the run over it would not be.
        }
    }

    private void Append(string line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
