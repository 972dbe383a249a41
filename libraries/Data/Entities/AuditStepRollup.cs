namespace SpecialistPlatform.Data.Entities;

/// <summary>
/// What one tenant's audit records of one step added up to on one UTC day (by <see cref="AuditRecord.RecordedAt"/>),
/// kept as the records are written (in the audit writer's transaction) so the console's overview reads a few rows
/// instead of aggregating the trail (docs/decisions/0027). Written only by the SQL function <c>audit_rollups_add</c>.
/// </summary>
public sealed class AuditStepRollup
{
    public required string TenantId { get; init; }
    public DateOnly Day { get; init; }
    public required string Step { get; init; }
    public long Records { get; init; }

    /// <summary>Records per latency bucket, <see cref="Rollups.LatencyHistogram.Buckets"/> of them on a log scale.</summary>
    public required long[] LatencyHistogram { get; init; }

    public decimal Cost { get; init; }

    /// <summary>Frontier tokens the records' <see cref="AuditRecord.SentOutside"/> reports (<c>tokens=in+out</c>), and how
    /// many records reported them.</summary>
    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    public long TokenRecords { get; init; }
}
