namespace SpecialistPlatform.Data.Entities;

/// <summary>
/// One trained specialist in the registry: its artifact (the checksummed model file itself, so every service instance
/// on every machine loads exactly the same bytes), its metrics and where it stands in its life cycle.
/// </summary>
public sealed class ModelVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>What the model does: "intent", "extract", "pii".</summary>
    public required string Task { get; init; }

    /// <summary>Which model of that task, e.g. "banking77"; a service serves the active version of one name.</summary>
    public required string Name { get; init; }

    /// <summary>The first 12 hex digits of the artifact's SHA-256: the same bytes are the same version everywhere.</summary>
    public required string Version { get; init; }

    public ModelStatus Status { get; set; } = ModelStatus.Candidate;
    public required byte[] Artifact { get; init; }
    public required string ArtifactSha256 { get; init; }
    public string? TrainingDataSha256 { get; init; }

    /// <summary>Validation metrics measured when it was trained (accuracy, ECE, ...), as a JSON object.</summary>
    public string MetricsJson { get; init; } = "{}";

    /// <summary>The confidence below which the workflow escalates this model's decisions, when calibrated for it.</summary>
    public double? EscalationThreshold { get; set; }

    /// <summary>While this version is the shadow: the share of jobs (0..1, by job id) it decides as a canary, set by a
    /// platform admin. Null: the serving service's own setting applies (docs/decisions/0030).</summary>
    public double? CanaryShare { get; set; }

    public string? Note { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>When it last became active; rollback returns to the most recently active retired version.</summary>
    public DateTimeOffset? ActivatedAt { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }
}

public enum ModelStatus
{
    /// <summary>Registered, not serving.</summary>
    Candidate,

    /// <summary>Runs beside the active version on live traffic; its agreement is recorded, its answers are not used.</summary>
    Shadow,

    /// <summary>Serves every decision. At most one per task and name.</summary>
    Active,

    /// <summary>No longer serving; kept for audit (the audit trail names its version) and rollback.</summary>
    Retired,
}

/// <summary>
/// A window of shadow traffic: how often the shadow version agreed with the active one on the same live inputs, and
/// where they disagreed (active label → shadow label → count, as JSON). Written by the serving service every few seconds.
/// </summary>
public sealed class ShadowComparison
{
    public long Id { get; init; }
    public required Guid ShadowModelId { get; init; }
    public required Guid ActiveModelId { get; init; }
    public DateTimeOffset WindowStart { get; init; }
    public DateTimeOffset WindowEnd { get; init; }
    public int Compared { get; init; }
    public int Agreed { get; init; }
    public string DisagreementsJson { get; init; } = "{}";
}
