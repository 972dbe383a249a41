using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SpecialistPlatform.AppHost.Supervision;

/// <summary>
/// Restarts a service or server that exits without being asked to, with back-off: 1 s, doubling to 30 s, back to 1 s
/// once it has run for a minute. The orchestrator runs what it is told and reports exits, but does not restart by
/// itself; this is the supervision the platform's promise (no accepted job lost) needs. A resource stopped from the
/// dashboard passes through Stopping first and stays stopped; so does everything while the AppHost shuts down.
/// </summary>
public sealed class CrashedResourceRestarter(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    IHostApplicationLifetime lifetime,
    ILogger<CrashedResourceRestarter> logger) : BackgroundService
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, Supervised> _resources = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                if (change.Resource.HasAnnotationOfType<RestartOnCrashAnnotation>())
                {
                    Observe(change, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Observe(ResourceEvent change, CancellationToken stoppingToken)
    {
        var resource = _resources.TryGetValue(change.ResourceId, out var known) ? known : _resources[change.ResourceId] = new Supervised();
        var state = change.Snapshot.State?.Text;
        var previous = resource.State;
        if (state == previous)
        {
            return;
        }

        resource.State = state;
        if (state == KnownResourceStates.Starting)
        {
            // Our start command took effect: a crash from here on is a new crash.
            resource.AwaitingRestart = false;
            return;
        }

        if (state == KnownResourceStates.Running)
        {
            resource.RunningSince = DateTime.UtcNow;
            if (resource.AnnounceNextRun)
            {
                resource.AnnounceNextRun = false;
                logger.LogInformation("{Resource} restarted (pid {Pid}, restart {Count})", change.Resource.Name,
                    ServiceProcessTree.ServicePid(ServiceProcessTree.ReportedPid(change.Snapshot)), resource.Restarts);
            }

            return;
        }

        var crashed = state == KnownResourceStates.Exited || state == KnownResourceStates.Finished || state == KnownResourceStates.FailedToStart;
        if (!crashed || previous == KnownResourceStates.Stopping || resource.AwaitingRestart || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return;
        }

        resource.Backoff = DateTime.UtcNow - resource.RunningSince > StableAfter
            ? FirstBackoff
            : TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, Math.Max(FirstBackoff.Ticks, resource.Backoff.Ticks * 2)));
        resource.Restarts++;
        resource.AwaitingRestart = true;
        resource.AnnounceNextRun = true;
        logger.LogWarning("{Resource} {State} (exit code {ExitCode}); restarting in {Delay} s", change.Resource.Name, state?.ToLowerInvariant(),
            change.Snapshot.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none", resource.Backoff.TotalSeconds);
        _ = RestartLaterAsync(change.ResourceId, change.Resource.Name, resource.Backoff, stoppingToken);
    }

    private async Task RestartLaterAsync(string resourceId, string name, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(delay, stoppingToken);
                var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken);
                if (result.Success)
                {
                    return;
                }

                delay = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, delay.Ticks * 2));
                logger.LogError("Restarting {Resource} failed: {Reason}; trying again in {Delay} s", name, result.Message, delay.TotalSeconds);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private sealed class Supervised
    {
        public string? State { get; set; }
        public DateTime RunningSince { get; set; } = DateTime.UtcNow;
        public TimeSpan Backoff { get; set; }
        public int Restarts { get; set; }
        public bool AwaitingRestart { get; set; }
        public bool AnnounceNextRun { get; set; }
    }
}
