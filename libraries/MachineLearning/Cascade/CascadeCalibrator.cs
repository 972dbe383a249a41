namespace SpecialistPlatform.MachineLearning.Cascade;

/// <summary>One labelled example as the cascade sees it.</summary>
/// <param name="Gold">The gold label.</param>
/// <param name="Confidence">The specialist's calibrated probability of its top label (the value compared with the threshold).</param>
/// <param name="OutOfScope">The specialist judged the text out of scope: it is always escalated.</param>
/// <param name="SpecialistCorrect">The specialist's final decision equals the gold label.</param>
/// <param name="FrontierCorrect">1 or 0 when the frontier's answer is known; the assumed accuracy otherwise (an expected value).</param>
public readonly record struct CascadeExample(string Gold, double Confidence, bool OutOfScope, bool SpecialistCorrect, double FrontierCorrect);

/// <summary>What one job costs, per 1,000 jobs, on each side of the cascade (any currency, the same for both).</summary>
public sealed record CascadePrices(double SpecialistPer1k, double FrontierPer1k);

/// <summary>The cascade at one threshold: texts whose confidence is below it (or judged out of scope) go to the frontier model.</summary>
/// <param name="KeptAccuracy">Specialist accuracy on the texts it keeps (null when it keeps none).</param>
/// <param name="CombinedAccuracy">Kept texts answered by the specialist, escalated ones by the frontier.</param>
/// <param name="CostPer1k">Every job runs the specialist; escalated jobs also pay the frontier.</param>
public sealed record SweepPoint(double Threshold, int Escalated, double EscalationRate, double? KeptAccuracy, double CombinedAccuracy, double CostPer1k);

/// <summary>One gold label's share of the cascade at the chosen threshold.</summary>
public sealed record ClassCascade(string Label, int Count, double EscalationRate, double? KeptAccuracy, double SpecialistAccuracy, double CombinedAccuracy);

/// <summary>One equal-width confidence bin: how often the top label was right against how sure the model was.</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);

/// <summary>What the threshold must achieve.</summary>
public abstract record CascadeTarget
{
    public abstract string Describe();
}

/// <summary>The cheapest threshold whose combined accuracy is at least <paramref name="Accuracy"/>.</summary>
public sealed record TargetAccuracy(double Accuracy) : CascadeTarget
{
    public override string Describe() => $"cheapest threshold with combined accuracy >= {Accuracy:0.####}";
}

/// <summary>A threshold chosen earlier, measured again (on fresh data, to check that its trade-off holds).</summary>
public sealed record FixedThreshold(double Threshold) : CascadeTarget
{
    public override string Describe() => $"the given threshold {Threshold:0.####}";
}

/// <summary>The most accurate threshold that escalates at most <paramref name="Rate"/> of the jobs.</summary>
public sealed record MaxEscalationRate(double Rate) : CascadeTarget
{
    public override string Describe() => $"most accurate threshold escalating at most {Rate:0.####} of jobs";
}

/// <summary>
/// Sweeps escalation thresholds over a labelled set and picks one for a target. Candidates lie midway between
/// consecutive distinct confidences (as for the out-of-scope threshold), so every distinct escalation set appears
/// once, from "escalate only out-of-scope texts" (threshold 0) to "escalate everything".
/// </summary>
public static class CascadeCalibrator
{
    private const double Tolerance = 1e-12;

    public static IReadOnlyList<SweepPoint> Sweep(IReadOnlyList<CascadeExample> examples, CascadePrices prices)
    {
        if (examples.Count == 0)
        {
            throw new ArgumentException("The calibration data is empty.", nameof(examples));
        }

        var n = examples.Count;
        var outOfScope = examples.Where(e => e.OutOfScope).ToArray();
        var scored = examples.Where(e => !e.OutOfScope).OrderBy(e => e.Confidence).ToArray();
        var frontierOnOos = outOfScope.Sum(e => e.FrontierCorrect);
        var specialistCorrectKept = scored.Count(e => e.SpecialistCorrect);

        var points = new List<SweepPoint>();
        var escalated = outOfScope.Length;
        var frontierCorrect = frontierOnOos;
        var keptCorrect = specialistCorrectKept;
        points.Add(Point(0, escalated, keptCorrect, frontierCorrect));

        var i = 0;
        while (i < scored.Length)
        {
            // Move every example sharing this confidence at once: a threshold cannot split equal confidences.
            var confidence = scored[i].Confidence;
            while (i < scored.Length && scored[i].Confidence == confidence)
            {
                escalated++;
                frontierCorrect += scored[i].FrontierCorrect;
                keptCorrect -= scored[i].SpecialistCorrect ? 1 : 0;
                i++;
            }

            var threshold = i < scored.Length
                ? (confidence + scored[i].Confidence) / 2
                : confidence < 1 ? (confidence + 1) / 2 : Math.BitIncrement(confidence);
            points.Add(Point(threshold, escalated, keptCorrect, frontierCorrect));
        }

        return points;

        SweepPoint Point(double threshold, int escalatedCount, int kept, double frontier)
        {
            var rate = escalatedCount / (double)n;
            var keptCount = n - escalatedCount;
            return new SweepPoint(threshold, escalatedCount, rate, keptCount == 0 ? null : kept / (double)keptCount,
                (kept + frontier) / n, prices.SpecialistPer1k + rate * prices.FrontierPer1k);
        }
    }

    /// <summary>The cascade at exactly this threshold.</summary>
    public static SweepPoint At(IReadOnlyList<CascadeExample> examples, double threshold, CascadePrices prices)
    {
        var escalated = examples.Where(e => Escalates(e, threshold)).ToArray();
        var kept = examples.Count - escalated.Length;
        var keptCorrect = examples.Count(e => !Escalates(e, threshold) && e.SpecialistCorrect);
        var rate = escalated.Length / (double)examples.Count;
        return new SweepPoint(threshold, escalated.Length, rate, kept == 0 ? null : keptCorrect / (double)kept,
            (keptCorrect + escalated.Sum(e => e.FrontierCorrect)) / examples.Count, prices.SpecialistPer1k + rate * prices.FrontierPer1k);
    }

    /// <summary>The point meeting the target, or null when none does (a fixed threshold is measured with <see cref="At"/>).</summary>
    public static SweepPoint? Choose(IReadOnlyList<SweepPoint> sweep, CascadeTarget target) => target switch
    {
        TargetAccuracy t => sweep.Where(p => p.CombinedAccuracy >= t.Accuracy - Tolerance)
            .OrderBy(p => p.CostPer1k).ThenByDescending(p => p.CombinedAccuracy).ThenBy(p => p.Threshold).FirstOrDefault(),
        MaxEscalationRate m => sweep.Where(p => p.EscalationRate <= m.Rate + Tolerance)
            .OrderByDescending(p => p.CombinedAccuracy).ThenBy(p => p.CostPer1k).ThenBy(p => p.Threshold).FirstOrDefault(),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    /// <summary>The specialist answering everything itself, out-of-scope decisions included.</summary>
    public static SweepPoint SpecialistOnly(IReadOnlyList<CascadeExample> examples, CascadePrices prices)
    {
        var accuracy = examples.Count(e => e.SpecialistCorrect) / (double)examples.Count;
        return new SweepPoint(0, 0, 0, accuracy, accuracy, prices.SpecialistPer1k);
    }

    /// <summary>The frontier model answering everything, without the specialist in front of it (its threshold, 1, is nominal).</summary>
    public static SweepPoint FrontierOnly(IReadOnlyList<CascadeExample> examples, CascadePrices prices)
    {
        var accuracy = examples.Sum(e => e.FrontierCorrect) / examples.Count;
        return new SweepPoint(1, examples.Count, 1, null, accuracy, prices.FrontierPer1k);
    }

    public static IReadOnlyList<ClassCascade> PerClass(IReadOnlyList<CascadeExample> examples, double threshold) =>
        examples.GroupBy(e => e.Gold, StringComparer.Ordinal)
            .Select(g =>
            {
                var all = g.ToArray();
                var escalated = all.Where(e => Escalates(e, threshold)).ToArray();
                var kept = all.Where(e => !Escalates(e, threshold)).ToArray();
                var keptCorrect = kept.Count(e => e.SpecialistCorrect);
                return new ClassCascade(g.Key, all.Length, escalated.Length / (double)all.Length,
                    kept.Length == 0 ? null : keptCorrect / (double)kept.Length,
                    all.Count(e => e.SpecialistCorrect) / (double)all.Length,
                    (keptCorrect + escalated.Sum(e => e.FrontierCorrect)) / all.Length);
            })
            .OrderByDescending(c => c.EscalationRate).ThenBy(c => c.Label, StringComparer.Ordinal)
            .ToArray();

    public static bool Escalates(CascadeExample example, double threshold) => example.OutOfScope || example.Confidence < threshold;

    /// <summary>
    /// About <paramref name="rows"/> points spread evenly over the escalation rates of the sweep, always with its
    /// first and last points and <paramref name="chosen"/>; in threshold order.
    /// </summary>
    public static IReadOnlyList<SweepPoint> Compact(IReadOnlyList<SweepPoint> sweep, int rows, SweepPoint? chosen)
    {
        if (sweep.Count <= rows)
        {
            return chosen is null || sweep.Contains(chosen) ? sweep : sweep.Append(chosen).OrderBy(p => p.Threshold).ToArray();
        }

        var first = sweep[0].EscalationRate;
        var last = sweep[^1].EscalationRate;
        var picked = new HashSet<SweepPoint> { sweep[0], sweep[^1] };
        if (chosen is not null)
        {
            picked.Add(chosen);
        }

        for (var j = 1; j < rows - 1; j++)
        {
            var target = first + j * (last - first) / (rows - 1);
            picked.Add(sweep.MinBy(p => Math.Abs(p.EscalationRate - target))!);
        }

        return picked.OrderBy(p => p.Threshold).ToArray();
    }

    /// <summary>Equal-width bins of confidence against correctness (the bins behind the expected calibration error).</summary>
    public static IReadOnlyList<ReliabilityBin> Reliability(IReadOnlyList<double> confidences, IReadOnlyList<bool> correct, int bins = 15)
    {
        if (confidences.Count != correct.Count)
        {
            throw new ArgumentException("Every confidence needs its correctness.", nameof(correct));
        }

        var count = new int[bins];
        var sumConfidence = new double[bins];
        var hits = new int[bins];
        for (var i = 0; i < confidences.Count; i++)
        {
            var bin = Math.Clamp((int)(confidences[i] * bins), 0, bins - 1);
            count[bin]++;
            sumConfidence[bin] += confidences[i];
            hits[bin] += correct[i] ? 1 : 0;
        }

        return Enumerable.Range(0, bins).Select(b => new ReliabilityBin(
            b / (double)bins, (b + 1) / (double)bins, count[b],
            count[b] == 0 ? 0 : sumConfidence[b] / count[b],
            count[b] == 0 ? 0 : hits[b] / (double)count[b])).ToArray();
    }
}
