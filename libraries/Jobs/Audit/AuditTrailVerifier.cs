using System.Data;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Data;

namespace SpecialistPlatform.Jobs.Audit;

public sealed record AuditVerification(string TenantId, bool Intact, long RecordsChecked, BrokenRecord? FirstBroken);

public sealed record BrokenRecord(long Sequence, Guid? JobId, string? Step, string Problem);

/// <summary>
/// Walks a tenant's chain in order and recomputes every hash: an altered field, a removed or inserted record, or a
/// cut-off tail (the chain head says more records existed) shows up as the first broken record.
/// </summary>
public sealed class AuditTrailVerifier(PlatformDbContext db)
{
    private const int PageSize = 5_000;

    public async Task<AuditVerification> VerifyAsync(string tenantId, CancellationToken cancellationToken)
    {
        // One snapshot for the head and every page: appends committed while we walk must not look like a cut-off tail.
        await using var snapshot = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var head = await db.AuditChainHeads.AsNoTracking().FirstOrDefaultAsync(h => h.TenantId == tenantId, cancellationToken);
        var expectedPrevious = AuditChain.Genesis;
        long expectedSequence = 1, checkedCount = 0;
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
                if (record.Sequence != expectedSequence)
                {
                    return Broken(new BrokenRecord(expectedSequence, null, null, $"record {expectedSequence} is missing (next present is {record.Sequence})"));
                }

                if (record.PrevHash != expectedPrevious)
                {
                    return Broken(new BrokenRecord(record.Sequence, record.JobId, record.Step, "its prevHash does not match the previous record's hash"));
                }

                if (AuditChain.ComputeHash(record) != record.Hash)
                {
                    return Broken(new BrokenRecord(record.Sequence, record.JobId, record.Step, "its content does not match its hash: the record was altered"));
                }

                expectedPrevious = record.Hash;
                expectedSequence++;
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        if (head is not null && (head.Sequence != expectedSequence - 1 || head.Hash != expectedPrevious))
        {
            return Broken(new BrokenRecord(expectedSequence, null, null,
                $"the chain ends at record {expectedSequence - 1} but its head names record {head.Sequence}: records were removed from the end"));
        }

        return new AuditVerification(tenantId, true, checkedCount, null);

        AuditVerification Broken(BrokenRecord broken) => new(tenantId, false, checkedCount, broken);
    }
}
