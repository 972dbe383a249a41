namespace SpecialistPlatform.Data.Entities;

/// <summary>
/// One step's decision in a tenant's append-only, hash-chained audit trail. <see cref="Hash"/> is the HMAC-SHA256, under
/// a key kept outside the database, of the record's fields and <see cref="PrevHash"/>, so changing any record breaks the
/// chain from there on (records from before the key carry a plain SHA-256; docs/decisions/0018).
/// The table is partitioned by month on <see cref="RecordedAt"/> (created by SQL in the migrations).
/// </summary>
public sealed class AuditRecord
{
    public required string TenantId { get; init; }
    public long Sequence { get; init; }
    public Guid JobId { get; init; }
    public required string Step { get; init; }
    public required string Service { get; init; }
    public string? Model { get; init; }
    public string? ModelVersion { get; init; }
    public required string InputSha256 { get; init; }
    public required string Decision { get; init; }
    public double? Confidence { get; init; }
    public double LatencyMs { get; init; }
    public decimal Cost { get; init; }
    public string? Redacted { get; init; }
    public string? SentOutside { get; init; }
    public string? Detail { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public required string PrevHash { get; init; }
    public required string Hash { get; init; }
}

/// <summary>The newest record of each tenant's chain, so appending does not have to search the trail.</summary>
public sealed class AuditChainHead
{
    public required string TenantId { get; init; }
    public long Sequence { get; set; }
    public required string Hash { get; set; }
}
