namespace SpecialistPlatform.Client.Models;

/// <summary>One record of the tenant's audit chain: which step of which job decided what, with which model, at what
/// cost; what was redacted (types and counts) and what was sent outside (model, hash and size), never the text itself.</summary>
public sealed record AuditRecord(
    long Sequence, Guid JobId, string Step, string Service, string? Model, string? ModelVersion, string InputSha256, string Decision,
    double? Confidence, double LatencyMs, decimal Cost, string? Redacted, string? SentOutside, string? Detail,
    DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string PrevHash, string Hash);
