using SpecialistPlatform.Contracts.Jobs;

namespace SpecialistPlatform.Contracts.Steps;

// The commands of the job workflow: MassTransit Courier activity arguments. Courier fills each property from the
// routing slip's arguments or, by the same name, from the variables earlier steps set (Text, Compliance, Intent,
// Extraction, EscalationReasons), which is how a step sees what the steps before it found.

/// <summary>Find personal data and apply the tenant's policy. Sets variable <c>Compliance</c>.</summary>
public sealed record CheckCompliance
{
    public Guid JobId { get; init; }
    public required string TenantId { get; init; }
    public required string Kind { get; init; }
    public required string Text { get; init; }
}

/// <summary>Route: which intent, how sure, out of scope or not. Sets variable <c>Intent</c>.</summary>
public sealed record ClassifyIntent
{
    public Guid JobId { get; init; }
    public required string TenantId { get; init; }
    public required string Kind { get; init; }
    public required string Text { get; init; }
}

/// <summary>Pull the fields of a schema: the kind's own, or the one the routed intent names. Sets <c>Extraction</c>.</summary>
public sealed record ExtractFields
{
    public Guid JobId { get; init; }
    public required string TenantId { get; init; }
    public required string Kind { get; init; }
    public required string Text { get; init; }
    public string? Schema { get; init; }
    public IntentResult? Intent { get; init; }
}

/// <summary>Send the redacted text to the frontier model, because of <c>EscalationReasons</c>. Sets <c>Escalation</c>.</summary>
public sealed record Escalate
{
    public Guid JobId { get; init; }
    public required string TenantId { get; init; }
    public required string Kind { get; init; }
    public required ComplianceResult Compliance { get; init; }
    public IReadOnlyList<string> EscalationReasons { get; init; } = [];
    public IntentResult? Intent { get; init; }
    public ExtractionResult? Extraction { get; init; }

    /// <summary>The router's labels, set by the intent step when it escalates: the frontier must answer with one.</summary>
    public IReadOnlyList<string>? IntentLabels { get; init; }

    /// <summary>Placeholder → original value from the compliance step, to restore values in the frontier's answer locally.</summary>
    public IReadOnlyDictionary<string, string>? Placeholders { get; init; }
}
