using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using SpecialistPlatform.AppHost.LocalServers;

namespace SpecialistPlatform.AppHost.Supervision;

/// <summary>
/// Writes what the orchestrator reports (each resource's state, health, pid, address and the servers' connection
/// strings) to <c>apphost-state.json</c> in the data folder (mode 0600), for the CLI's commands that talk to a
/// running platform (bench load, bench chaos, models) and for scripts. <c>state</c> is Running once every service
/// is healthy. The dashboard remains the place to look; this is the same information for programs.
/// </summary>
public sealed class PlatformStateFile(ResourceNotificationService notifications, DistributedApplicationModel model, PlatformSettings settings) : BackgroundService
{
    public const string FileName = "apphost-state.json";
    private readonly Dictionary<string, ResourceEvent> _latest = [];
    private string? _written;

    private string Path => System.IO.Path.Combine(settings.DataDirectory, FileName);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                _latest[change.Resource.Name] = change;
                await WriteAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteAsync(cancellationToken, stopped: true);
    }

    private async Task WriteAsync(CancellationToken cancellationToken, bool stopped = false)
    {
        var services = model.Resources.OfType<ProjectResource>().Where(p => p.HasAnnotationOfType<RestartOnCrashAnnotation>()).ToList();
        var allHealthy = services.Count > 0 && services.All(s => _latest.TryGetValue(s.Name, out var e)
            && e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);

        var servers = new List<object>();
        foreach (var server in model.Resources.OfType<LocalServerResource>())
        {
            servers.Add(new
            {
                name = server.Name,
                state = State(server),
                pids = new[] { Pid(server) }.Concat(server is RabbitMqServerResource ? [Pid(model.Resources.Single(r => r is EpmdResource))] : [])
                    .OfType<int>().ToArray(),
                connectionString = server.PrimaryEndpoint.IsAllocated ? await ((IResourceWithConnectionString)server).GetConnectionStringAsync(cancellationToken) : null,
            });
        }

        var state = new
        {
            state = stopped ? "Stopped" : allHealthy ? "Running" : "Starting",
            appHostPid = Environment.ProcessId,
            servers,
            services = services.Select(service => new
            {
                name = service.Name,
                state = State(service),
                health = _latest.TryGetValue(service.Name, out var e) ? e.Snapshot.HealthStatus?.ToString() : null,
                pid = ServiceProcessTree.ServicePid(Pid(service)),
                url = service.GetEndpoints().FirstOrDefault(endpoint => endpoint.EndpointName == "http") is { IsAllocated: true } http ? http.Url : null,
            }),
        };

        // Most notifications (log lines, health polls) change nothing the file holds.
        var json = JsonSerializer.Serialize(state, new JsonSerializerOptions { WriteIndented = true });
        if (json == _written)
        {
            return;
        }

        // The connection strings carry the servers' passwords.
        await OwnerOnlyFile.WriteAsync(Path, json, cancellationToken);
        _written = json;
    }

    private string? State(IResource resource) => _latest.TryGetValue(resource.Name, out var e) ? e.Snapshot.State?.Text : null;

    private int? Pid(IResource resource) =>
        _latest.TryGetValue(resource.Name, out var e) ? ServiceProcessTree.ReportedPid(e.Snapshot) : null;
}
