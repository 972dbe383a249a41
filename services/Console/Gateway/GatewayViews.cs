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

public sealed record AuditPage(int PageSize, bool HasMore, long? Next, long? Previous, IReadOnlyList<AuditRecordView> Records);

public sealed record AuditVerification(
    string TenantId, bool Intact, long RecordsChecked, long LegacyRecords, long EndSequence, string EndMac,
    CheckpointSummary? NewestCheckpoint, int RejectedCheckpointFiles, BrokenRecord? FirstBroken);

public sealed record CheckpointSummary(long Sequence, DateTimeOffset CreatedAt);

public sealed record BrokenRecord(long Sequence, Guid? JobId, string? Step, string Kind, string Problem);

public sealed record RegisteredModel(
    Guid Id, string Task, string Name, string Version, string Status, long SizeBytes, string MetricsJson,
    double? EscalationThreshold, string? Note, DateTimeOffset CreatedAt, DateTimeOffset? ActivatedAt, DateTimeOffset? RetiredAt,
    double? CanaryShare);

public sealed record ShadowAgreementSeries(Guid ShadowModelId, string Task, string Name, string Version, IReadOnlyList<ShadowAgreementPoint> Points);

public sealed record ShadowAgreementPoint(DateTimeOffset At, long Compared, long Agreed);

public sealed record ReportSummary(
    Guid Id, string Kind, string Task, string? ModelName, string ModelVersion, string? TenantId, DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd,
    int DatasetRows, string? DatasetSource, bool FrontierAccuracyAssumed, DateTimeOffset CreatedAt, string Url);

public sealed record TenantOverview(
    string Tenant, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<KindStateCount> Jobs, IReadOnlyList<StepLatency> Latency,
    IReadOnlyList<ReasonCount> EscalationReasons, FrontierSpend Frontier, TokenizerSampleInfo Tokenizer, Savings? Savings,
    long EscalatedJobs, long OtherReasonsJobs);

public sealed record KindStateCount(string Kind, string Status, long Jobs);

public sealed record StepLatency(string Step, long Records, double P50Ms, double P95Ms);

public sealed record ReasonCount(string Reason, long Jobs);

public sealed record FrontierSpend(
    decimal EscalationCost, decimal ShadowCost, long EscalationInputTokens, long EscalationOutputTokens,
    decimal SpentToday, decimal DailyBudget, decimal SpentThisMonth, decimal MonthlyBudget);

public sealed record TokenizerSampleInfo(string Encoding, int Texts, long Bytes, double TokensPerByte);

public sealed record Savings(
    string Model, decimal PricePer1kInputTokens, decimal PricePer1kOutputTokens,
    long MeasuredJobs, decimal MeasuredCost, decimal ShadowCost,
    long EstimatedJobs, long EstimatedInputTokens, double EstimatedOutputTokensPerJob, bool OutputTokensMeasured, decimal EstimatedCost,
    decimal AllToFrontierCost, decimal Saved);
