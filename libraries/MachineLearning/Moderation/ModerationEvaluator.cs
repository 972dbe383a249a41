using System.Diagnostics;
using SpecialistPlatform.MachineLearning.Cascade;
using SpecialistPlatform.MachineLearning.Models;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>
/// One category on one labelled set: its ranking quality (average precision), the numbers at the model's threshold,
/// calibration (ECE and reliability bins of the probability against the share of positives) and a threshold sweep.
/// </summary>
public sealed record ModerationCategoryReport(
    string Category,
    int Positives,
    int Negatives,
    double Threshold,
    double AveragePrecision,
    ThresholdPoint AtThreshold,
    double ExpectedCalibrationError,
    IReadOnlyList<ReliabilityBin> Reliability,
    IReadOnlyList<ThresholdPoint> Sweep);

/// <summary>A moderation model on one labelled set.</summary>
/// <param name="AnyHarm">The maximum of the harm categories' probabilities against "belongs to any of them", over the
/// texts judged on all of them (null when there are none); its threshold is the lowest of theirs.</param>
/// <param name="BenignFlagged">Share of the texts with no positive label that get at least one flag.</param>
public sealed record ModerationEvaluation(
    int Examples,
    IReadOnlyList<ModerationCategoryReport> Categories,
    ModerationCategoryReport? AnyHarm,
    int BenignExamples,
    double BenignFlagged,
    double LatencyP50Ms,
    double LatencyP99Ms);

public static class ModerationEvaluator
{
    public const string AnyHarmName = "any-harm";

    /// <summary>Per category, over the texts judged on it; categories with no judged text are left out.</summary>
    public static IReadOnlyList<ModerationCategoryReport> Evaluate(ModerationModel model, IReadOnlyList<ModerationExample> examples, CancellationToken cancellationToken = default) =>
        Reports(model, examples, model.ScoreBatch(examples.Select(e => e.Text).ToArray(), cancellationToken));

    /// <summary>Everything <see cref="Evaluate"/> measures, plus any-harm, the benign texts flagged, and the latency of one text on one thread.</summary>
    public static ModerationEvaluation EvaluateSet(ModerationModel model, IReadOnlyList<ModerationExample> examples, CancellationToken cancellationToken = default)
    {
        var texts = examples.Select(e => e.Text).ToArray();
        var scores = model.ScoreBatch(texts, cancellationToken);
        var latencies = new double[texts.Length];
        for (var i = 0; i < texts.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            model.Score(texts[i]);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(latencies);

        ModerationCategoryReport? anyHarm = null;
        // A text is in the any-harm set when it belongs to some harm category, or is known to belong to none of them.
        var harmCategories = ModerationCategories.Harm.Where(model.Categories.Contains).ToArray();
        var judgedOnHarm = Enumerable.Range(0, examples.Count)
            .Where(i => harmCategories.Any(c => examples[i].Label(c) == true) || harmCategories.All(c => examples[i].Label(c) == false)).ToArray();
        if (judgedOnHarm.Length > 0)
        {
            var harm = model.Heads.Where(h => ModerationCategories.Harm.Contains(h.Category)).ToArray();
            anyHarm = Report(AnyHarmName, harm.Min(h => h.Threshold),
                judgedOnHarm.Select(i => (double)harm.Max(h => scores[i][h.Category])).ToArray(),
                judgedOnHarm.Select(i => harm.Any(h => examples[i].Label(h.Category) == true)).ToArray());
        }
        var benign = Enumerable.Range(0, examples.Count).Where(i => examples[i].Labels.Values.All(v => !v)).ToArray();
        return new ModerationEvaluation(examples.Count, Reports(model, examples, scores), anyHarm, benign.Length,
            benign.Length == 0 ? 0 : benign.Count(i => scores[i].Flagged.Count > 0) / (double)benign.Length,
            texts.Length == 0 ? 0 : IntentEvaluator.Percentile(latencies, 0.50),
            texts.Length == 0 ? 0 : IntentEvaluator.Percentile(latencies, 0.99));
    }

    private static List<ModerationCategoryReport> Reports(ModerationModel model, IReadOnlyList<ModerationExample> examples, ModerationScores[] scores)
    {
        var reports = new List<ModerationCategoryReport>();
        for (var c = 0; c < model.Heads.Count; c++)
        {
            var category = model.Heads[c].Category;
            var judged = Enumerable.Range(0, examples.Count).Where(i => examples[i].Label(category) is not null).ToArray();
            if (judged.Length == 0)
            {
                continue;
            }
            reports.Add(Report(category, model.Heads[c].Threshold,
                judged.Select(i => (double)scores[i].Probabilities[c]).ToArray(),
                judged.Select(i => examples[i].Label(category)!.Value).ToArray()));
        }
        return reports;
    }

    private static ModerationCategoryReport Report(string category, double threshold, double[] probabilities, bool[] positive) => new(
        category,
        positive.Count(p => p),
        positive.Count(p => !p),
        threshold,
        RankingMetrics.AveragePrecision(probabilities, positive),
        ThresholdSelector.At(probabilities, positive, threshold),
        BinaryEce(probabilities, positive),
        CascadeCalibrator.Reliability(probabilities, positive),
        SweepThresholds.Select(t => ThresholdSelector.At(probabilities, positive, t)).Append(ThresholdSelector.At(probabilities, positive, threshold))
            .OrderBy(p => p.Threshold).ToArray());

    /// <summary>Thresholds of the reported sweep (the model's own is added to them).</summary>
    public static IReadOnlyList<double> SweepThresholds { get; } = Enumerable.Range(1, 19).Select(k => k / 20.0).ToArray();

    /// <summary>Expected calibration error of a binary probability: the decided class's probability against being right.</summary>
    public static double BinaryEce(IReadOnlyList<double> probabilities, IReadOnlyList<bool> positive) =>
        Calibration.ExpectedCalibrationError(
            probabilities.Select(p => Math.Max(p, 1 - p)).ToArray(),
            probabilities.Select((p, i) => p >= 0.5 == positive[i]).ToArray());
}
