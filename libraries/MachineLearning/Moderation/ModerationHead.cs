using SpecialistPlatform.MachineLearning.Models;

namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>
/// One category of a moderation model: a two-class linear component over the model's shared feature space, its
/// calibration, and the threshold chosen on validation for <paramref name="Target"/>.
/// </summary>
/// <param name="WindowWords">When above 0, a text longer than this many words is also scored per window
/// (<see cref="TextWindows"/>) and the head's margin is the highest of the whole text's and the windows'.</param>
public sealed record ModerationHead(string Category, LinearComponent Component, PlattScaling Calibration, double Threshold, ThresholdTarget Target, int WindowWords = 0)
{
    /// <summary>Logit of "belongs" minus logit of "does not belong".</summary>
    public float Margin(ReadOnlySpan<int> rows, ReadOnlySpan<float> values)
    {
        Span<float> logits = stackalloc float[2];
        Component.AddLogits(rows, values, logits);
        return logits[1] - logits[0];
    }
}
