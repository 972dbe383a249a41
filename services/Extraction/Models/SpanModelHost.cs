using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Data.Registry;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.Jobs.Registry;
using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.Extraction.Models;

/// <summary>A span tagger in service, its registry version and that version's calibrated escalation threshold.</summary>
public sealed record LoadedSpanModel(SpanTagger Tagger, string Name, string Version, double? EscalationThreshold);

/// <summary>
/// Serves the learned span taggers the schemas name (task "extract" in the registry), in step with the registry: a
/// newly promoted version replaces the old one within seconds. A model the registry does not have yet is trained from
/// the bundled data configured for it (Extraction:DefaultModels) at first start and activated. /health says "not
/// ready" until every model the schemas need is loaded, so no job is extracted without its model.
/// </summary>
public sealed class SpanModelHost(
    IServiceScopeFactory scopes, IOptions<PipelineOptions> pipelines, IOptions<ExtractionOptions> options,
    ILogger<SpanModelHost> logger) : RegistryFollower(scopes, logger), IHealthCheck
{
    public const string ModelTask = "extract";

    private readonly ConcurrentDictionary<string, (Guid Id, LoadedSpanModel Model)> _models = new(StringComparer.Ordinal);

    private IReadOnlyList<string> Needed => [.. pipelines.Value.Schemas.Values.Select(s => s.Model).OfType<string>().Distinct()];

    /// <summary>The model, once loaded: the bus may deliver a job before the first load (after a restart, say), and
    /// that job waits for its model instead of failing.</summary>
    public async Task<LoadedSpanModel> GetAsync(string name, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!_models.ContainsKey(name) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }

        return _models.TryGetValue(name, out var loaded)
            ? loaded.Model
            : throw new InvalidOperationException($"The span model '{name}' could not be loaded: {Failure ?? "still loading"}.");
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var missing = Needed.Where(name => !_models.ContainsKey(name)).ToList();
        return Task.FromResult(missing.Count == 0
            ? HealthCheckResult.Healthy(string.Join(", ", _models.Values.Select(m => $"{m.Model.Name} {m.Model.Version}")))
            : new HealthCheckResult(context.Registration.FailureStatus, Failure ?? $"loading or training {string.Join(", ", missing)}"));
    }

    protected override TimeSpan RefreshInterval => TimeSpan.FromSeconds(options.Value.RegistryRefreshSeconds);

    protected override string Following => "span models";

    protected override string Service => ResourceNames.Services.Extraction;

    protected override async Task RefreshAsync(ModelRegistry registry, CancellationToken cancellationToken)
    {
        foreach (var name in Needed)
        {
            await RefreshAsync(registry, name, cancellationToken);
        }
    }

    private async Task RefreshAsync(ModelRegistry registry, string name, CancellationToken cancellationToken)
    {
        var active = (await registry.ServingAsync(ModelTask, name, cancellationToken)).Active;
        if (active is null)
        {
            await TrainDefaultAsync(registry, name, cancellationToken);
            active = (await registry.ServingAsync(ModelTask, name, cancellationToken)).Active!;
        }

        if (_models.TryGetValue(name, out var current) && current.Id == active.Id)
        {
            if (current.Model.EscalationThreshold != active.EscalationThreshold)
            {
                _models[name] = (active.Id, current.Model with { EscalationThreshold = active.EscalationThreshold });
                logger.LogInformation("Span model {Name} {Version}: escalation threshold now {Threshold}", name, active.Version, active.EscalationThreshold);
            }

            return;
        }

        var tagger = SpanTaggerArtifact.Deserialize(await registry.ArtifactAsync(active.Id, cancellationToken));
        _models[name] = (active.Id, new LoadedSpanModel(tagger, name, active.Version, active.EscalationThreshold));
        logger.LogInformation("Serving span model {Name} {Version} ({Labels})", name, active.Version, string.Join(", ", tagger.Labels));
    }

    private async Task TrainDefaultAsync(ModelRegistry registry, string name, CancellationToken cancellationToken)
    {
        if (!options.Value.DefaultModels.TryGetValue(name, out var source))
        {
            throw new InvalidOperationException(
                $"The registry has no active {ModelTask}/{name} model and Extraction:DefaultModels:{name} says nothing to train it from; " +
                $"register one with `specialist models register --task {ModelTask} --name {name} --model DIR --promote active`.");
        }

        var data = Path.GetFullPath(source.Data, AppContext.BaseDirectory);
        await TrainAndActivateDefaultAsync(registry, ModelTask, name, data, cancel =>
        {
            var examples = SpanDataReader.Read(data, SpanDataReader.ParseFormat(source.Format));
            var model = SpanTaggerTrainer.Train(examples, null, new SpanTaggerOptions(), cancellationToken: cancel).Model;
            return new TrainedDefault(SpanTaggerArtifact.Serialize(model), JsonSerializer.Serialize(model.Metadata.Metrics),
                model.Metadata.TrainingDataSha256, examples.Count);
        }, cancellationToken);
    }
}
