namespace SpecialistPlatform.Contracts.Audit;

/// <summary>
/// One decision for the audit trail, made by the service named in it and carried to
/// <see cref="ResourceNames.Queues.Audit"/> in an <see cref="AppendAudit"/>. The audit writer chains it into the
/// tenant's tamper-evident trail; (JobId, Step) is unique, so a redelivered step does not write a second record.
/// </summary>
public sealed record RecordAudit
{
    /// <summary>The job the record is about; for a record that is about no job (an API key changed,
    /// <see cref="ResourceNames.Steps.KeyManagement"/>) a fresh id of the event itself, so (JobId, Step) stays unique.</summary>
    public Guid JobId { get; init; }
    public required string TenantId { get; init; }
    public required string Step { get; init; }
    public required string Service { get; init; }
    public string? Model { get; init; }
    public string? ModelVersion { get; init; }
    public required string InputSha256 { get; init; }
    public required string Decision { get; init; }
    public double? Confidence { get; init; }
    public double LatencyMs { get; init; }
    public decimal Cost { get; init; }

    /// <summary>Entity types and counts that were redacted, e.g. "CREDIT_CARD:1,EMAIL_ADDRESS:2"; never the values.</summary>
    public string? Redacted { get; init; }

    /// <summary>What left the building: "model=..., sha256=..., bytes=..." of the text sent; null when nothing was.</summary>
    public string? SentOutside { get; init; }

    public string? Detail { get; init; }
    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
