namespace SpecialistPlatform.Compliance.Detection.Evaluation;

/// <summary>Counts and scores for one entity type (or all types together).</summary>
public sealed record EntityScores(string Type, int Gold, int Predicted, int TruePositives)
{
    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)TruePositives / Gold;

    public double F1 => FBeta(1);

    /// <summary>Recall weighted four times precision: a missed personal datum costs more than a needless mask.</summary>
    public double F2 => FBeta(2);

    public double FBeta(double beta)
    {
        var p = Precision;
        var r = Recall;
        var b2 = beta * beta;
        return p + r == 0 ? 0 : (1 + b2) * p * r / (b2 * p + r);
    }
}

/// <summary>
/// Per-type scores, type-agnostic scores over every gold span, and type-agnostic scores restricted to the
/// types the detector supports (the fair number for a rule set that does not claim PERSON).
/// </summary>
public sealed record PiiEvaluationReport(
    int Samples,
    IReadOnlyList<EntityScores> PerType,
    EntityScores TypeAgnostic,
    EntityScores SupportedTypesOnly,
    IReadOnlyList<string> UnsupportedGoldTypes,
    double IouThreshold)
{
    /// <summary>
    /// Type-agnostic outcomes per (gold type, predicted type): a matched span of another type, a gold span nothing
    /// matched (predicted "(missed)") or a prediction matching no gold span (gold "(none)"); most frequent first.
    /// </summary>
    public IReadOnlyList<(string Gold, string Predicted, int Count)> Confusions { get; init; } = [];
}

/// <summary>
/// Span-level evaluation as presidio-research does it: a prediction matches a gold span when their
/// intersection over union is at least the threshold (0.5); each gold span and each prediction matches at
/// most once (greedy by IoU). Per-type counts need the types to agree; type-agnostic counts do not.
/// </summary>
public static class PiiEvaluator
{
    public const double DefaultIouThreshold = 0.5;

    public static PiiEvaluationReport Evaluate(
        IReadOnlyList<PresidioSample> samples,
        Func<string, IReadOnlyList<Finding>> detect,
        IReadOnlyCollection<string> supportedTypes,
        double iouThreshold = DefaultIouThreshold,
        IProgress<double>? progress = null)
    {
        var gold = new Dictionary<string, int>(StringComparer.Ordinal);
        var predicted = new Dictionary<string, int>(StringComparer.Ordinal);
        var truePositives = new Dictionary<string, int>(StringComparer.Ordinal);
        int agnosticGold = 0, agnosticPredicted = 0, agnosticTp = 0;
        int supportedGold = 0, supportedPredicted = 0, supportedTp = 0;
        var supported = supportedTypes.ToHashSet(StringComparer.Ordinal);
        var confusions = new Dictionary<(string, string), int>();
        for (var i = 0; i < samples.Count; i++)
        {
            var sample = samples[i];
            var goldSpans = sample.Utf16Spans();
            var predictions = detect(sample.FullText);
            foreach (var g in goldSpans)
                gold[g.Type] = gold.GetValueOrDefault(g.Type) + 1;
            foreach (var p in predictions)
                predicted[p.Type] = predicted.GetValueOrDefault(p.Type) + 1;

            foreach (var (g, _) in Match(goldSpans, predictions, typed: true, iouThreshold))
                truePositives[g.Type] = truePositives.GetValueOrDefault(g.Type) + 1;

            agnosticGold += goldSpans.Count;
            agnosticPredicted += predictions.Count;
            var agnostic = Match(goldSpans, predictions, typed: false, iouThreshold);
            agnosticTp += agnostic.Count;
            foreach (var (g, p) in agnostic)
            {
                if (g.Type != p.Type)
                    confusions[(g.Type, p.Type)] = confusions.GetValueOrDefault((g.Type, p.Type)) + 1;
            }
            foreach (var g in goldSpans.Where(g => !agnostic.Any(m => m.Gold == g)))
                confusions[(g.Type, "(missed)")] = confusions.GetValueOrDefault((g.Type, "(missed)")) + 1;
            foreach (var p in predictions.Where(p => !agnostic.Any(m => ReferenceEquals(m.Predicted, p))))
                confusions[("(none)", p.Type)] = confusions.GetValueOrDefault(("(none)", p.Type)) + 1;

            var supportedGoldSpans = goldSpans.Where(g => supported.Contains(g.Type)).ToList();
            supportedGold += supportedGoldSpans.Count;
            supportedPredicted += predictions.Count;
            supportedTp += Match(supportedGoldSpans, predictions, typed: false, iouThreshold).Count;
            progress?.Report((i + 1) / (double)samples.Count);
        }
        var types = gold.Keys.Union(predicted.Keys).Order(StringComparer.Ordinal);
        var perType = types.Select(t => new EntityScores(t, gold.GetValueOrDefault(t), predicted.GetValueOrDefault(t), truePositives.GetValueOrDefault(t))).ToList();
        return new PiiEvaluationReport(
            samples.Count,
            perType,
            new EntityScores("ALL", agnosticGold, agnosticPredicted, agnosticTp),
            new EntityScores("ALL_SUPPORTED", supportedGold, supportedPredicted, supportedTp),
            gold.Keys.Where(t => !supported.Contains(t)).Order(StringComparer.Ordinal).ToList(),
            iouThreshold)
        {
            Confusions = confusions.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Item1, StringComparer.Ordinal).ThenBy(c => c.Key.Item2, StringComparer.Ordinal)
                .Select(c => (c.Key.Item1, c.Key.Item2, c.Value)).ToList(),
        };
    }

    public static double Iou(int aStart, int aEnd, int bStart, int bEnd)
    {
        var intersection = Math.Max(0, Math.Min(aEnd, bEnd) - Math.Max(aStart, bStart));
        var union = Math.Max(aEnd, bEnd) - Math.Min(aStart, bStart);
        return union <= 0 ? 0 : (double)intersection / union;
    }

    private static List<((string Type, int Start, int End) Gold, Finding Predicted)> Match(
        IReadOnlyList<(string Type, int Start, int End)> gold, IReadOnlyList<Finding> predictions, bool typed, double threshold)
    {
        var pairs = new List<(double Iou, int G, int P)>();
        for (var g = 0; g < gold.Count; g++)
        {
            for (var p = 0; p < predictions.Count; p++)
            {
                if (typed && gold[g].Type != predictions[p].Type)
                    continue;
                var iou = Iou(gold[g].Start, gold[g].End, predictions[p].Start, predictions[p].End);
                if (iou >= threshold)
                    pairs.Add((iou, g, p));
            }
        }
        var usedGold = new HashSet<int>();
        var usedPredicted = new HashSet<int>();
        var matches = new List<((string, int, int), Finding)>();
        foreach (var (_, g, p) in pairs.OrderByDescending(x => x.Iou))
        {
            if (usedGold.Contains(g) || usedPredicted.Contains(p))
                continue;
            usedGold.Add(g);
            usedPredicted.Add(p);
            matches.Add((gold[g], predictions[p]));
        }
        return matches;
    }
}
