using System.Diagnostics;
using System.Text.Json;
using SpecialistPlatform.Jobs.Registry;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Data;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.IntentClassifier.Models;

/// <summary>
/// The router a fresh platform starts with, trained from the bundled labelled data once per machine and recipe and
/// cached, as the default moderation model is. Training the default preset (n-gram ensemble and encoder stage) takes
/// one to six minutes on two cores depending on load; every later fresh database on the machine (a second AppHost, each
/// test platform) reads the cache in a second instead. The recipe covers the data file, the settings and the trainer's
/// code, so any change trains again.
/// </summary>
public static class DefaultIntentModel
{
    public const string CacheVariable = "SPECIALIST_INTENT_MODEL_CACHE";

    public static TrainedDefault LoadOrTrain(IntentClassifierOptions settings, ILogger logger, CancellationToken cancellationToken)
    {
        var data = Path.GetFullPath(settings.TrainingData, AppContext.BaseDirectory);
        // Read even when the model is cached (a fraction of a second): the registry entry records how many examples.
        var examples = LabeledDataReader.Read(data, settings.TextColumn, settings.LabelColumn);
        var recipe = JsonSerializer.Serialize(new { settings.TextColumn, settings.LabelColumn, settings.Preset, settings.Seed });
        var directory = Path.Combine(ModelCache.Root(settings.ModelCacheDirectory, CacheVariable, "intent"),
            ModelCache.RecipeKey([data], recipe, typeof(IntentTrainer)));
        var (artifact, model, fromCache) = ModelCache.ReadOrTrain(directory, bytes => ModelArtifact.Deserialize(bytes), () =>
        {
            logger.LogInformation("Training the default intent model from {Data} ({Count} examples, preset {Preset}) into {Directory}",
                data, examples.Count, settings.Preset, directory);
            var stopwatch = Stopwatch.StartNew();
            var trained = IntentTrainer.Train(examples, null, IntentPresets.Create(settings.Preset) with { Seed = settings.Seed },
                cancellationToken: cancellationToken).Model;
            logger.LogInformation("Trained the default intent model in {Seconds:0.0} s", stopwatch.Elapsed.TotalSeconds);
            return (ModelArtifact.Serialize(trained), trained);
        }, unusable => logger.LogWarning("The cached intent model at {Directory} is unusable ({Reason}); training again", directory, unusable.Message));
        if (fromCache)
        {
            logger.LogInformation("Read the default intent model from the cache {Directory}", directory);
        }

        return Trained(artifact, model, examples.Count, fromCache);
    }

    private static TrainedDefault Trained(byte[] artifact, MachineLearning.Models.IntentModel model, int examples, bool fromCache) =>
        new(artifact, JsonSerializer.Serialize(model.Metadata.Metrics), model.Metadata.TrainingDataSha256, examples, fromCache);
}
