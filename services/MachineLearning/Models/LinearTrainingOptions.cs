namespace SpecialistPlatform.MachineLearning.Models;

/// <summary>Hyper-parameters of the AdaGrad softmax trainer.</summary>
public sealed record LinearTrainingOptions
{
    public int Epochs { get; init; } = 10;

    public float LearningRate { get; init; } = 0.5f;

    public float L2 { get; init; } = 1e-5f;

    /// <summary>A bucket needs this many training texts containing it to get a weight row.</summary>
    public int MinCount { get; init; } = 1;

    public void Validate()
    {
        if (Epochs < 1 || LearningRate <= 0 || L2 < 0 || MinCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(LinearTrainingOptions), "Epochs >= 1, learning rate > 0, L2 >= 0 and MinCount >= 1 are required.");
        }
    }
}
