namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>Counts the cuts of a category's validation scores and picks the one a <see cref="ThresholdTarget"/> asks for.</summary>
public static class ThresholdSelector
{
    /// <summary>
    /// Every distinct cut of the scores, from flagging nothing to flagging everything; each threshold lies midway
    /// between two consecutive distinct scores, so a cut is stable under small changes of the scores.
    /// </summary>
    public static IReadOnlyList<ThresholdPoint> Cuts(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        if (scores.Count != positive.Count)
        {
            throw new ArgumentException("Every score needs its label.", nameof(positive));
        }
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var positives = positive.Count(p => p);
        var negatives = scores.Count - positives;
        var points = new List<ThresholdPoint>(scores.Count + 1);
        var top = order.Length == 0 ? 0.5 : scores[order[0]];
        points.Add(At(Math.Min(1.0, (top + 1.0) / 2 + 1e-9), 0, 0, positives, negatives));
        var truePositives = 0;
        for (var k = 1; k <= order.Length; k++)
        {
            truePositives += positive[order[k - 1]] ? 1 : 0;
            var here = scores[order[k - 1]];
            if (k < order.Length && scores[order[k]] == here)
            {
                continue;
            }
            var threshold = k < order.Length ? (here + scores[order[k]]) / 2 : here / 2;
            points.Add(At(threshold, k, truePositives, positives, negatives));
        }
        return points;
    }

    public static ThresholdPoint At(IReadOnlyList<double> scores, IReadOnlyList<bool> positive, double threshold)
    {
        var flagged = 0;
        var truePositives = 0;
        for (var i = 0; i < scores.Count; i++)
        {
            if (scores[i] >= threshold)
            {
                flagged++;
                truePositives += positive[i] ? 1 : 0;
            }
        }
        var positives = positive.Count(p => p);
        return At(threshold, flagged, truePositives, positives, scores.Count - positives);
    }

    public static ThresholdChoice Choose(ThresholdTarget target, IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var cuts = Cuts(scores, positive);
        var best = cuts.MaxBy(p => p.MacroF1)!;
        return target.Goal switch
        {
            ThresholdGoal.MaxMacroF1 => new ThresholdChoice(best, true),
            // Cuts go from high to low thresholds, so the last admissible one has the most recall.
            ThresholdGoal.MinPrecision => cuts.Where(p => p.Flagged > 0 && p.Precision >= target.Value).LastOrDefault() is { } p
                ? new ThresholdChoice(p, true)
                : new ThresholdChoice(best, false),
            _ => new ThresholdChoice(cuts.Last(p => p.FalsePositiveRate <= target.Value), true),
        };
    }

    private static ThresholdPoint At(double threshold, int flagged, int truePositives, int positives, int negatives)
    {
        var falsePositives = flagged - truePositives;
        var falseNegatives = positives - truePositives;
        var trueNegatives = negatives - falsePositives;
        var precision = flagged == 0 ? 1.0 : truePositives / (double)flagged;
        var recall = positives == 0 ? 0.0 : truePositives / (double)positives;
        var f1 = F1(truePositives, falsePositives, falseNegatives);
        var negativeF1 = F1(trueNegatives, falseNegatives, falsePositives);
        return new ThresholdPoint(threshold, flagged, precision, recall, negatives == 0 ? 0 : falsePositives / (double)negatives, f1, (f1 + negativeF1) / 2);
    }

    private static double F1(int truePositives, int falsePositives, int falseNegatives) =>
        truePositives == 0 ? 0 : 2.0 * truePositives / (2.0 * truePositives + falsePositives + falseNegatives);
}
