using System.Numerics.Tensors;
using SpecialistPlatform.MachineLearning.Features;

namespace SpecialistPlatform.MachineLearning.Models;

/// <summary>
/// A linear scorer over hashed features. Only the hash buckets seen in training get a weight row (a
/// bucket never seen would have a zero row anyway), which keeps the artifact small.
/// </summary>
public sealed class LinearComponent : ScoringComponent
{
    public const string KindName = "linear-softmax";

    public LinearComponent(FeatureSpace space, int classes, float[] weights, float[] bias)
        : base(space, classes)
    {
        if (weights.Length != (long)space.Rows * classes || bias.Length != classes)
        {
            throw new ArgumentException("Weight and bias sizes do not match the bucket and class counts.");
        }
        Weights = weights;
        Bias = bias;
    }

    public override string Kind => KindName;

    /// <summary>Row-major: one row of <see cref="ScoringComponent.Classes"/> weights per bucket.</summary>
    public float[] Weights { get; }

    public float[] Bias { get; }

    public override void AddLogits(ReadOnlySpan<int> rows, ReadOnlySpan<float> values, Span<float> logits)
    {
        TensorPrimitives.Add(logits, Bias, logits);
        var c = Classes;
        for (var i = 0; i < rows.Length; i++)
        {
            TensorPrimitives.MultiplyAdd(Weights.AsSpan(rows[i] * c, c), values[i], logits, logits);
        }
    }
}
