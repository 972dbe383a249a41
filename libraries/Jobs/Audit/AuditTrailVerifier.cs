using System.Data;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;

namespace SpecialistPlatform.Jobs.Audit;

/// <param name="EndSequence">The last record of the intact chain (0 for none); <paramref name="EndMac"/> its MAC.</param>
/// <param name="LegacyRecords">Records sealed by the old unkeyed SHA-256 scheme (before the key existed): they are
/// protected only by the first keyed record after them, and not at all when none follows.</param>
/// <param name="RejectedCheckpointFiles">Files in the tenant's checkpoint folder that are not validly signed.</param>
public sealed record AuditVerification(
    string TenantId, bool Intact, long RecordsChecked, long LegacyRecords, long EndSequence, string EndMac,
    CheckpointSummary? NewestCheckpoint, int RejectedCheckpointFiles, BrokenRecord? FirstBroken);

public sealed record CheckpointSummary(long Sequence, DateTimeOffset CreatedAt);

public sealed record BrokenRecord(long Sequence, Guid? JobId, string? Step, AuditProblem Kind, string Problem);

/// <summary>
/// Walks a tenant's chain in order and recomputes every MAC, then holds the end of the chain against the chain head
/// and the signed checkpoints kept outside the database: an altered, removed or inserted record, a cut-off tail or a
/// removed head shows up as the first broken sequence and the kind of problem.
/// </summary>
public sealed class AuditTrailVerifier(PlatformDbContext db, AuditChain chain, AuditCheckpointStore checkpoints)
{
    private const int PageSize = 5_000;

    /// <summary>The whole chain, from its first record.</summary>
    public Task<AuditVerification> VerifyAsync(string tenantId, CancellationToken cancellationToken) =>
        VerifyAsync(tenantId, fromNewestCheckpoint: false, cancellationToken);

    /// <param name="fromNewestCheckpoint">Start at the record the newest checkpoint signed (when it is still there
    /// and unchanged) instead of the first: what a scheduled checkpoint needs, at a cost that does not grow with the trail.</param>
    public async Task<AuditVerification> VerifyAsync(string tenantId, bool fromNewestCheckpoint, CancellationToken cancellationToken)
    {
        var verification = await WalkAsync(tenantId, fromNewestCheckpoint, cancellationToken);
        // A walk from a checkpoint sees a problem before it only as a wrong count; the whole walk says where it is.
        return fromNewestCheckpoint && !verification.Intact ? await WalkAsync(tenantId, false, cancellationToken) : verification;
    }

    private async Task<AuditVerification> WalkAsync(string tenantId, bool fromNewestCheckpoint, CancellationToken cancellationToken)
    {
        // Read before the snapshot: any checkpoint found was taken from a state the snapshot already includes.
        var signed = checkpoints.Read(tenantId);
        var newest = signed.Newest;
        var bySequence = signed.Valid.ToLookup(c => c.Sequence);
        // Unkeyed records can only predate the key, so none may follow a checkpoint (checkpoints came with the key).
        var legacyAllowedUpTo = signed.Valid.Count == 0 ? long.MaxValue : signed.Valid.Min(c => c.Sequence);

        // One snapshot for the head and every page: appends committed while we walk must not look like a cut-off tail.
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var head = await db.AuditChainHeads.AsNoTracking().FirstOrDefaultAsync(h => h.TenantId == tenantId, cancellationToken);

        var expectedPrevious = AuditChain.Genesis;
        long expectedSequence = 1, checkedCount = 0, legacyCount = 0;
        var keyedSeen = false;
        if (fromNewestCheckpoint && newest is not null)
        {
            var anchor = await db.AuditRecords.AsNoTracking()
                .Where(r => r.TenantId == tenantId && r.Sequence == newest.Sequence)
                .ToListAsync(cancellationToken);
            if (anchor is [var record] && record.Hash == newest.HeadMac && chain.ComputeMac(record) == record.Hash)
            {
                expectedPrevious = record.Hash;
                expectedSequence = record.Sequence + 1;
                keyedSeen = true;
            }
        }

        var summary = newest is null ? null : new CheckpointSummary(newest.Sequence, newest.CreatedAt);
        while (true)
        {
            var page = await db.AuditRecords.AsNoTracking()
                .Where(r => r.TenantId == tenantId && r.Sequence >= expectedSequence)
                .OrderBy(r => r.Sequence)
                .Take(PageSize)
                .ToListAsync(cancellationToken);

            foreach (var record in page)
            {
                checkedCount++;
                if (record.Sequence < expectedSequence)
                {
                    return Broken(Record(record, AuditProblem.Inserted, $"a second record claims sequence {record.Sequence}"));
                }

                if (record.Sequence != expectedSequence)
                {
                    return Broken(new BrokenRecord(expectedSequence, null, null, AuditProblem.Missing,
                        $"record {expectedSequence} is missing (next present is {record.Sequence})"));
                }

                if (record.PrevHash != expectedPrevious)
                {
                    return Broken(Record(record, AuditProblem.Relinked, "its prevHash does not match the previous record's MAC"));
                }

                if (chain.ComputeMac(record) == record.Hash)
                {
                    keyedSeen = true;
                }
                else if (!keyedSeen && record.Sequence <= legacyAllowedUpTo && AuditChain.ComputeLegacyHash(record) == record.Hash)
                {
                    legacyCount++;
                }
                else
                {
                    return Broken(Record(record, AuditProblem.Altered, "its content does not match its MAC: the record was altered"));
                }

                if (bySequence[record.Sequence].Any(c => c.HeadMac != record.Hash))
                {
                    return Broken(Record(record, AuditProblem.CheckpointMismatch,
                        "a signed checkpoint names a different record at this sequence: the chain was rewritten from here"));
                }

                expectedPrevious = record.Hash;
                expectedSequence++;
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        var end = expectedSequence - 1;
        if (newest is not null && newest.Sequence > end)
        {
            return Broken(new BrokenRecord(end + 1, null, null, AuditProblem.TailTruncated,
                $"the chain ends at record {end} but a checkpoint signed at {newest.CreatedAt:u} attests record {newest.Sequence}: records were removed from the end"));
        }

        if (head is null && end > 0)
        {
            return Broken(new BrokenRecord(end + 1, null, null, AuditProblem.HeadMissing,
                $"the chain head is missing although records 1..{end} exist: it was deleted, so records after {end} may have been removed with it"));
        }

        if (head is not null && head.Sequence > end)
        {
            return Broken(new BrokenRecord(end + 1, null, null, AuditProblem.TailTruncated,
                $"the chain ends at record {end} but its head names record {head.Sequence}: records were removed from the end"));
        }

        if (head is not null && head.Sequence < end)
        {
            return Broken(new BrokenRecord(head.Sequence + 1, null, null, AuditProblem.HeadMismatch,
                $"the chain head names record {head.Sequence} but records run to {end}: the head was set back"));
        }

        if (head is not null && head.Hash != expectedPrevious)
        {
            return Broken(new BrokenRecord(end, null, null, AuditProblem.HeadMismatch,
                $"the chain head names record {end} with a MAC other than that record's"));
        }

        // A record outside the walk (a duplicate sequence number, a sequence below 1) only shows in the count.
        var stored = await db.AuditRecords.LongCountAsync(r => r.TenantId == tenantId, cancellationToken);
        if (stored != end)
        {
            var extra = await db.AuditRecords.Where(r => r.TenantId == tenantId)
                .GroupBy(r => r.Sequence)
                .Where(g => g.Count() > 1 || g.Key < 1)
                .Select(g => (long?)g.Key)
                .OrderBy(sequence => sequence)
                .FirstOrDefaultAsync(cancellationToken);
            return Broken(new BrokenRecord(extra ?? end + 1, null, null, AuditProblem.Inserted,
                $"the trail holds {stored} records but its chain runs 1..{end}: a record was inserted with a sequence already taken"));
        }

        return new AuditVerification(tenantId, true, checkedCount, legacyCount, end, expectedPrevious, summary, signed.Rejected, null);

        AuditVerification Broken(BrokenRecord broken) =>
            new(tenantId, false, checkedCount, legacyCount, expectedSequence - 1, expectedPrevious, summary, signed.Rejected, broken);
    }

    private static BrokenRecord Record(AuditRecord record, AuditProblem kind, string problem) => new(record.Sequence, record.JobId, record.Step, kind, problem);
}
