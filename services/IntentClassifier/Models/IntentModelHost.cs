using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Data;
using SpecialistPlatform.MachineLearning.Models;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.IntentClassifier.Models;

/// <summary>The model in service and its version (the first 12 hex digits of model.bin's SHA-256).</summary>
public sealed record LoadedIntentModel(IntentModel Model, string Name, string Version);

/// <summary>
/// Loads the router's model at start, training it first from the configured labelled data when none exists
/// (seconds on a CPU), and reports "not ready" on /health until it is loaded, so no message is consumed before.
/// </summary>
public sealed class IntentModelHost(IOptions<IntentClassifierOptions> options, IHostEnvironment environment, ILogger<IntentModelHost> logger)
    : BackgroundService, IHealthCheck
{
    private readonly TaskCompletionSource<LoadedIntentModel> _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _failure;

    public Task<LoadedIntentModel> Current => _loaded.Task;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            _loaded.TrySetResult(LoadOrTrain(stoppingToken));
        }
        catch (Exception e) when (e is ModelFormatException or DataFormatException or IOException or ArgumentException)
        {
            _failure = e.Message;
            logger.LogError(e, "The intent model could not be loaded or trained");
        }
    }, stoppingToken);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_loaded.Task.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy($"model {_loaded.Task.Result.Name} {_loaded.Task.Result.Version}")
            : new HealthCheckResult(context.Registration.FailureStatus, _failure ?? "the model is still loading or training"));

    private LoadedIntentModel LoadOrTrain(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var directory = Path.GetFullPath(settings.ModelDirectory, environment.ContentRootPath);
        var file = Path.Combine(directory, "model.bin");
        if (!File.Exists(file))
        {
            var data = Path.GetFullPath(settings.TrainingData, environment.ContentRootPath);
            logger.LogInformation("No intent model in {Directory}: training one from {Data}", directory, data);
            var stopwatch = Stopwatch.StartNew();
            var examples = LabeledDataReader.Read(data, settings.TextColumn, settings.LabelColumn);
            var result = IntentTrainer.Train(examples, null, IntentPresets.Create(IntentPresets.Default) with { Seed = settings.Seed },
                cancellationToken: cancellationToken);
            ModelArtifact.Save(result.Model, directory, new Dictionary<string, object?> { ["trainedFrom"] = data, ["trainingSeconds"] = stopwatch.Elapsed.TotalSeconds });
            logger.LogInformation("Trained the intent model on {Count} examples in {Seconds:0.0} s", examples.Count, stopwatch.Elapsed.TotalSeconds);
        }

        var model = ModelArtifact.Load(file);
        var version = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))[..12];
        logger.LogInformation("Serving intent model {Version} with {Labels} labels", version, model.Labels.Count);
        return new LoadedIntentModel(model, "intent-" + Path.GetFileNameWithoutExtension(settings.TrainingData), version);
    }
}
