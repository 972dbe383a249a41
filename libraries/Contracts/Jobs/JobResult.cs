namespace SpecialistPlatform.Contracts.Jobs;

/// <summary>What the steps found; a step that did not run for this job's kind is null.</summary>
public sealed record JobResult
{
    public IntentResult? Intent { get; init; }
    public ComplianceResult? Compliance { get; init; }
    public ModerationResult? Moderation { get; init; }
    public ExtractionResult? Extraction { get; init; }
    public EscalationResult? Escalation { get; init; }
}

public sealed record IntentResult(string Label, double Confidence, string ModelVersion, bool OutOfScope);

public sealed record ComplianceResult(IReadOnlyList<DetectedEntity> Entities, string Action, string RedactedText);

/// <summary>What the moderation model thought of the job's text and what the tenant's policy did about it.
/// <c>Scores</c> holds every category's calibrated probability; <c>Flagged</c> the categories at or over their
/// threshold; <c>Action</c> the strongest action the policy gives a flagged category: none, flag, review or block.</summary>
public sealed record ModerationResult(IReadOnlyDictionary<string, double> Scores, IReadOnlyList<string> Flagged, string Action, string ModelVersion);

public sealed record DetectedEntity(string Type, int Start, int End, double Score);

public sealed record ExtractionResult(string Schema, IReadOnlyList<ExtractedField> Fields, IReadOnlyList<string> MissingRequired);

/// <summary>A field found in the text. <c>Value</c> is the normalised typed value (ISO date, number, {amount, currency}...);
/// when the text could not be normalised it is null and <c>Problem</c> says why.</summary>
public sealed record ExtractedField(string Name, string Type, string Text, int Start, int End, System.Text.Json.JsonElement? Value, double Confidence, string? Problem);

/// <summary>What the frontier model did for an unsure job. <c>Escalated</c> false means it could not or may not answer
/// (none configured, over budget, invalid answers) and the job needs a person; <c>Reason</c> says which. <c>Label</c> is
/// its classification into the router's label set, <c>Fields</c> its extraction into the schema, with placeholders
/// already restored to the original values locally.</summary>
public sealed record EscalationResult(
    bool Escalated, string Reason, string? Model, decimal Cost, string? Answer,
    string? Label = null, IReadOnlyDictionary<string, string?>? Fields = null, long InputTokens = 0, long OutputTokens = 0);
