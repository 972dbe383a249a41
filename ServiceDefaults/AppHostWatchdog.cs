using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SpecialistPlatform.Contracts;

namespace SpecialistPlatform.ServiceDefaults;

/// <summary>
/// The AppHost stops its services on Ctrl+C or SIGTERM; if it is killed outright (SIGKILL, a crashed
/// terminal) nobody would. Each service it starts is told its pid and stops itself once that pid is gone,
/// so no process of ours outlives the AppHost. Services started any other way are not affected.
/// </summary>
internal sealed class AppHostWatchdog(IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<AppHostWatchdog> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!int.TryParse(configuration[ResourceNames.AppHostPidVariable], out var appHostPid) || !OperatingSystem.IsLinux())
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!Directory.Exists($"/proc/{appHostPid}"))
            {
                logger.LogWarning("The AppHost (pid {AppHostPid}) is gone; stopping", appHostPid);
                lifetime.StopApplication();
                return;
            }
        }
    }
}
