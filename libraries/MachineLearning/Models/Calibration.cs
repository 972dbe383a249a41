using System.Numerics.Tensors;

namespace SpecialistPlatform.MachineLearning.Models;

/// <summary>Temperature scaling and expected calibration error.</summary>
public static class Calibration
{
    public const int DefaultBins = 15;

    /// <summary>
    /// ECE with equal-width confidence bins: the sample-weighted mean of |accuracy - mean confidence|
    /// over the bins.
    /// </summary>
    public static double ExpectedCalibrationError(IReadOnlyList<double> confidences, IReadOnlyList<bool> correct, int bins = DefaultBins)
    {
        if (confidences.Count != correct.Count)
        {
            throw new ArgumentException("One correctness flag per confidence is required.");
        }
        if (confidences.Count == 0)
        {
            return 0;
        }
        var count = new int[bins];
        var sumConfidence = new double[bins];
        var sumCorrect = new double[bins];
        for (var i = 0; i < confidences.Count; i++)
        {
            var bin = Math.Clamp((int)Math.Ceiling(confidences[i] * bins) - 1, 0, bins - 1);
            count[bin]++;
            sumConfidence[bin] += confidences[i];
            sumCorrect[bin] += correct[i] ? 1 : 0;
        }
        var ece = 0.0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                ece += Math.Abs(sumCorrect[b] - sumConfidence[b]) / confidences.Count;
            }
        }
        return ece;
    }

    /// <summary>ECE of softmax(logits / temperature) against the labels.</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<float[]> logits, IReadOnlyList<int> labels, double temperature, int bins = DefaultBins)
    {
        var confidences = new double[logits.Count];
        var correct = new bool[logits.Count];
        var probabilities = new float[logits.Count == 0 ? 0 : logits[0].Length];
        for (var i = 0; i < logits.Count; i++)
        {
            Softmax(logits[i], temperature, probabilities);
            var top = TensorPrimitives.IndexOfMax(probabilities);
            confidences[i] = probabilities[top];
            correct[i] = top == labels[i];
        }
        return ExpectedCalibrationError(confidences, correct, bins);
    }

    /// <summary>
    /// The temperature T minimising the negative log-likelihood of softmax(logits / T) on held-out data,
    /// by golden-section search over ln T in [ln 0.02, ln 50] (the NLL is unimodal in T).
    /// </summary>
    public static double FitTemperature(IReadOnlyList<float[]> logits, IReadOnlyList<int> labels)
    {
        if (logits.Count == 0)
        {
            return 1.0;
        }
        double Nll(double logT)
        {
            var t = Math.Exp(logT);
            var total = 0.0;
            for (var i = 0; i < logits.Count; i++)
            {
                var row = logits[i];
                var max = double.NegativeInfinity;
                foreach (var v in row)
                {
                    max = Math.Max(max, v / t);
                }
                var sum = 0.0;
                foreach (var v in row)
                {
                    sum += Math.Exp(v / t - max);
                }
                total += max + Math.Log(sum) - row[labels[i]] / t;
            }
            return total / logits.Count;
        }

        var lo = Math.Log(0.02);
        var hi = Math.Log(50);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var a = hi - ratio * (hi - lo);
        var b = lo + ratio * (hi - lo);
        var fa = Nll(a);
        var fb = Nll(b);
        for (var iteration = 0; iteration < 60; iteration++)
        {
            if (fa < fb)
            {
                hi = b;
                b = a;
                fb = fa;
                a = hi - ratio * (hi - lo);
                fa = Nll(a);
            }
            else
            {
                lo = a;
                a = b;
                fa = fb;
                b = lo + ratio * (hi - lo);
                fb = Nll(b);
            }
        }
        return Math.Exp((lo + hi) / 2);
    }

    public static void Softmax(ReadOnlySpan<float> logits, double temperature, Span<float> probabilities)
    {
        TensorPrimitives.Divide(logits, (float)temperature, probabilities);
        StableSoftmax(probabilities);
    }

    /// <summary>In-place softmax that subtracts the maximum first, so large logits cannot overflow.</summary>
    public static void StableSoftmax(Span<float> values)
    {
        TensorPrimitives.Subtract(values, TensorPrimitives.Max(values), values);
        TensorPrimitives.SoftMax(values, values);
    }
}
