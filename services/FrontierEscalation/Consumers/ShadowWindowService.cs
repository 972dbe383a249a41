using Microsoft.Extensions.Options;
using SpecialistPlatform.Evaluation.ShadowWindows;
using SpecialistPlatform.Frontier;

namespace SpecialistPlatform.FrontierEscalation.Consumers;

/// <summary>
/// Summarises shadow comparisons into evaluation runs as their windows end (Frontier:ShadowWindow), checking a few
/// times per window so a report appears soon after its window closes. A failed attempt is logged and retried at the
/// next tick: nothing is lost, since the comparisons stay in Postgres until summarised.
/// </summary>
public sealed class ShadowWindowService(IServiceScopeFactory scopes, IOptions<FrontierOptions> options, ILogger<ShadowWindowService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var window = options.Value.ShadowWindow;
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Clamp(window.Ticks / 4, TimeSpan.TicksPerSecond, TimeSpan.TicksPerMinute)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var written = await scope.ServiceProvider.GetRequiredService<ShadowWindowCloser>().CloseEndedWindowsAsync(window, stoppingToken);
                foreach (var run in written)
                {
                    logger.LogInformation("Shadow window {Start:o} of tenant {Tenant}, router {Version}: {Rows} comparisons summarised as evaluation run {RunId}",
                        run.WindowStart, run.TenantId, run.ModelVersion, run.DatasetRows, run.Id);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Closing shadow windows failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
