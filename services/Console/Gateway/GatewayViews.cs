using SpecialistPlatform.Contracts.Jobs;

namespace SpecialistPlatform.Console.Gateway;

// The gateway's answers as the console reads them (the same JSON the gateway's own records write; enums as strings).
// The console does not reference the gateway: it is one more client of its HTTP API.

public sealed record SessionView(string Tenant, string KeyName, Guid KeyId, IReadOnlyList<string> Roles);

public sealed record JobSummary(
    Guid Id, string Kind, string Status, string? Intent, string? ClientReference, string? FailureReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record JobSearchPage(IReadOnlyList<JobSummary> Jobs, string? NextCursor);

public sealed record JobView(
    Guid Id, string Kind, string Status, string? FailureReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, JobResult? Result);

public sealed record TimelineEntry(
    long Sequence, string Step, string Service, string? Model, string? ModelVersion, string Decision, double? Confidence, double LatencyMs,
    decimal Cost, string? Redacted, string? SentOutside, string? Detail, DateTimeOffset OccurredAt);

public sealed record AuditRecordView(
    long Sequence, Guid JobId, string Step, string Service, string? Model, string? ModelVersion, string InputSha256, string Decision,
    double? Confidence, double LatencyMs, decimal Cost, string? Redacted, string? SentOutside, string? Detail,
    DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string PrevHash, string Hash);

public sealed record AuditPage(int Page, int PageSize, bool HasMore, IReadOnlyList<AuditRecordView> Records);

public sealed record AuditVerification(
    string TenantId, bool Intact, long RecordsChecked, long LegacyRecords, long EndSequence, string EndMac,
    CheckpointSummary? NewestCheckpoint, int RejectedCheckpointFiles, BrokenRecord? FirstBroken);

public sealed record CheckpointSummary(long Sequence, DateTimeOffset CreatedAt);

public sealed record BrokenRecord(long Sequence, Guid? JobId, string? Step, string Kind, string Problem);

public sealed record RegisteredModel(
    Guid Id, string Task, string Name, string Version, string Status, long SizeBytes, string MetricsJson,
    double? EscalationThreshold, string? Note, DateTimeOffset CreatedAt, DateTimeOffset? ActivatedAt, DateTimeOffset? RetiredAt);

public sealed record ReportSummary(
    Guid Id, string Kind, string Task, string? ModelName, string ModelVersion, string? TenantId, DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd,
    int DatasetRows, string? DatasetSource, bool FrontierAccuracyAssumed, DateTimeOffset CreatedAt, string Url);
