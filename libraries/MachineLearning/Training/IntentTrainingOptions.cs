using SpecialistPlatform.MachineLearning.Features;
using SpecialistPlatform.MachineLearning.Models;

namespace SpecialistPlatform.MachineLearning.Training;

public enum ThresholdMode
{
    /// <summary>Chosen on validation data (see <see cref="OutOfScopeThreshold"/>).</summary>
    Auto,

    /// <summary>No threshold: only a trained out-of-scope class can yield the out-of-scope label.</summary>
    Off,

    /// <summary><see cref="IntentTrainingOptions.FixedThreshold"/> is used as given.</summary>
    Fixed,
}

/// <summary>Everything that decides what an intent training run produces.</summary>
public sealed record IntentTrainingOptions
{
    public string Task { get; init; } = "intent";

    public int Seed { get; init; } = 42;

    /// <summary>Share of each label held out for calibration when no validation set is given.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    public string OosLabel { get; init; } = "oos";

    public ThresholdMode ThresholdMode { get; init; } = ThresholdMode.Auto;

    public double FixedThreshold { get; init; }

    /// <summary>What the automatic threshold maximises when validation has out-of-scope examples.</summary>
    public OosCriterion OosCriterion { get; init; } = OosCriterion.Balanced;

    /// <summary>
    /// With no out-of-scope examples in validation, the automatic threshold is the highest one that costs
    /// at most this share of validation accuracy.
    /// </summary>
    public double MaxAccuracyLoss { get; init; } = 0.01;

    /// <summary>Ensemble members; their logits are averaged.</summary>
    public IReadOnlyList<FeatureOptions> Components { get; init; } = IntentPresets.WordAndCharEnsemble;

    public LinearTrainingOptions Linear { get; init; } = new();

    /// <summary>Hashed-embedding MLP ensemble members (none by default), trained with <see cref="Mlp"/>.</summary>
    public IReadOnlyList<FeatureOptions> MlpComponents { get; init; } = [];

    public MlpTrainingOptions Mlp { get; init; } = new();

    /// <summary>The pretrained-encoder second stage for texts the ensemble is unsure of, or null for none.</summary>
    public EncoderStageOptions? EncoderStage { get; init; }

    public void Validate()
    {
        if (ValidationFraction is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), "The validation fraction must be between 0 and 1.");
        }
        if (FixedThreshold is < 0 or > 1 || MaxAccuracyLoss is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FixedThreshold), "Thresholds and accuracy loss are shares between 0 and 1.");
        }
        if (Components.Count + MlpComponents.Count == 0)
        {
            throw new ArgumentException("At least one component is required.", nameof(Components));
        }
        foreach (var component in Components.Concat(MlpComponents))
        {
            component.Validate();
        }
        Linear.Validate();
        Mlp.Validate();
        EncoderStage?.Validate();
    }
}
