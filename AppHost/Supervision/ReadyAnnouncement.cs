using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SpecialistPlatform.Contracts;

namespace SpecialistPlatform.AppHost.Supervision;

/// <summary>One line when every service is healthy: how long it took, where the API is, and (in Development) the
/// development tenant's key, so a new user can call the API at once. The dashboard's login link is Aspire's own line.</summary>
public sealed class ReadyAnnouncement(
    ResourceNotificationService notifications,
    DistributedApplicationModel model,
    PlatformSettings settings,
    ILogger<ReadyAnnouncement> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var services = model.Resources.OfType<ProjectResource>().Where(p => p.HasAnnotationOfType<RestartOnCrashAnnotation>()).ToList();
        try
        {
            await Task.WhenAll(services.Select(service => notifications.WaitForResourceHealthyAsync(service.Name, stoppingToken)));
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var gateway = services.FirstOrDefault(s => s.Name == ResourceNames.Services.Gateway)?.GetEndpoint("http").Url;
        logger.LogInformation("All {Count} services healthy in {Seconds:0.0} s. API: {Gateway} (OpenAPI: {Gateway}/swagger). Data: {Data}",
            services.Count, stopwatch.Elapsed.TotalSeconds, gateway ?? "not running", gateway ?? "-", settings.DataDirectory);
        if (services.FirstOrDefault(s => s.Name == ResourceNames.Services.Console)?.GetEndpoint("http").Url is { } console)
        {
            logger.LogInformation("Console: {Console} (sign in with an API key)", console);
        }

        if (settings.Environment == "Development")
        {
            logger.LogInformation("Development API key (tenant 'dev', roles submitter, auditor, admin; also in {File}): {Key}",
                Path.Combine(settings.DataDirectory, DevelopmentApiKey.FileName), settings.DevApiKey);
        }
    }
}
