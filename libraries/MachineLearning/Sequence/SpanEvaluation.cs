namespace SpecialistPlatform.MachineLearning.Sequence;

/// <summary>Exact-span counts for one slot (or all): a prediction counts only with the same label, start and end.</summary>
public sealed record SpanScore(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public int Gold => TruePositives + FalseNegatives;

    public int Predicted => TruePositives + FalsePositives;

    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)TruePositives / Gold;

    public double F1 => TruePositives == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Exact-span precision, recall and F1 per slot and overall (micro-averaged over all spans).</summary>
public sealed record SpanEvaluation(IReadOnlyDictionary<string, SpanScore> PerSlot, SpanScore Overall, int Examples)
{
    public static SpanEvaluation Score(IReadOnlyList<SpanExample> gold, IReadOnlyList<IReadOnlyList<PredictedSpan>> predicted)
    {
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException("Gold and predicted lists differ in length.");
        }
        var counts = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        int[] For(string label) => counts.TryGetValue(label, out var c) ? c : counts[label] = new int[3];
        for (var i = 0; i < gold.Count; i++)
        {
            var expected = gold[i].Spans.Select(s => (s.Label, s.Start, s.End)).ToHashSet();
            var found = predicted[i].Select(s => (s.Label, s.Start, s.End)).ToHashSet();
            foreach (var span in found)
            {
                For(span.Label)[expected.Contains(span) ? 0 : 1]++;
            }
            foreach (var span in expected.Where(s => !found.Contains(s)))
            {
                For(span.Label)[2]++;
            }
        }
        var perSlot = counts.ToDictionary(kv => kv.Key, kv => new SpanScore(kv.Value[0], kv.Value[1], kv.Value[2]), StringComparer.Ordinal);
        var overall = new SpanScore(perSlot.Values.Sum(s => s.TruePositives), perSlot.Values.Sum(s => s.FalsePositives), perSlot.Values.Sum(s => s.FalseNegatives));
        return new SpanEvaluation(new SortedDictionary<string, SpanScore>(perSlot, StringComparer.Ordinal), overall, gold.Count);
    }

    /// <summary>
    /// A lenient companion score: a prediction counts as correct when it overlaps a not yet matched gold span of the
    /// same label (so "7pm." against "7pm" matches). Reported beside the exact score, never instead of it.
    /// </summary>
    public static SpanScore OverlapScore(IReadOnlyList<SpanExample> gold, IReadOnlyList<IReadOnlyList<PredictedSpan>> predicted)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            var unmatched = gold[i].Spans.ToList();
            foreach (var p in predicted[i])
            {
                var match = unmatched.FindIndex(g => g.Label == p.Label && g.Start < p.End && p.Start < g.End);
                if (match >= 0)
                {
                    tp++;
                    unmatched.RemoveAt(match);
                }
                else
                {
                    fp++;
                }
            }
            fn += unmatched.Count;
        }
        return new SpanScore(tp, fp, fn);
    }

    public static SpanEvaluation Evaluate(SpanTagger model, IReadOnlyList<SpanExample> gold, CancellationToken cancellationToken = default) =>
        Score(gold, model.PredictBatch(gold.Select(e => (e.Text, e.RequestedSlots)).ToArray(), cancellationToken));
}
