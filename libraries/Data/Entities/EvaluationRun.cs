namespace SpecialistPlatform.Data.Entities;

/// <summary>
/// One measured evaluation of a model on labelled data, kept so reports can be rendered and compared later:
/// an "intent-eval" (`specialist eval intent --store`), a "calibration" (`specialist calibrate --store`), or a
/// "shadow-window": the router against the frontier on one tenant's live traffic over one window of time.
/// The detailed parts are JSON written by the CLI (see libraries/MachineLearning/Cascade for their shapes).
/// </summary>
public sealed class EvaluationRun
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>"intent-eval", "extract-eval", "calibration" or "shadow-window".</summary>
    public required string Kind { get; init; }

    /// <summary>"intent", "extract", "pii".</summary>
    public required string Task { get; init; }

    /// <summary>The registry name, when the run was tied to a registered model.</summary>
    public string? ModelName { get; init; }

    /// <summary>The first 12 hex digits of the artifact's SHA-256, the registry's version id.</summary>
    public required string ModelVersion { get; init; }

    public required string ModelSha256 { get; init; }

    /// <summary>SHA-256 of the evaluated examples (each "text\tlabel\n" in UTF-8), so CSV and JSONL copies agree.</summary>
    public required string DatasetSha256 { get; init; }

    public int DatasetRows { get; init; }

    /// <summary>Where the data came from, as given on the command line (for people; the hash identifies it).</summary>
    public string? DatasetSource { get; init; }

    /// <summary>Overall metrics (accuracy, macro-F1, ECE, chosen threshold, ...), a JSON object of numbers and strings.</summary>
    public string MetricsJson { get; init; } = "{}";

    public string PerClassJson { get; init; } = "[]";
    public double? LatencyP50Ms { get; init; }
    public double? LatencyP95Ms { get; init; }
    public double? LatencyP99Ms { get; init; }
    public double? SpecialistCostPer1k { get; init; }
    public double? FrontierCostPer1k { get; init; }
    public double? CascadeCostPer1k { get; init; }

    /// <summary>The escalation threshold chosen by a calibration (null when none met the target, or for an evaluation).</summary>
    public double? EscalationThreshold { get; init; }

    /// <summary>True when the frontier's accuracy was an assumption rather than measured from its predictions.</summary>
    public bool FrontierAccuracyAssumed { get; init; }

    /// <summary>Every point of the threshold sweep, as a JSON array.</summary>
    public string SweepJson { get; init; } = "[]";

    public string ReliabilityJson { get; init; } = "[]";
    public string ConfusionsJson { get; init; } = "[]";
    public string? Notes { get; init; }

    /// <summary>The tenant whose traffic a shadow window measured; null for runs on labelled data (platform-wide).</summary>
    public string? TenantId { get; init; }

    /// <summary>A shadow window's [start, end) in UTC; null for runs on labelled data.</summary>
    public DateTimeOffset? WindowStart { get; init; }

    public DateTimeOffset? WindowEnd { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
