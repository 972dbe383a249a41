namespace SpecialistPlatform.Contracts.Steps;

/// <summary>
/// Off the critical path: a finished job chosen for shadow comparison is classified by the frontier too, so the router's
/// decisions are measured against it on live traffic. Sent by the workflow to
/// <see cref="ResourceNames.Queues.CompareWithFrontier"/>; only the redacted text is ever sent. A job that was escalated
/// already has the frontier's label (<see cref="EscalatedAnswer"/>): it is recorded as it is, without a second call, so a
/// window holds the unsure jobs as well as the sure ones.
/// </summary>
public sealed record CompareWithFrontier
{
    public Guid JobId { get; init; }
    public required string TenantId { get; init; }
    public required string Kind { get; init; }
    public required string RedactedText { get; init; }
    public required string SpecialistLabel { get; init; }
    public double SpecialistConfidence { get; init; }
    public required string ModelVersion { get; init; }
    public required IReadOnlyList<string> Labels { get; init; }

    /// <summary>The escalation's classification, when the job was escalated and the frontier classified it.</summary>
    public EscalatedClassification? EscalatedAnswer { get; init; }
}

/// <summary>What the frontier answered when the job itself was escalated: label, model, cost.</summary>
public sealed record EscalatedClassification(string Label, string? Model, decimal Cost);
