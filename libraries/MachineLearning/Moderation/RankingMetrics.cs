namespace SpecialistPlatform.MachineLearning.Moderation;

public static class RankingMetrics
{
    /// <summary>
    /// Area under the precision-recall curve as average precision: the mean, over the positives, of the precision
    /// at the rank where each is found (tied scores are taken together). 0 when there is no positive.
    /// </summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var positives = positive.Count(p => p);
        if (positives == 0)
        {
            return 0;
        }
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        double sum = 0;
        var truePositives = 0;
        var k = 0;
        while (k < order.Length)
        {
            var end = k;
            var found = 0;
            while (end < order.Length && scores[order[end]] == scores[order[k]])
            {
                found += positive[order[end]] ? 1 : 0;
                end++;
            }
            truePositives += found;
            sum += found * (truePositives / (double)end);
            k = end;
        }
        return sum / positives;
    }
}
