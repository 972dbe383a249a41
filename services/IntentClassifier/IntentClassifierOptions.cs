using System.ComponentModel.DataAnnotations;

namespace SpecialistPlatform.IntentClassifier;

/// <summary>Section <c>IntentClassifier</c>: which registry model the router serves, and what to train the first
/// version from when the registry has none.</summary>
public sealed class IntentClassifierOptions : Jobs.Registry.ServedModelOptions
{
    public const string Section = "IntentClassifier";

    /// <summary>The registry name of the router (task "intent"); its active version decides, its shadow runs beside.</summary>
    [Required]
    public string ModelName { get; set; } = "banking77";

    /// <summary>Labelled CSV (header row) to train the first model from.</summary>
    [Required]
    public string TrainingData { get; set; } = "data/banking77/train.csv";

    [Required]
    public string TextColumn { get; set; } = "text";

    [Required]
    public string LabelColumn { get; set; } = "category";

    public int Seed { get; set; } = 42;

    /// <summary>
    /// Training preset of the first model (libraries/MachineLearning/Training/IntentPresets.cs). The default,
    /// "ensemble", consults the pretrained encoder for the texts the n-gram ensemble is unsure of (more accurate, a few
    /// milliseconds of CPU for those texts); "ngram-ensemble" decides every text in microseconds (docs/decisions/0014).
    /// </summary>
    [Required]
    public string Preset { get; set; } = "ensemble";

    /// <summary>Where the first model is cached once trained (docs/decisions/0014): this folder, else
    /// $SPECIALIST_INTENT_MODEL_CACHE, else the user's local data folder.</summary>
    public string? ModelCacheDirectory { get; set; }
}
