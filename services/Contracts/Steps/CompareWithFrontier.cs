namespace SpecialistPlatform.Contracts.Steps;

/// <summary>
/// Off the critical path: a finished job the specialists handled alone, chosen for shadow comparison, is classified by
/// the frontier too, so the router's decisions are measured against it on live traffic. Sent by the workflow to
/// <see cref="ResourceNames.Queues.CompareWithFrontier"/>; only the redacted text is ever sent.
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
}
