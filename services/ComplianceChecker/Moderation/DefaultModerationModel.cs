using System.Diagnostics;
using System.Text.Json;
using SpecialistPlatform.Jobs.Registry;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Moderation;

namespace SpecialistPlatform.ComplianceChecker.Moderation;

/// <summary>
/// The moderation model a fresh platform starts with: the same recipe as `specialist train moderation` with no options
/// (the public sets in the shared datasets folder and the hand-written sets), trained once per machine and cached. The
/// cache key covers every data file's SHA-256, the training settings and the trainer's code (the deterministic build's
/// module id), so a change to any of them trains again rather than serving a stale model. Training takes one to two
/// minutes on two cores; every later start, and every other platform on the machine, reads the cache in a second.
/// </summary>
public static class DefaultModerationModel
{
    public const string CacheVariable = "SPECIALIST_MODERATION_MODEL_CACHE";

    public static TrainedDefault LoadOrTrain(ModerationOptions options, ILogger logger, CancellationToken cancellationToken)
    {
        string datasets;
        try
        {
            datasets = ModerationDataset.FindDatasetsRoot(string.IsNullOrWhiteSpace(options.Datasets) ? null : options.Datasets);
        }
        catch (MachineLearning.Data.DataFormatException e)
        {
            throw new InvalidOperationException(
                $"The registry has no moderation model and its training data cannot be found ({e.Message}). Set Moderation:Datasets " +
                $"or ${ModerationDataset.DatasetsVariable} to the shared datasets folder, register a model with " +
                "`specialist models register --task moderation`, or set Moderation:Model=none to run without moderation.", e);
        }

        var training = new ModerationTrainingOptions();
        var handWritten = ModerationDataset.FindHandWrittenDirectory();
        // The key is taken from the data folders' files, so a start that finds the model cached reads no data at all.
        var directory = Path.Combine(ModelCache.Root(options.ModelCacheDirectory, CacheVariable, "moderation"),
            ModelCache.RecipeKey(SourceFiles(datasets, handWritten), JsonSerializer.Serialize(training), typeof(ModerationTrainer)));
        var (artifact, model, fromCache) = ModelCache.ReadOrTrain(directory, bytes => ModerationArtifact.Deserialize(bytes), () =>
        {
            var data = ModerationDataset.Build(datasets, handWritten, training.Seed, training.InjectionWindowWords);
            logger.LogInformation("Training the default moderation model from {Datasets} ({Count} examples) into {Directory}; this takes a minute or two",
                datasets, data.Training.Count, directory);
            var stopwatch = Stopwatch.StartNew();
            var trained = ModerationTrainer.Train(data, training, cancellationToken: cancellationToken).Model;
            logger.LogInformation("Trained the default moderation model in {Seconds:0.0} s", stopwatch.Elapsed.TotalSeconds);
            return (ModerationArtifact.Serialize(trained), trained);
        }, unusable => logger.LogWarning("The cached moderation model at {Directory} is unusable ({Reason}); training again", directory, unusable.Message));
        if (fromCache)
        {
            logger.LogInformation("Read the default moderation model from the cache {Directory}", directory);
        }

        return Trained(artifact, model, fromCache);
    }

    private static TrainedDefault Trained(byte[] artifact, ModerationModel model, bool fromCache) =>
        new(artifact, JsonSerializer.Serialize(model.Metadata.Metrics), model.Metadata.TrainingDataSha256,
            (int)model.Metadata.Metrics.GetValueOrDefault("training_examples"), fromCache);

    /// <summary>Every file the default recipe may read: the public sets' folders, the hand-written sets and the bundled
    /// banking requests. A file the recipe does not read only costs a retraining when it changes.</summary>
    private static IEnumerable<string> SourceFiles(string datasets, string handWritten) =>
        new[] { Path.Combine(datasets, "moderation"), Path.Combine(datasets, "prompt-injection"), handWritten }
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Append(Path.GetFullPath(Path.Combine(handWritten, "..", ModerationDataset.BankingRequestsFile)))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal);
}
