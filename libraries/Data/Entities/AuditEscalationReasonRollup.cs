namespace SpecialistPlatform.Data.Entities;

/// <summary>
/// How many of one tenant's jobs escalated for one reason on one UTC day. The reason is the escalation record's detail
/// with its numbers and quoted labels replaced by '#' (the SQL function <c>audit_escalation_reason</c>), so
/// "confidence 0.41 for 'x'" and "confidence 0.38 for 'y'" are one reason. Kept beside <see cref="AuditStepRollup"/>.
/// </summary>
public sealed class AuditEscalationReasonRollup
{
    public required string TenantId { get; init; }
    public DateOnly Day { get; init; }
    public required string Reason { get; init; }
    public long Jobs { get; init; }
}
