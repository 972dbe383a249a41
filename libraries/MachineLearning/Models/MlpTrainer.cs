using System.Numerics.Tensors;
using SpecialistPlatform.MachineLearning.Features;

namespace SpecialistPlatform.MachineLearning.Models;

/// <summary>
/// Trains an <see cref="MlpComponent"/> with softmax cross-entropy by SGD, one example at a time in a
/// seeded shuffled order, the learning rate falling linearly to zero (as fastText does). Sequential
/// and seeded, so the same data and seed give the same weights.
/// </summary>
public static class MlpTrainer
{
    public static MlpComponent Train(
        FeatureOptions features,
        IReadOnlyList<string> texts,
        IReadOnlyList<int> labels,
        int classes,
        MlpTrainingOptions options,
        int seed,
        Action<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        if (texts.Count != labels.Count || texts.Count == 0)
        {
            throw new ArgumentException("Training needs at least one example and one label per text.");
        }
        var space = SoftmaxTrainer.BuildSpace(features, texts, options.MinCount, cancellationToken);
        var rows = SoftmaxTrainer.Vectorize(space, texts, cancellationToken);

        int d = options.Dimension, h = options.Hidden, c = classes;
        var rng = new Random(seed);
        var embeddings = Uniform(rng, (long)space.Rows * d, 1f / MathF.Sqrt(d) * 2f);
        var w1 = Uniform(rng, (long)h * d, MathF.Sqrt(6f / d));
        var b1 = new float[h];
        var w2 = Uniform(rng, (long)c * h, MathF.Sqrt(6f / (h + c)));
        var b2 = new float[c];
        var model = new MlpComponent(space, c, d, h, embeddings, w1, b1, w2, b2);

        var bag = new float[d];
        var hidden = new float[h];
        var scores = new float[c];
        var gradHidden = new float[h];
        var gradBag = new float[d];
        var order = Enumerable.Range(0, rows.Length).ToArray();
        // Dropout draws from its own generator so that the shuffles stay those of the dropout-free run.
        var dropoutRng = new Random(seed ^ 0x5bd1e995);
        var keep = 1f - options.InputDropout;
        var keptRows = new int[64];
        var keptValues = new float[64];
        var hiddenScale = 1f / (1f - options.HiddenDropout);
        var totalSteps = (double)options.Epochs * rows.Length;
        var stepIndex = 0L;

        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rng.Shuffle(order);
            foreach (var n in order)
            {
                var lr = (float)(options.LearningRate * (1.0 - stepIndex++ / totalSteps));
                var x = rows[n];
                if (options.InputDropout > 0)
                {
                    x = SoftmaxTrainer.Drop(x, keep, dropoutRng, ref keptRows, ref keptValues);
                }
                model.Forward(x.Indices, x.Values, bag, hidden);
                if (options.HiddenDropout > 0)
                {
                    for (var j = 0; j < h; j++)
                    {
                        // A dropped unit reads as inactive below, so it passes no gradient.
                        hidden[j] = dropoutRng.NextSingle() < options.HiddenDropout ? 0f : hidden[j] * hiddenScale;
                    }
                }
                for (var k = 0; k < c; k++)
                {
                    scores[k] = b2[k] + TensorPrimitives.Dot(w2.AsSpan(k * h, h), hidden);
                }
                Calibration.StableSoftmax(scores);
                if (options.LabelSmoothing > 0)
                {
                    TensorPrimitives.Subtract(scores, options.LabelSmoothing / c, scores);
                }
                scores[labels[n]] -= 1f - options.LabelSmoothing; // now the gradient of the loss with respect to the scores

                // Output layer: gradient to the hidden activations first, then the update.
                gradHidden.AsSpan().Clear();
                for (var k = 0; k < c; k++)
                {
                    var g = scores[k];
                    var row = w2.AsSpan(k * h, h);
                    TensorPrimitives.MultiplyAdd(row, g, gradHidden, gradHidden);
                    TensorPrimitives.MultiplyAdd(hidden, -lr * g, row, row);
                    b2[k] -= lr * g;
                }
                // Hidden layer (ReLU): only active units pass a gradient.
                gradBag.AsSpan().Clear();
                for (var j = 0; j < h; j++)
                {
                    if (hidden[j] <= 0f)
                    {
                        continue;
                    }
                    var g = options.HiddenDropout > 0 ? gradHidden[j] * hiddenScale : gradHidden[j];
                    var row = w1.AsSpan(j * d, d);
                    TensorPrimitives.MultiplyAdd(row, g, gradBag, gradBag);
                    TensorPrimitives.MultiplyAdd(bag, -lr * g, row, row);
                    b1[j] -= lr * g;
                }
                // Embeddings of the text's features.
                for (var k = 0; k < x.Count; k++)
                {
                    var row = embeddings.AsSpan(x.Indices[k] * d, d);
                    TensorPrimitives.MultiplyAdd(gradBag, -lr * x.Values[k], row, row);
                }
            }
            progress?.Invoke((epoch + 1) / (double)options.Epochs);
        }
        // A fresh instance builds its inference layouts from the trained weights.
        return new MlpComponent(space, c, d, h, embeddings, w1, b1, w2, b2);
    }

    /// <summary>Initial weights drawn uniformly from [-scale, scale] (also the encoder stage's, EncoderStageTrainer).</summary>
    internal static float[] Uniform(Random rng, long length, float scale)
    {
        var values = new float[length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)((rng.NextDouble() * 2 - 1) * scale);
        }
        return values;
    }
}
