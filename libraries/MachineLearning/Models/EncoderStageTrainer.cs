using System.Numerics.Tensors;
using SpecialistPlatform.MachineLearning.Encoders;

namespace SpecialistPlatform.MachineLearning.Models;

/// <summary>
/// Trains the encoder stage's hidden and output layers with Adam and softmax cross-entropy on fixed encoder vectors
/// (the encoder itself is not trained: that would take far longer than this platform's training budget on a CPU).
/// Single-threaded and seeded, so the same vectors, labels and seed give the same weights.
/// </summary>
public static class EncoderStageTrainer
{
    private const float Beta1 = 0.9f;
    private const float Beta2 = 0.999f;
    private const float Epsilon = 1e-8f;

    /// <summary>The trained layers; the mixing temperature is fitted later, on validation data.</summary>
    public static EncoderStage Train(ISentenceEncoder encoder, float[][] vectors, int[] labels, int classes,
        EncoderStageOptions options, int seed, Action<double>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var d = encoder.Dimension;
        var h = options.Hidden;
        var rng = new Random(seed);
        // Glorot-uniform initial weights, zero biases.
        var parameters = new[]
        {
            MlpTrainer.Uniform(rng, (long)h * d, MathF.Sqrt(6f / (d + h))), new float[h],
            MlpTrainer.Uniform(rng, (long)classes * h, MathF.Sqrt(6f / (h + classes))), new float[classes],
        };
        var gradients = parameters.Select(p => new float[p.Length]).ToArray();
        var firstMoments = parameters.Select(p => new float[p.Length]).ToArray();
        var secondMoments = parameters.Select(p => new float[p.Length]).ToArray();

        var hidden = new float[h];
        var hiddenGradient = new float[h];
        var output = new float[classes];
        var order = Enumerable.Range(0, vectors.Length).ToArray();
        var step = 0;
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var end = Math.Min(order.Length, start + options.BatchSize);
                foreach (var g in gradients)
                {
                    Array.Clear(g);
                }
                for (var q = start; q < end; q++)
                {
                    var x = vectors[order[q]];
                    Forward(parameters, x, hidden, output, d, h, classes, options.HiddenDropout, rng);
                    TensorPrimitives.SoftMax(output, output);
                    output[labels[order[q]]] -= 1; // d(loss)/d(logits)
                    Backward(parameters, gradients, x, hidden, output, hiddenGradient, d, h, classes);
                }
                step++;
                AdamStep(parameters, gradients, firstMoments, secondMoments, options.LearningRate, step, end - start);
            }
            progress?.Invoke((epoch + 1) / (double)options.Epochs);
        }
        return new EncoderStage(encoder, classes, h, parameters[0], parameters[1], parameters[2], parameters[3],
            options.Weight, options.Gate, temperature: 1.0);
    }

    private static void Forward(float[][] p, float[] x, float[] hidden, float[] output, int d, int h, int classes, float dropout, Random rng)
    {
        for (var k = 0; k < h; k++)
        {
            var a = p[1][k] + TensorPrimitives.Dot(p[0].AsSpan(k * d, d), x);
            hidden[k] = a <= 0 || (dropout > 0 && rng.NextSingle() < dropout) ? 0 : a / (1 - dropout);
        }
        for (var c = 0; c < classes; c++)
        {
            output[c] = p[3][c] + TensorPrimitives.Dot(p[2].AsSpan(c * h, h), hidden);
        }
    }

    private static void Backward(float[][] p, float[][] g, float[] x, float[] hidden, float[] outputGradient, float[] hiddenGradient, int d, int h, int classes)
    {
        Array.Clear(hiddenGradient);
        for (var c = 0; c < classes; c++)
        {
            var e = outputGradient[c];
            g[3][c] += e;
            TensorPrimitives.MultiplyAdd(hidden, e, g[2].AsSpan(c * h, h), g[2].AsSpan(c * h, h));
            TensorPrimitives.MultiplyAdd(p[2].AsSpan(c * h, h), e, hiddenGradient, hiddenGradient);
        }
        for (var k = 0; k < h; k++)
        {
            // A unit that was inactive or dropped passed nothing forward, so it gets no gradient (the kept units'
            // 1/(1-dropout) scale is left out of this gradient; Adam's per-weight step size makes it immaterial).
            if (hidden[k] == 0)
            {
                continue;
            }
            g[1][k] += hiddenGradient[k];
            TensorPrimitives.MultiplyAdd(x, hiddenGradient[k], g[0].AsSpan(k * d, d), g[0].AsSpan(k * d, d));
        }
    }

    private static void AdamStep(float[][] parameters, float[][] gradients, float[][] m, float[][] v, float learningRate, int step, int batch)
    {
        var correction1 = 1 - MathF.Pow(Beta1, step);
        var correction2 = 1 - MathF.Pow(Beta2, step);
        for (var i = 0; i < parameters.Length; i++)
        {
            var w = parameters[i];
            var g = gradients[i];
            var mi = m[i];
            var vi = v[i];
            for (var j = 0; j < w.Length; j++)
            {
                var grad = g[j] / batch;
                mi[j] = Beta1 * mi[j] + (1 - Beta1) * grad;
                vi[j] = Beta2 * vi[j] + (1 - Beta2) * grad * grad;
                w[j] -= learningRate * (mi[j] / correction1) / (MathF.Sqrt(vi[j] / correction2) + Epsilon);
            }
        }
    }
}
