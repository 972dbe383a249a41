using System.Numerics.Tensors;
using SpecialistPlatform.MachineLearning.Features;

namespace SpecialistPlatform.MachineLearning.Models;

/// <summary>
/// Trains a linear component (softmax or multiclass hinge loss) by per-coordinate AdaGrad with L2, one
/// example at a time in a seeded shuffled order. It is deliberately sequential: a Hogwild-style parallel
/// update would make the weights depend on thread timing. Parallelism is used where it cannot change
/// results (featurising, training independent ensemble members, scoring).
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

        var space = BuildSpace(features, texts, options.MinCount, cancellationToken);
        var rows = Vectorize(space, texts, cancellationToken);
        return Train(space, rows, labels, classes, options, seed, progress, cancellationToken);
    }

    /// <summary>
    /// Trains over a feature space built beforehand and texts already vectorised in it, so that several models (the
    /// moderation heads) can share one space: one vectorisation of a text then serves all of them.
    /// </summary>
    public static LinearComponent Train(
        FeatureSpace space,
        IReadOnlyList<SparseVector> rows,
        IReadOnlyList<int> labels,
        int classes,
        LinearTrainingOptions options,
        int seed,
        Action<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        if (rows.Count != labels.Count || rows.Count == 0)
        {
            throw new ArgumentException("Training needs at least one example and one label per vector.");
        }

        var c = classes;
        var weights = new float[(long)space.Rows * c];
        var squared = new float[weights.Length];
        var average = options.AverageLastEpochs > 0 ? new float[weights.Length] : null;
        var bias = new float[c];
        var biasSquared = new float[c];
        var biasAverage = new float[c];
        var scores = new float[c];
        var grad = new float[c];
        var step = new float[c];
        var denom = new float[c];
        var order = new int[rows.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        var rng = new Random(seed);
        var dropoutRng = new Random(seed ^ 0x5bd1e995);
        var keep = 1f - options.FeatureDropout;
        var keptRows = new int[64];
        var keptValues = new float[64];
        var l2 = options.L2;

        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lr = options.LearningRate / (1f + options.LearningRateDecay * epoch);
            rng.Shuffle(order);
            foreach (var n in order)
            {
                var x = options.FeatureDropout > 0 ? Drop(rows[n], keep, dropoutRng, ref keptRows, ref keptValues) : rows[n];
                bias.CopyTo(scores, 0);
                for (var k = 0; k < x.Count; k++)
                {
                    TensorPrimitives.MultiplyAdd(weights.AsSpan(x.Indices[k] * c, c), x.Values[k], scores, scores);
                }
                if (!Gradient(options.Loss, scores, labels[n], grad))
                {
                    continue;
                }

                AdaGradStep(bias, biasSquared, grad, 1f, 0f, lr, step, denom);
                for (var k = 0; k < x.Count; k++)
                {
                    var offset = x.Indices[k] * c;
                    AdaGradStep(weights.AsSpan(offset, c), squared.AsSpan(offset, c), grad, x.Values[k], l2, lr, step, denom);
                }
            }
            if (average is not null && epoch >= options.Epochs - options.AverageLastEpochs)
            {
                TensorPrimitives.Add(average, weights, average);
                TensorPrimitives.Add(biasAverage, bias, biasAverage);
            }
            progress?.Invoke((epoch + 1) / (double)options.Epochs);
        }

        if (average is not null)
        {
            TensorPrimitives.Divide(average, options.AverageLastEpochs, average);
            TensorPrimitives.Divide(biasAverage, options.AverageLastEpochs, biasAverage);
            return new LinearComponent(space, c, average, biasAverage);
        }
        return new LinearComponent(space, c, weights, bias);
    }

    /// <summary>Writes the loss gradient with respect to the scores; false when it is zero (nothing to update).</summary>
    private static bool Gradient(LinearLoss loss, float[] scores, int gold, float[] grad)
    {
        if (loss == LinearLoss.Softmax)
        {
            scores.CopyTo(grad, 0);
            Calibration.StableSoftmax(grad);
            grad[gold] -= 1f;
            return true;
        }
        var rival = -1;
        for (var j = 0; j < scores.Length; j++)
        {
            if (j != gold && (rival < 0 || scores[j] > scores[rival]))
            {
                rival = j;
            }
        }
        if (rival < 0 || scores[gold] - scores[rival] >= 1f)
        {
            return false;
        }
        Array.Clear(grad);
        grad[gold] = -1f;
        grad[rival] = 1f;
        return true;
    }

    /// <summary>
    /// The rows of a component: every bucket occurring in at least <paramref name="minCount"/> training
    /// texts, with inverse document frequencies when the options ask for them.
    /// </summary>
    public static FeatureSpace BuildSpace(FeatureOptions features, IReadOnlyList<string> texts, int minCount, CancellationToken cancellationToken = default)
    {
        var hasher = new FeatureHasher(features);
        var present = new int[texts.Count][];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken }, () => (new BucketCounter(), new BucketCounter()),
            (i, _, counters) =>
            {
                hasher.Extract(texts[i], counters.Item1, counters.Item2);
                var set = new HashSet<int>();
                if (hasher.UsesWords)
                {
                    set.UnionWith(counters.Item1.Keys.AsSpan(0, counters.Item1.Count).ToArray());
                }
                if (hasher.UsesChars)
                {
                    set.UnionWith(counters.Item2.Keys.AsSpan(0, counters.Item2.Count).ToArray());
                }
                present[i] = set.ToArray();
                return counters;
            },
            _ => { });

        var documentFrequency = new Dictionary<int, int>();
        foreach (var buckets in present)
        {
            foreach (var bucket in buckets)
            {
                documentFrequency[bucket] = documentFrequency.GetValueOrDefault(bucket) + 1;
            }
        }
        var kept = documentFrequency.Where(kv => kv.Value >= minCount).Select(kv => kv.Key).ToArray();
        Array.Sort(kept);
        float[]? idf = null;
        if (features.Idf)
        {
            idf = kept.Select(b => FeatureSpace.InverseDocumentFrequency(texts.Count, documentFrequency[b])).ToArray();
        }
        return new FeatureSpace(features, kept, idf, FeatureSpace.InverseDocumentFrequency(texts.Count, 0));
    }

    public static SparseVector[] Vectorize(FeatureSpace space, IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var rows = new SparseVector[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => rows[i] = space.Vectorize(texts[i]));
        return rows;
    }

    /// <summary>
    /// Keeps each feature with probability <paramref name="keep"/>, scaled by 1 / keep (at least one is
    /// kept). The buffers only collect the kept features; the result gets arrays of its own.
    /// </summary>
    internal static SparseVector Drop(SparseVector x, float keep, Random rng, ref int[] rows, ref float[] values)
    {
        var count = 0;
        if (rows.Length < x.Count)
        {
            rows = new int[x.Count * 2];
            values = new float[rows.Length];
        }
        for (var k = 0; k < x.Count; k++)
        {
            if (rng.NextSingle() < keep)
            {
                rows[count] = x.Indices[k];
                values[count] = x.Values[k] / keep;
                count++;
            }
        }
        if (count == 0 && x.Count > 0)
        {
            var k = rng.Next(x.Count);
            rows[0] = x.Indices[k];
            values[0] = x.Values[k];
            count = 1;
        }
        return new SparseVector(rows[..count], values[..count]);
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
}
