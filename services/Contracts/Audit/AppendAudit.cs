namespace SpecialistPlatform.Contracts.Audit;

/// <summary>
/// The message on <see cref="ResourceNames.Queues.Audit"/>: one or more records for the audit trail, chained in the
/// order given. A job's routine step records travel in its routing slip and arrive here in one message with the
/// job's outcome; a step that sends text outside or stops the job sends its own at once.
/// </summary>
public sealed record AppendAudit(IReadOnlyList<RecordAudit> Records);
