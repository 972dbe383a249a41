namespace SpecialistPlatform.MachineLearning.Models;

/// <summary>What a linear component minimises.</summary>
public enum LinearLoss
{
    /// <summary>Multinomial logistic regression (cross-entropy of the softmax).</summary>
    Softmax,

    /// <summary>Multiclass hinge (Crammer-Singer): the gold score must beat the best other score by a margin of 1.</summary>
    Hinge,
}

/// <summary>Hyper-parameters of the AdaGrad linear trainer.</summary>
public sealed record LinearTrainingOptions
{
    public int Epochs { get; init; } = 10;

    public float LearningRate { get; init; } = 0.5f;

    public float L2 { get; init; } = 1e-5f;

    /// <summary>A bucket needs this many training texts containing it to get a weight row.</summary>
    public int MinCount { get; init; } = 1;

    public LinearLoss Loss { get; init; } = LinearLoss.Softmax;

    /// <summary>The learning rate of epoch e (from 0) is LearningRate / (1 + LearningRateDecay * e).</summary>
    public float LearningRateDecay { get; init; }

    /// <summary>When above 0, the final weights are the mean of the weights after each of the last this-many epochs.</summary>
    public int AverageLastEpochs { get; init; }

    /// <summary>Share of a text's features dropped in each training step (the rest scaled by 1 / (1 - share)).</summary>
    public float FeatureDropout { get; init; }

    public void Validate()
    {
        if (Epochs < 1 || LearningRate <= 0 || L2 < 0 || MinCount < 1 || LearningRateDecay < 0 || AverageLastEpochs < 0 || AverageLastEpochs > Epochs || FeatureDropout is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(LinearTrainingOptions),
                "Epochs >= 1, learning rate > 0, L2 >= 0, MinCount >= 1, decay >= 0, 0 <= averaged epochs <= epochs and 0 <= feature dropout < 1 are required.");
        }
    }
}
