using System.ComponentModel.DataAnnotations;

namespace SpecialistPlatform.IntentClassifier;

/// <summary>Section <c>IntentClassifier</c>: where the router's model lives and what to train it from when it does
/// not exist yet. (The model registry replaces this with promoted versions; see the intent specialist issue.)</summary>
public sealed class IntentClassifierOptions
{
    public const string Section = "IntentClassifier";

    /// <summary>Folder holding model.bin; the AppHost puts it in its data folder so the model survives restarts.</summary>
    [Required]
    public string ModelDirectory { get; set; } = "models/intent";

    /// <summary>Labelled CSV (header row) to train the first model from.</summary>
    [Required]
    public string TrainingData { get; set; } = "data/banking77/train.csv";

    [Required]
    public string TextColumn { get; set; } = "text";

    [Required]
    public string LabelColumn { get; set; } = "category";

    public int Seed { get; set; } = 42;
}
