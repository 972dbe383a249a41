using System.Numerics.Tensors;
using SpecialistPlatform.MachineLearning.Features;

namespace SpecialistPlatform.MachineLearning.Models;

/// <summary>
/// A linear scorer over hashed features. Only the hash buckets seen in training get a weight row (a
/// bucket never seen would have a zero row anyway), which keeps the artifact small.
/// </summary>
public sealed class LinearComponent
{
    [ThreadStatic] private static int[]? t_rows;
    [ThreadStatic] private static float[]? t_values;

    public LinearComponent(FeatureSpace space, int classes, float[] weights, float[] bias)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (classes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(classes));
        }
        if (weights.Length != (long)space.Rows * classes || bias.Length != classes)
        {
            throw new ArgumentException("Weight and bias sizes do not match the bucket and class counts.");
        }
        Space = space;
        Classes = classes;
        Weights = weights;
        Bias = bias;
    }

    public FeatureSpace Space { get; }

    public FeatureOptions Features => Space.Options;

    public int Classes { get; }

    public int[] Buckets => Space.Buckets;

    /// <summary>Row-major: one row of <see cref="Classes"/> weights per bucket.</summary>
    public float[] Weights { get; }

    public float[] Bias { get; }

    public void AddLogits(string text, Span<float> logits)
    {
        var rows = t_rows ??= new int[256];
        var values = t_values ??= new float[256];
        var count = Space.Vectorize(text, ref rows, ref values);
        t_rows = rows;
        t_values = values;
        AddLogits(rows.AsSpan(0, count), values.AsSpan(0, count), logits);
    }

    public void AddLogits(ReadOnlySpan<int> rows, ReadOnlySpan<float> values, Span<float> logits)
    {
        TensorPrimitives.Add(logits, Bias, logits);
        var c = Classes;
        for (var i = 0; i < rows.Length; i++)
        {
            TensorPrimitives.MultiplyAdd(Weights.AsSpan(rows[i] * c, c), values[i], logits, logits);
        }
    }
}
