using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Registry;
using SpecialistPlatform.Jobs.Audit;
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.Jobs.Registry;

/// <summary>A default model trained at first start (or read from this machine's model cache, where an earlier start
/// trained it by the same recipe), ready to be registered.</summary>
public sealed record TrainedDefault(byte[] Artifact, string MetricsJson, string? TrainingDataSha256, int ExampleCount, bool FromCache = false);

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

    /// <summary>The service this follower runs in, named in the audit record of a default model it activates.</summary>
    protected abstract string Service { get; }

    /// <summary>The audit records of a default model's activation not yet handed to the audit writer (the bus was not up,
    /// say): sent again after every refresh until they leave.</summary>
    private IReadOnlyList<RecordAudit> _unsentAudit = [];

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
                await SendUnsentAuditAsync(scope.ServiceProvider);
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
    /// this at once register the same version, and only the one whose promotion changed what serves records it.</summary>
    /// <remarks>Activating the default changes what decides every tenant's jobs, so every tenant's trail tells of it, as
    /// of a promotion (<see cref="AuditedModelRegistry.DefaultActivated"/>). The services that train defaults hold no
    /// audit chain key, so the records go to the audit writer on the bus (as a step's frontier records do) right after
    /// the change commits, not in its transaction: a crash in that moment loses them, which docs/decisions/0020 accepts
    /// rather than give every step service the key.</remarks>
    protected async Task TrainAndActivateDefaultAsync(ModelRegistry registry, string task, string name, string dataPath,
        Func<CancellationToken, TrainedDefault> train, CancellationToken cancellationToken)
    {
        logger.LogInformation("The registry has no active {Task}/{Name} model: training one from {Data}", task, name, dataPath);
        var stopwatch = Stopwatch.StartNew();
        var trained = await Task.Run(() => train(cancellationToken), cancellationToken);
        // The note says which it was: a registry entry that claims a training run nobody did misleads whoever reads it.
        var note = trained.FromCache
            ? $"default model read at first start from this machine's model cache (trained earlier from {Path.GetFileName(dataPath)} by the same recipe) in {stopwatch.Elapsed.TotalSeconds:0.0} s"
            : $"default model trained at first start from {Path.GetFileName(dataPath)} in {stopwatch.Elapsed.TotalSeconds:0.0} s";
        var promotion = await registry.RegisterActiveAsync(task, name, trained.Artifact, trained.MetricsJson, trained.TrainingDataSha256, note,
            cancellationToken);
        logger.LogInformation("{How} and activated {Task}/{Name} {Version} ({Count} examples) in {Seconds:0.0} s",
            trained.FromCache ? "Read from the model cache" : "Trained", task, name, promotion.Promoted.Version, trained.ExampleCount,
            stopwatch.Elapsed.TotalSeconds);
        if (!promotion.Changed)
        {
            return; // Another instance activated the same default first and recorded it.
        }

        await using var scope = scopes.CreateAsyncScope();
        var tenants = await AuditedModelRegistry.TenantIdsAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), cancellationToken);
        _unsentAudit = AuditedModelRegistry.Records(promotion.Promoted, AuditedModelRegistry.DefaultActivated,
            AuditedModelRegistry.PromotionChange(ModelStatus.Active, promotion), new ChangeActor(Service, $"service:{Service}"),
            tenants, DateTimeOffset.UtcNow);
        await SendUnsentAuditAsync(scope.ServiceProvider);
    }

    private async Task SendUnsentAuditAsync(IServiceProvider services)
    {
        if (_unsentAudit.Count == 0)
        {
            return;
        }

        try
        {
            await services.GetRequiredService<ISendEndpointProvider>().AuditAsync(_unsentAudit);
            _unsentAudit = [];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not send the audit records of the default {Following}' activation; trying again at the next refresh", Following);
        }
    }
}
