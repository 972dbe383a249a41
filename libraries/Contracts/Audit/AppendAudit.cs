namespace SpecialistPlatform.Contracts.Audit;

/// <summary>
/// The message on <see cref="ResourceNames.Queues.Audit"/>: one or more records for the audit trail, chained in the
/// order given. A job's step records travel in its routing slip and are written with the job's outcome (decision 0013);
/// only the escalation step, whose text has left the building, sends its records here at once.
/// </summary>
public sealed record AppendAudit(IReadOnlyList<RecordAudit> Records);
