namespace SpecialistPlatform.Contracts.Jobs;

/// <summary>What the steps found; a step that did not run for this job's kind is null.</summary>
public sealed record JobResult
{
    public IntentResult? Intent { get; init; }
    public ComplianceResult? Compliance { get; init; }
    public ExtractionResult? Extraction { get; init; }
    public EscalationResult? Escalation { get; init; }
}

public sealed record IntentResult(string Label, double Confidence, string ModelVersion, bool OutOfScope);

public sealed record ComplianceResult(IReadOnlyList<DetectedEntity> Entities, string Action, string RedactedText);

public sealed record DetectedEntity(string Type, int Start, int End, double Score);

public sealed record ExtractionResult(string Schema, IReadOnlyList<ExtractedField> Fields, IReadOnlyList<string> MissingRequired);

/// <summary>A field found in the text. <c>Value</c> is the normalised typed value (ISO date, number, {amount, currency}...);
/// when the text could not be normalised it is null and <c>Problem</c> says why.</summary>
public sealed record ExtractedField(string Name, string Type, string Text, int Start, int End, System.Text.Json.JsonElement? Value, double Confidence, string? Problem);

public sealed record EscalationResult(bool Escalated, string Reason, string? Model, decimal Cost, string? Answer);
