using System.Numerics.Tensors;
using SpecialistPlatform.MachineLearning.Features;

namespace SpecialistPlatform.MachineLearning.Models;

/// <summary>
/// A small neural scorer in the style of fastText with one hidden layer: the feature-weighted sum of
/// hashed-feature embeddings (a bag), a ReLU hidden layer, then a linear output layer.
/// </summary>
public sealed class MlpComponent : ScoringComponent
{
    public const string KindName = "mlp";

    [ThreadStatic] private static float[]? t_scratch;

    public MlpComponent(FeatureSpace space, int classes, int dimension, int hidden, float[] embeddings, float[] hiddenWeights, float[] hiddenBias, float[] outputWeights, float[] outputBias)
        : base(space, classes)
    {
        if (dimension < 1 || hidden < 1
            || embeddings.Length != (long)space.Rows * dimension
            || hiddenWeights.Length != (long)hidden * dimension || hiddenBias.Length != hidden
            || outputWeights.Length != (long)classes * hidden || outputBias.Length != classes)
        {
            throw new ArgumentException("Layer sizes do not match the bucket, dimension, hidden and class counts.");
        }
        Dimension = dimension;
        Hidden = hidden;
        Embeddings = embeddings;
        HiddenWeights = hiddenWeights;
        HiddenBias = hiddenBias;
        OutputWeights = outputWeights;
        OutputBias = outputBias;
        _hiddenByInput = Transpose(hiddenWeights, hidden, dimension);
        _outputByHidden = Transpose(outputWeights, classes, hidden);
    }

    // Inference walks the layers input-major (one long multiply-add per non-zero input) instead of one
    // short dot product per output: fewer, longer vector operations, and inactive ReLU units are skipped.
    private readonly float[] _hiddenByInput;
    private readonly float[] _outputByHidden;

    private static float[] Transpose(float[] matrix, int rows, int columns)
    {
        var transposed = new float[matrix.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                transposed[c * rows + r] = matrix[r * columns + c];
            }
        }
        return transposed;
    }

    public override string Kind => KindName;

    public int Dimension { get; }

    public int Hidden { get; }

    /// <summary>Row-major: one embedding of <see cref="Dimension"/> values per bucket.</summary>
    public float[] Embeddings { get; }

    /// <summary>Row-major Hidden x Dimension.</summary>
    public float[] HiddenWeights { get; }

    public float[] HiddenBias { get; }

    /// <summary>Row-major Classes x Hidden.</summary>
    public float[] OutputWeights { get; }

    public float[] OutputBias { get; }

    public override void AddLogits(ReadOnlySpan<int> rows, ReadOnlySpan<float> values, Span<float> logits)
    {
        var scratch = t_scratch is { } s && s.Length >= Dimension + Hidden ? s : t_scratch = new float[Dimension + Hidden];
        var bag = scratch.AsSpan(0, Dimension);
        var hidden = scratch.AsSpan(Dimension, Hidden);
        var d = Dimension;
        bag.Clear();
        for (var i = 0; i < rows.Length; i++)
        {
            TensorPrimitives.MultiplyAdd(Embeddings.AsSpan(rows[i] * d, d), values[i], bag, bag);
        }
        HiddenBias.CopyTo(hidden);
        for (var k = 0; k < d; k++)
        {
            TensorPrimitives.MultiplyAdd(_hiddenByInput.AsSpan(k * Hidden, Hidden), bag[k], hidden, hidden);
        }
        TensorPrimitives.Add(logits, OutputBias, logits);
        for (var j = 0; j < Hidden; j++)
        {
            if (hidden[j] > 0f)
            {
                TensorPrimitives.MultiplyAdd(_outputByHidden.AsSpan(j * Classes, Classes), hidden[j], logits, logits);
            }
        }
    }

    /// <summary>The embedding bag and the hidden activations (after ReLU), output-major as in training.</summary>
    internal void Forward(ReadOnlySpan<int> rows, ReadOnlySpan<float> values, Span<float> bag, Span<float> hidden)
    {
        bag.Clear();
        var d = Dimension;
        for (var i = 0; i < rows.Length; i++)
        {
            TensorPrimitives.MultiplyAdd(Embeddings.AsSpan(rows[i] * d, d), values[i], bag, bag);
        }
        for (var j = 0; j < Hidden; j++)
        {
            hidden[j] = Math.Max(0f, HiddenBias[j] + TensorPrimitives.Dot(HiddenWeights.AsSpan(j * d, d), bag));
        }
    }
}
