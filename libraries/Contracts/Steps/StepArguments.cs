using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Contracts.Jobs;

namespace SpecialistPlatform.Contracts.Steps;

// The commands of the job workflow: MassTransit Courier activity arguments. A routing slip carries a batch of jobs of
// one kind (docs/decisions/0013): the variable "Jobs" holds every job's text, what the steps found so far and the audit
// records they made. Courier fills each step's Jobs argument from that variable; each step sets it again with its own
// results added, so the step after it sees what the steps before it found.

/// <summary>One job as it travels in a batch routing slip.</summary>
public sealed record BatchedJob
{
    public Guid JobId { get; init; }
    public required string TenantId { get; init; }
    public required string Kind { get; init; }
    public required string Text { get; init; }

    /// <summary>The kind's own extraction schema; null when the routed intent names it.</summary>
    public string? Schema { get; init; }

    public ComplianceResult? Compliance { get; init; }

    public ModerationResult? Moderation { get; init; }

    /// <summary>Set when a step decided that a person must look at this job whatever the other steps find (moderation
    /// flagged it and the tenant's policy says review). Such a job is never sent to a frontier model, neither escalated
    /// nor shadowed; it ends in NeedsReview with this reason.</summary>
    public string? ReviewReason { get; init; }

    /// <summary>Placeholder → original value from the compliance step, so the escalation step can restore values in the
    /// frontier's answer locally. Travels with the job (as its original text does); not part of the stored result.</summary>
    public IReadOnlyDictionary<string, string>? Placeholders { get; init; }

    public IntentResult? Intent { get; init; }
    public ExtractionResult? Extraction { get; init; }
    public EscalationResult? Escalation { get; init; }

    /// <summary>Why the job must go to the frontier, one reason per unsure step; empty when every step was sure.</summary>
    public IReadOnlyList<string> EscalationReasons { get; init; } = [];

    /// <summary>The router's labels, set by the intent step when the frontier will classify the job (escalated or
    /// shadowed): the frontier must answer with one of them.</summary>
    public IReadOnlyList<string>? IntentLabels { get; init; }

    /// <summary>Chosen for shadow comparison with the frontier after the job is done.</summary>
    public bool FrontierShadow { get; init; }

    /// <summary>Set when a step stopped this job (a policy blocked it, or the step failed on this job alone); later steps
    /// leave it alone and the workflow fails it with this reason.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The audit records of the steps that ran, oldest first; written with the job's outcome.</summary>
    public IReadOnlyList<RecordAudit> Audit { get; init; } = [];
}

/// <summary>Find personal data and apply each job's tenant policy.</summary>
public sealed record CheckCompliance
{
    public required IReadOnlyList<BatchedJob> Jobs { get; init; }
}

/// <summary>Route: which intent, how sure, out of scope or not.</summary>
public sealed record ClassifyIntent
{
    public required IReadOnlyList<BatchedJob> Jobs { get; init; }
}

/// <summary>Pull the fields of a schema: the kind's own, or the one the routed intent names.</summary>
public sealed record ExtractFields
{
    public required IReadOnlyList<BatchedJob> Jobs { get; init; }
}

/// <summary>Send the jobs' redacted texts to the frontier model, because of their escalation reasons.</summary>
public sealed record EscalateJobs
{
    public required IReadOnlyList<BatchedJob> Jobs { get; init; }
}

/// <summary>One job's request to the frontier (built from a <see cref="BatchedJob"/> by the escalation step, or for a
/// shadow comparison).</summary>
public sealed record Escalate
{
    public Guid JobId { get; init; }
    public required string TenantId { get; init; }
    public required string Kind { get; init; }
    public required ComplianceResult Compliance { get; init; }
    public IReadOnlyList<string> EscalationReasons { get; init; } = [];
    public IntentResult? Intent { get; init; }
    public ExtractionResult? Extraction { get; init; }

    /// <summary>The router's labels: the frontier must answer with one.</summary>
    public IReadOnlyList<string>? IntentLabels { get; init; }

    /// <summary>Placeholder → original value from the compliance step, to restore values in the frontier's answer locally.</summary>
    public IReadOnlyDictionary<string, string>? Placeholders { get; init; }
}
