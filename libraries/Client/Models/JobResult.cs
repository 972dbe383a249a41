namespace SpecialistPlatform.Client.Models;

/// <summary>What the steps found; a step that did not run for the job's kind is null.</summary>
public sealed record JobResult
{
    public IntentResult? Intent { get; init; }
    public ComplianceResult? Compliance { get; init; }
    public ModerationResult? Moderation { get; init; }
    public ExtractionResult? Extraction { get; init; }
    public EscalationResult? Escalation { get; init; }
}
