using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Data.Registry;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.Jobs.Registry;
using SpecialistPlatform.MachineLearning.Moderation;

namespace SpecialistPlatform.ComplianceChecker.Moderation;

/// <summary>A moderation model in service: the registry entry it came from and its version (the first 12 hex digits
/// of the artifact's SHA-256, as the audit trail records it).</summary>
public sealed record LoadedModerationModel(ModerationModel Model, Guid RegistryId, string Name, string Version);

/// <summary>What serves right now: the active model decides; the shadow, when there is one, scores beside it and, as a
/// canary, decides for a share of jobs: the registry's share for it when a platform admin set one, else the service's
/// setting (docs/decisions/0030).</summary>
public sealed record ServingModerationModels(LoadedModerationModel Active, LoadedModerationModel? Shadow, double? RegistryCanaryShare = null)
{
    /// <summary>Which model decides this job. The share is taken by the job id, so a redelivered job is decided by the
    /// same model again; a batch API text (no job) is decided by the active model.</summary>
    public (LoadedModerationModel Decides, LoadedModerationModel? Compared) For(Guid? jobId, double configuredCanaryShare) =>
        Shadow is null ? (Active, null)
        : jobId is { } id && JobShare.Contains(id, RegistryCanaryShare ?? configuredCanaryShare, JobShare.CanaryBytes) ? (Shadow, Active)
        : (Active, Shadow);
}

/// <summary>
/// Keeps the moderation models in step with the registry, as the router's host does for intents: at start it loads
/// the active version (training, caching and registering the default model when the registry has none) and reports
/// "not ready" on /health until then, so no job is checked without moderation. Afterwards it swaps in a newly promoted
/// active or shadow version with one reference assignment. With Moderation:Model=none it serves nothing and says so.
/// </summary>
public sealed class ModerationModelHost(
    IServiceScopeFactory scopes, IOptions<ModerationOptions> options, ILogger<ModerationModelHost> logger)
    : RegistryFollower(scopes, logger), IHealthCheck
{
    public const string ModelTask = "moderation";

    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile ServingModerationModels? _serving;

    /// <summary>The models in service; null when moderation is configured off.</summary>
    public async Task<ServingModerationModels?> CurrentAsync()
    {
        if (!options.Value.Enabled)
        {
            return null;
        }
        await _firstLoad.Task;
        return _serving!;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!options.Value.Enabled ? HealthCheckResult.Degraded("moderation is off (Moderation:Model=none)")
            : _serving is { } serving
                ? HealthCheckResult.Healthy($"moderation model {serving.Active.Name} {serving.Active.Version}" + (serving.Shadow is { } s ? $", shadow {s.Version}" : ""))
                : new HealthCheckResult(context.Registration.FailureStatus, Failure ?? "the moderation model is still loading or training"));

    protected override TimeSpan RefreshInterval => TimeSpan.FromSeconds(options.Value.RegistryRefreshSeconds);

    protected override string Following => "moderation models";

    protected override string Service => ResourceNames.Services.ComplianceChecker;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogWarning("Moderation:Model is 'none': no job is checked for harmful content, jailbreaks or injected instructions.");
            return;
        }
        await base.ExecuteAsync(stoppingToken);
    }

    protected override async Task RefreshAsync(ModelRegistry registry, CancellationToken cancellationToken)
    {
        var name = options.Value.ModelName;
        var wanted = await registry.ServingAsync(ModelTask, name, cancellationToken);
        if (wanted.Active is null)
        {
            await TrainAndActivateDefaultAsync(registry, ModelTask, name, options.Value.Datasets ?? "the shared datasets",
                cancel => DefaultModerationModel.LoadOrTrain(options.Value, logger, cancel), cancellationToken);
            wanted = await registry.ServingAsync(ModelTask, name, cancellationToken);
        }

        var current = _serving;
        if (current?.Active.RegistryId == wanted.Active!.Id && current?.Shadow?.RegistryId == wanted.Shadow?.Id
            && current?.RegistryCanaryShare == wanted.Shadow?.CanaryShare)
        {
            return;
        }

        var active = current?.Active.RegistryId == wanted.Active.Id ? current.Active : await LoadAsync(registry, wanted.Active, cancellationToken);
        var shadow = wanted.Shadow is null ? null
            : current?.Shadow?.RegistryId == wanted.Shadow.Id ? current.Shadow : await LoadAsync(registry, wanted.Shadow, cancellationToken);
        _serving = new ServingModerationModels(active, shadow, wanted.Shadow?.CanaryShare);
        _firstLoad.TrySetResult();
        logger.LogInformation("Serving moderation model {Name} {Version}{Shadow}", name, active.Version,
            shadow is null ? "" : $" with shadow {shadow.Version}");
    }

    private static async Task<LoadedModerationModel> LoadAsync(ModelRegistry registry, RegisteredModel entry, CancellationToken cancellationToken)
    {
        var bytes = await registry.ArtifactAsync(entry.Id, cancellationToken);
        try
        {
            return new LoadedModerationModel(ModerationArtifact.Deserialize(bytes), entry.Id, entry.Name, entry.Version);
        }
        catch (MachineLearning.Artifacts.ModelFormatException e)
        {
            throw new InvalidOperationException($"The registry's moderation model {entry.Name} {entry.Version} cannot be used: {e.Message}", e);
        }
    }
}
