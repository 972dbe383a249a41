using System.Numerics.Tensors;
using SpecialistPlatform.MachineLearning.Features;

namespace SpecialistPlatform.MachineLearning.Models;

/// <summary>
/// A linear softmax scorer over hashed features. Only the hash buckets seen in training get a weight
/// row (a bucket never seen would have a zero row anyway), which keeps the artifact small without
/// changing a single score.
/// </summary>
public sealed class LinearComponent
{
    private readonly Dictionary<int, int> _rowOfBucket;

    public LinearComponent(FeatureOptions features, int classes, int[] buckets, float[] weights, float[] bias)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (classes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(classes));
        }
        if (weights.Length != (long)buckets.Length * classes || bias.Length != classes)
        {
            throw new ArgumentException("Weight and bias sizes do not match the bucket and class counts.");
        }
        for (var i = 1; i < buckets.Length; i++)
        {
            if (buckets[i] <= buckets[i - 1])
            {
                throw new ArgumentException("Buckets must be strictly increasing.", nameof(buckets));
            }
        }
        Features = features;
        Classes = classes;
        Buckets = buckets;
        Weights = weights;
        Bias = bias;
        Hasher = new FeatureHasher(features);
        _rowOfBucket = new Dictionary<int, int>(buckets.Length);
        for (var i = 0; i < buckets.Length; i++)
        {
            _rowOfBucket[buckets[i]] = i;
        }
    }

    public FeatureOptions Features { get; }

    public FeatureHasher Hasher { get; }

    public int Classes { get; }

    public int[] Buckets { get; }

    /// <summary>Row-major: one row of <see cref="Classes"/> weights per bucket.</summary>
    public float[] Weights { get; }

    public float[] Bias { get; }

    public void AddLogits(string text, Span<float> logits) => AddLogits(Hasher.Transform(text), logits);

    public void AddLogits(SparseVector bucketVector, Span<float> logits)
    {
        TensorPrimitives.Add(logits, Bias, logits);
        for (var i = 0; i < bucketVector.Count; i++)
        {
            if (_rowOfBucket.TryGetValue(bucketVector.Indices[i], out var row))
            {
                TensorPrimitives.MultiplyAdd(Weights.AsSpan(row * Classes, Classes), bucketVector.Values[i], logits, logits);
            }
        }
    }
}
