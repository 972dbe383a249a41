using System.Security.Cryptography;
using System.Text;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Evaluation.Reports;
using SpecialistPlatform.MachineLearning.Cascade;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.Evaluation.ShadowWindows;

/// <summary>The registry's facts about the router version a window measured, when the registry still has it.</summary>
public sealed record ShadowModel(string Name, string Sha256, double? EscalationThreshold);

/// <summary>
/// Turns one tenant's shadow comparisons for one router version over one window into an evaluation run. The frontier's
/// label is the reference ("gold") here: there is no human label on live traffic, so "accuracy" reads as agreement with
/// the frontier, and the sweep answers "had we escalated below this confidence, how often would the answer have been
/// the frontier's, and what would it have cost". Comparisons the frontier could not answer (budget, invalid answers,
/// outage) are counted and named but not scored.
/// </summary>
public static class ShadowWindowSummary
{
    public const string RunKind = "shadow-window";

    public static EvaluationRun Summarise(
        string tenantId, string modelVersion, ShadowModel? model, DateTimeOffset windowStart, DateTimeOffset windowEnd,
        IReadOnlyList<FrontierComparison> comparisons)
    {
        var judged = comparisons.Where(c => c.FrontierLabel is not null).OrderBy(c => c.JobId).ToArray();
        var frontierCost = (double)comparisons.Sum(c => c.Cost);
        // What 1,000 jobs cost at the frontier, from what this window's answered calls actually cost.
        var frontierPer1k = judged.Length == 0 ? 0 : (double)judged.Sum(c => c.Cost) / judged.Length * 1000;
        var prices = new CascadePrices(0, frontierPer1k);
        var cascade = judged.Select(c => new CascadeExample(c.FrontierLabel!, c.SpecialistConfidence, false, c.Agreed, 1)).ToArray();
        var sweep = cascade.Length == 0 ? [] : CascadeCalibrator.Sweep(cascade, prices);
        var atThreshold = model?.EscalationThreshold is { } threshold && cascade.Length > 0 ? CascadeCalibrator.At(cascade, threshold, prices) : null;
        var latencies = judged.Where(c => c.FrontierLatencyMs is not null).Select(c => c.FrontierLatencyMs!.Value).Order().ToArray();
        var agreement = judged.Length == 0 ? (double?)null : judged.Count(c => c.Agreed) / (double)judged.Length;

        var metrics = new Dictionary<string, object?>
        {
            ["comparisons"] = comparisons.Count,
            ["judged"] = judged.Length,
            ["unanswered"] = comparisons.Count - judged.Length,
            ["from_escalations"] = judged.Count(c => c.FromEscalation),
            ["agreement"] = agreement,
            ["specialist_accuracy"] = agreement,
            ["frontier_accuracy"] = judged.Length == 0 ? null : 1.0,
            ["frontier_cost_total"] = frontierCost,
            ["goal"] = atThreshold is null ? "no escalation threshold registered for this version" : "the registered escalation threshold",
            ["chosen_threshold"] = atThreshold?.Threshold,
            ["chosen_escalation_rate"] = atThreshold?.EscalationRate,
            ["chosen_combined_accuracy"] = atThreshold?.CombinedAccuracy,
            ["chosen_kept_accuracy"] = atThreshold?.KeptAccuracy,
        };
        var problems = comparisons.Where(c => c.FrontierLabel is null)
            .GroupBy(c => c.Problem ?? "no answer", StringComparer.Ordinal)
            .Select(g => $"{g.Count()} unanswered: {g.Key}");

        return new EvaluationRun
        {
            Kind = RunKind,
            Task = "intent",
            TenantId = tenantId,
            WindowStart = windowStart,
            WindowEnd = windowEnd,
            ModelName = model?.Name,
            ModelVersion = modelVersion,
            ModelSha256 = model?.Sha256 ?? "",
            DatasetSha256 = JobsSha256(comparisons),
            DatasetRows = comparisons.Count,
            DatasetSource = $"tenant {tenantId}'s live traffic, {windowStart:yyyy-MM-dd HH:mm:ss} to {windowEnd:yyyy-MM-dd HH:mm:ss} UTC (shadow comparisons with the frontier)",
            MetricsJson = ReportJson.Serialize(metrics),
            PerClassJson = ReportJson.Serialize(atThreshold is null ? PerFrontierLabel(judged) : (object)CascadeCalibrator.PerClass(cascade, atThreshold.Threshold)),
            LatencyP50Ms = Percentile(latencies, 0.50),
            LatencyP95Ms = Percentile(latencies, 0.95),
            LatencyP99Ms = Percentile(latencies, 0.99),
            SpecialistCostPer1k = 0,
            FrontierCostPer1k = frontierPer1k,
            CascadeCostPer1k = atThreshold?.CostPer1k,
            EscalationThreshold = atThreshold?.Threshold,
            FrontierAccuracyAssumed = false,
            SweepJson = ReportJson.Serialize(sweep),
            ReliabilityJson = ReportJson.Serialize(cascade.Length == 0
                ? []
                : CascadeCalibrator.Reliability(judged.Select(c => c.SpecialistConfidence).ToArray(), judged.Select(c => c.Agreed).ToArray())),
            ConfusionsJson = ReportJson.Serialize(Confusions(judged)),
            Notes = string.Join("; ", new[]
            {
                "Reference labels are the frontier model's answers on live traffic (no human labels): accuracy here means agreement with the frontier; "
                + "latencies are the frontier calls'; the frontier's cost per 1k jobs is what this window's calls cost on average",
            }.Concat(problems)),
        };
    }

    private static IReadOnlyList<ConfusedPair> Confusions(IEnumerable<FrontierComparison> judged) =>
        judged.Where(c => !c.Agreed)
            .GroupBy(c => (c.FrontierLabel!, c.SpecialistLabel))
            .Select(g => new ConfusedPair(g.Key.Item1, g.Key.SpecialistLabel, g.Count()))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Gold, StringComparer.Ordinal).ThenBy(p => p.Predicted, StringComparer.Ordinal)
            .Take(20)
            .ToArray();

    private static object PerFrontierLabel(IEnumerable<FrontierComparison> judged) =>
        judged.GroupBy(c => c.FrontierLabel!, StringComparer.Ordinal)
            .Select(g => new { label = g.Key, count = g.Count(), specialistAccuracy = g.Count(c => c.Agreed) / (double)g.Count() })
            .OrderBy(r => r.specialistAccuracy).ThenBy(r => r.label, StringComparer.Ordinal)
            .ToArray();

    private static string JobsSha256(IEnumerable<FrontierComparison> comparisons)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var id in comparisons.Select(c => c.JobId).Order())
        {
            hash.AppendData(Encoding.UTF8.GetBytes(id.ToString("N") + "\n"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static double? Percentile(double[] sorted, double p) => sorted.Length == 0 ? null : IntentEvaluator.Percentile(sorted, p);
}
