using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Data.Registry;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.Jobs.Registry;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Data;
using SpecialistPlatform.MachineLearning.Models;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.IntentClassifier.Models;

/// <summary>A model in service: the registry entry it came from, its version (the first 12 hex digits of the artifact's
/// SHA-256, as the audit trail records it) and the escalation threshold calibrated for it, if any.</summary>
public sealed record LoadedIntentModel(IntentModel Model, Guid RegistryId, string Name, string Version, double? EscalationThreshold);

/// <summary>What serves right now: the active model decides; the shadow, when there is one, runs beside it and, as a
/// canary, decides for a share of jobs: the registry's share for it when a platform admin set one, else the service's
/// setting (docs/decisions/0030).</summary>
public sealed record ServingIntentModels(LoadedIntentModel Active, LoadedIntentModel? Shadow, double? RegistryCanaryShare = null)
{
    /// <summary>Which model decides this job. The share is taken by the job id, so a redelivered job is decided by the
    /// same model again.</summary>
    public (LoadedIntentModel Decides, LoadedIntentModel? Compared) For(Guid jobId, double configuredCanaryShare)
    {
        if (Shadow is null)
        {
            return (Active, null);
        }

        return JobShare.Contains(jobId, RegistryCanaryShare ?? configuredCanaryShare, JobShare.CanaryBytes) ? (Shadow, Active) : (Active, Shadow);
    }
}

/// <summary>
/// Keeps the router's models in step with the registry. At start it loads the active version (training and registering
/// the default model from the bundled data when the registry has none: seconds on a CPU) and reports "not ready" on
/// /health until then, so no message is consumed before. Afterwards it checks the registry every few seconds and swaps
/// in a newly promoted active or shadow version with one reference assignment: each message is classified by the
/// snapshot it took, so a swap neither drops nor repeats a message.
/// </summary>
public sealed class IntentModelHost(
    IServiceScopeFactory scopes, IOptions<IntentClassifierOptions> options, ILogger<IntentModelHost> logger)
    : RegistryFollower(scopes, logger), IHealthCheck
{
    public const string ModelTask = "intent";

    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile ServingIntentModels? _serving;

    public async Task<ServingIntentModels> CurrentAsync()
    {
        await _firstLoad.Task;
        return _serving!;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_serving is { } serving
            ? HealthCheckResult.Healthy($"model {serving.Active.Name} {serving.Active.Version}" + (serving.Shadow is { } s ? $", shadow {s.Version}" : ""))
            : new HealthCheckResult(context.Registration.FailureStatus, Failure ?? "the model is still loading or training"));

    protected override TimeSpan RefreshInterval => TimeSpan.FromSeconds(options.Value.RegistryRefreshSeconds);

    protected override string Following => "intent models";

    protected override string Service => ResourceNames.Services.IntentClassifier;

    protected override async Task RefreshAsync(ModelRegistry registry, CancellationToken cancellationToken)
    {
        var name = options.Value.ModelName;
        var wanted = await registry.ServingAsync(ModelTask, name, cancellationToken);
        if (wanted.Active is null)
        {
            await TrainDefaultAsync(registry, name, cancellationToken);
            wanted = await registry.ServingAsync(ModelTask, name, cancellationToken);
        }

        var current = _serving;
        if (Same(current?.Active, wanted.Active) && Same(current?.Shadow, wanted.Shadow) && current?.RegistryCanaryShare == wanted.Shadow?.CanaryShare)
        {
            return;
        }

        var active = Same(current?.Active, wanted.Active) ? current!.Active : await LoadAsync(registry, wanted.Active!, current?.Active, cancellationToken);
        var shadow = wanted.Shadow is null ? null
            : Same(current?.Shadow, wanted.Shadow) ? current!.Shadow : await LoadAsync(registry, wanted.Shadow, current?.Shadow, cancellationToken);
        _serving = new ServingIntentModels(active, shadow, wanted.Shadow?.CanaryShare);
        _firstLoad.TrySetResult();
        logger.LogInformation("Serving intent model {Name} {Version}{Shadow}", name, active.Version,
            shadow is null ? "" : $" with shadow {shadow.Version} (canary share {wanted.Shadow!.CanaryShare?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "as configured"})");
    }

    private static bool Same(LoadedIntentModel? loaded, RegisteredModel? entry) =>
        loaded?.RegistryId == entry?.Id && loaded?.EscalationThreshold == entry?.EscalationThreshold;

    /// <summary>Downloads and checks the artifact, unless only the calibrated threshold changed.</summary>
    private static async Task<LoadedIntentModel> LoadAsync(ModelRegistry registry, RegisteredModel entry, LoadedIntentModel? loaded, CancellationToken cancellationToken)
    {
        if (loaded?.RegistryId == entry.Id)
        {
            return loaded with { EscalationThreshold = entry.EscalationThreshold };
        }

        var bytes = await registry.ArtifactAsync(entry.Id, cancellationToken);
        return new LoadedIntentModel(ModelArtifact.Deserialize(bytes), entry.Id, entry.Name, entry.Version, entry.EscalationThreshold);
    }

    /// <summary>The registry has no active router yet (a fresh platform): the default from the bundled labelled data.</summary>
    private async Task TrainDefaultAsync(ModelRegistry registry, string name, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await TrainAndActivateDefaultAsync(registry, ModelTask, name, Path.GetFullPath(settings.TrainingData, AppContext.BaseDirectory),
            cancel => DefaultIntentModel.LoadOrTrain(settings, logger, cancel), cancellationToken);
    }
}
