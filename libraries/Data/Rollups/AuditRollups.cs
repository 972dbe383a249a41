namespace SpecialistPlatform.Data.Rollups;

/// <summary>
/// How writers keep the overview's rollups (<see cref="Entities.AuditStepRollup"/>,
/// <see cref="Entities.AuditEscalationReasonRollup"/>) in step with the trail. The aggregation itself lives in the
/// database (functions created by the migration OverviewRollups), so the audit writer, `specialist seed console`, the
/// migration's backfill and the overview's partial days all count a record the same way.
/// </summary>
public static class AuditRollups
{
    /// <summary>
    /// Adds one tenant's records with sequence in (after, last] and recorded in [from, to) to the rollups. Call it in
    /// the transaction that inserted them, under the tenant's chain lock: the records and their sums commit or roll
    /// back together, and no other writer adds the same sequence numbers. Parameters: tenant, from, to, after, last.
    /// </summary>
    public const string AddRecordsSql = "SELECT audit_rollups_add($1, $2, $3, $4, $5)";

    /// <summary>Adds every record of the tenant's sequence range (after, last] to the rollups, whenever it was recorded.</summary>
    public static object[] AddRecordsParameters(string tenant, long afterSequence, long lastSequence) =>
        [tenant, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, afterSequence, lastSequence];
}
