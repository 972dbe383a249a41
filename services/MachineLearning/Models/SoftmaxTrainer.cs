using System.Numerics.Tensors;
using SpecialistPlatform.MachineLearning.Features;

namespace SpecialistPlatform.MachineLearning.Models;

/// <summary>
/// Multinomial logistic regression trained by per-coordinate AdaGrad with L2, one example at a time in
/// a seeded shuffled order. It is deliberately sequential: a Hogwild-style parallel update would make the
/// weights depend on thread timing. Parallelism is used where it cannot change results (featurising,
/// training independent ensemble members, scoring).
/// </summary>
public static class SoftmaxTrainer
{
    private const float Epsilon = 1e-6f;

    public static LinearComponent Train(
        FeatureOptions features,
        IReadOnlyList<string> texts,
        IReadOnlyList<int> labels,
        int classes,
        LinearTrainingOptions options,
        int seed,
        Action<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        if (texts.Count != labels.Count || texts.Count == 0)
        {
            throw new ArgumentException("Training needs at least one example and one label per text.");
        }

        var hasher = new FeatureHasher(features);
        var vectors = new SparseVector[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken },
            i => vectors[i] = hasher.Transform(texts[i]));

        var buckets = SelectBuckets(vectors, options.MinCount);
        var rowOf = new Dictionary<int, int>(buckets.Length);
        for (var i = 0; i < buckets.Length; i++)
        {
            rowOf[buckets[i]] = i;
        }
        var rows = new SparseVector[vectors.Length];
        for (var n = 0; n < vectors.Length; n++)
        {
            var idx = new List<int>(vectors[n].Count);
            var val = new List<float>(vectors[n].Count);
            for (var k = 0; k < vectors[n].Count; k++)
            {
                if (rowOf.TryGetValue(vectors[n].Indices[k], out var row))
                {
                    idx.Add(row);
                    val.Add(vectors[n].Values[k]);
                }
            }
            rows[n] = new SparseVector(idx.ToArray(), val.ToArray());
        }

        var c = classes;
        var weights = new float[(long)buckets.Length * c];
        var squared = new float[weights.Length];
        var bias = new float[c];
        var biasSquared = new float[c];
        var scores = new float[c];
        var grad = new float[c];
        var step = new float[c];
        var denom = new float[c];
        var order = new int[rows.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var rng = new Random(seed);
        var lr = options.LearningRate;
        var l2 = options.L2;

        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rng.Shuffle(order);
            foreach (var n in order)
            {
                var x = rows[n];
                bias.CopyTo(scores, 0);
                for (var k = 0; k < x.Count; k++)
                {
                    TensorPrimitives.MultiplyAdd(weights.AsSpan(x.Indices[k] * c, c), x.Values[k], scores, scores);
                }
                scores.CopyTo(grad, 0);
                Calibration.StableSoftmax(grad);
                grad[labels[n]] -= 1f;

                AdaGradStep(bias, biasSquared, grad, 1f, 0f, lr, step, denom);
                for (var k = 0; k < x.Count; k++)
                {
                    var offset = x.Indices[k] * c;
                    AdaGradStep(weights.AsSpan(offset, c), squared.AsSpan(offset, c), grad, x.Values[k], l2, lr, step, denom);
                }
            }
            progress?.Invoke((epoch + 1) / (double)options.Epochs);
        }

        return new LinearComponent(features, c, buckets, weights, bias);
    }

    private static void AdaGradStep(Span<float> w, Span<float> g2, ReadOnlySpan<float> grad, float x, float l2, float lr, Span<float> step, Span<float> denom)
    {
        TensorPrimitives.Multiply(w, l2, step);
        TensorPrimitives.MultiplyAdd(grad, x, step, step);
        TensorPrimitives.MultiplyAdd(step, step, g2, g2);
        TensorPrimitives.Sqrt(g2, denom);
        TensorPrimitives.Add(denom, Epsilon, denom);
        TensorPrimitives.Divide(step, denom, step);
        TensorPrimitives.MultiplyAdd(step, -lr, w, w);
    }

    private static int[] SelectBuckets(SparseVector[] vectors, int minCount)
    {
        var documentFrequency = new Dictionary<int, int>();
        foreach (var v in vectors)
        {
            foreach (var index in v.Indices)
            {
                documentFrequency[index] = documentFrequency.GetValueOrDefault(index) + 1;
            }
        }
        var kept = documentFrequency.Where(kv => kv.Value >= minCount).Select(kv => kv.Key).ToArray();
        Array.Sort(kept);
        return kept;
    }
}
