using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SpecialistPlatform.Data.Registry;

namespace SpecialistPlatform.Jobs.Registry;

/// <summary>A default model trained at first start, ready to be registered.</summary>
public sealed record TrainedDefault(byte[] Artifact, string MetricsJson, string? TrainingDataSha256, int ExampleCount);

/// <summary>
/// Keeps a service's models in step with the model registry: every refresh interval it lets the service compare what
/// the registry serves with what it holds and swap in what changed. A failure (the registry or the database away for a
/// moment) is kept for /health and retried while the models in service keep serving. Shared by the router and the
/// extractor, which differ only in what they load and how they train their default.
/// </summary>
public abstract class RegistryFollower(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    /// <summary>Why the last refresh failed; null once one succeeds.</summary>
    protected string? Failure { get; private set; }

    protected abstract TimeSpan RefreshInterval { get; }

    /// <summary>What this follower keeps in step, for its log lines ("intent models").</summary>
    protected abstract string Following { get; }

    protected abstract Task RefreshAsync(ModelRegistry registry, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RefreshAsync(scope.ServiceProvider.GetRequiredService<ModelRegistry>(), stoppingToken);
                Failure = null;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                Failure = e.Message;
                logger.LogError(e, "Could not bring the {Following} in step with the registry; retrying", Following);
            }

            await Task.Delay(RefreshInterval, stoppingToken);
        }
    }

    /// <summary>The registry has no active version yet (a fresh platform): train the default from the bundled data off
    /// the refresh loop's thread, register it and make it active. Training is deterministic, so two instances doing
    /// this at once register the same version.</summary>
    protected async Task TrainAndActivateDefaultAsync(ModelRegistry registry, string task, string name, string dataPath,
        Func<CancellationToken, TrainedDefault> train, CancellationToken cancellationToken)
    {
        logger.LogInformation("The registry has no active {Task}/{Name} model: training one from {Data}", task, name, dataPath);
        var stopwatch = Stopwatch.StartNew();
        var trained = await Task.Run(() => train(cancellationToken), cancellationToken);
        var registered = await registry.RegisterActiveAsync(task, name, trained.Artifact, trained.MetricsJson, trained.TrainingDataSha256,
            $"default model trained at first start from {Path.GetFileName(dataPath)} in {stopwatch.Elapsed.TotalSeconds:0.0} s", cancellationToken);
        logger.LogInformation("Trained and activated {Task}/{Name} {Version} on {Count} examples in {Seconds:0.0} s",
            task, name, registered.Version, trained.ExampleCount, stopwatch.Elapsed.TotalSeconds);
    }
}
