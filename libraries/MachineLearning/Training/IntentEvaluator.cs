using System.Diagnostics;
using SpecialistPlatform.MachineLearning.Models;

namespace SpecialistPlatform.MachineLearning.Training;

public sealed record ConfusedPair(string Gold, string Predicted, int Count);

/// <summary>Quality and speed of an intent model on labelled data.</summary>
/// <param name="Accuracy">Share of texts whose final decision (after the out-of-scope rule) equals the gold label.</param>
/// <param name="ArgmaxAccuracy">Share whose most probable label equals the gold label, ignoring the threshold.</param>
/// <param name="MacroF1">Unweighted mean F1 over every label that is gold or predicted, on final decisions.</param>
/// <param name="InScopeAccuracy">Among texts whose gold label is not the out-of-scope label: share decided correctly (null without out-of-scope texts).</param>
/// <param name="OosRecall">Among out-of-scope texts: share decided out of scope (null without any).</param>
/// <param name="ExpectedCalibrationError">15-bin ECE of the top calibrated probability against argmax correctness.</param>
/// <param name="OosRejected">Share of all texts decided out of scope.</param>
public sealed record IntentEvaluation(
    int Examples,
    double Accuracy,
    double ArgmaxAccuracy,
    double MacroF1,
    double? InScopeAccuracy,
    double? OosRecall,
    double ExpectedCalibrationError,
    double OosRejected,
    IReadOnlyList<ConfusedPair> TopConfusions,
    double LatencyP50Ms,
    double LatencyP95Ms,
    double LatencyP99Ms);

public static class IntentEvaluator
{
    public static IntentEvaluation Evaluate(IntentModel model, IReadOnlyList<LabeledExample> data, Action<double>? progress = null, CancellationToken cancellationToken = default)
    {
        if (data.Count == 0)
        {
            throw new ArgumentException("The evaluation data is empty.", nameof(data));
        }
        foreach (var example in data.Take(20))
        {
            model.Predict(example.Text); // warm-up, so the first latencies do not include JIT compilation
        }

        // Texts are scored one at a time on one thread: these are the latencies a caller would see.
        var predictions = new IntentPrediction[data.Count];
        var latencies = new double[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = Stopwatch.GetTimestamp();
            predictions[i] = model.Predict(data[i].Text);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (progress is not null && (i % 256 == 0 || i == data.Count - 1))
            {
                progress((i + 1) / (double)data.Count);
            }
        }

        var gold = data.Select(e => e.Label).ToArray();
        var final = predictions.Select(p => p.Label).ToArray();
        var correct = Enumerable.Range(0, data.Count).Count(i => final[i] == gold[i]);
        var argmaxCorrect = Enumerable.Range(0, data.Count).Count(i => predictions[i].TopLabel == gold[i]);
        var goldOos = gold.Select(g => g == model.OosLabel).ToArray();
        var oosCount = goldOos.Count(g => g);
        double? inScopeAccuracy = null;
        double? oosRecall = null;
        if (oosCount > 0)
        {
            var inScope = data.Count - oosCount;
            inScopeAccuracy = inScope == 0 ? null : Enumerable.Range(0, data.Count).Count(i => !goldOos[i] && final[i] == gold[i]) / (double)inScope;
            oosRecall = Enumerable.Range(0, data.Count).Count(i => goldOos[i] && predictions[i].OutOfScope) / (double)oosCount;
        }

        var ece = Calibration.ExpectedCalibrationError(
            predictions.Select(p => (double)p.TopProbability).ToArray(),
            Enumerable.Range(0, data.Count).Select(i => predictions[i].TopLabel == gold[i]).ToArray());

        var confusions = Enumerable.Range(0, data.Count)
            .Where(i => final[i] != gold[i])
            .GroupBy(i => (Gold: gold[i], Predicted: final[i]))
            .Select(g => new ConfusedPair(g.Key.Gold, g.Key.Predicted, g.Count()))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Gold, StringComparer.Ordinal).ThenBy(p => p.Predicted, StringComparer.Ordinal)
            .Take(10)
            .ToArray();

        Array.Sort(latencies);
        return new IntentEvaluation(
            data.Count,
            correct / (double)data.Count,
            argmaxCorrect / (double)data.Count,
            MacroF1(gold, final),
            inScopeAccuracy,
            oosRecall,
            ece,
            predictions.Count(p => p.OutOfScope) / (double)data.Count,
            confusions,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.95),
            Percentile(latencies, 0.99));
    }

    public static double MacroF1(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        var labels = gold.Concat(predicted).Distinct(StringComparer.Ordinal).ToArray();
        var truePositive = new Dictionary<string, int>(StringComparer.Ordinal);
        var goldCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var predictedCount = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < gold.Count; i++)
        {
            goldCount[gold[i]] = goldCount.GetValueOrDefault(gold[i]) + 1;
            predictedCount[predicted[i]] = predictedCount.GetValueOrDefault(predicted[i]) + 1;
            if (gold[i] == predicted[i])
            {
                truePositive[gold[i]] = truePositive.GetValueOrDefault(gold[i]) + 1;
            }
        }
        var sum = 0.0;
        foreach (var label in labels)
        {
            var tp = truePositive.GetValueOrDefault(label);
            var denominator = goldCount.GetValueOrDefault(label) + predictedCount.GetValueOrDefault(label);
            sum += denominator == 0 ? 0 : 2.0 * tp / denominator;
        }
        return sum / labels.Length;
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double q)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }
        var rank = (int)Math.Ceiling(q * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
