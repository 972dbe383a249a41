namespace SpecialistPlatform.Data.Entities;

/// <summary>
/// One live job classified by both the router and the frontier (shadow evaluation): which labels each gave, whether
/// they agreed, what the frontier call cost and how long it took. Aggregated per model version and class, these say
/// how good the specialist is against the frontier on the tenant's own traffic.
/// </summary>
public sealed class FrontierComparison
{
    public long Id { get; init; }
    public Guid JobId { get; init; }
    public required string TenantId { get; init; }
    public required string Kind { get; init; }
    public required string ModelVersion { get; init; }
    public required string SpecialistLabel { get; init; }
    public double SpecialistConfidence { get; init; }
    public string? FrontierLabel { get; init; }
    public string? FrontierModel { get; init; }
    public bool Agreed { get; init; }

    /// <summary>Why there is no frontier label (over budget, invalid answers, unavailable), when there is none.</summary>
    public string? Problem { get; init; }

    public decimal Cost { get; init; }
    /// <summary>The shadow call's duration; null for a job whose own escalation answered (timed by the escalation).</summary>
    public double? FrontierLatencyMs { get; init; }

    /// <summary>True when the frontier's label came from the job's own escalation rather than a shadow call: the job's
    /// router was unsure, and such jobs must be in the window too, or agreement would be measured on sure jobs only.</summary>
    public bool FromEscalation { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}
