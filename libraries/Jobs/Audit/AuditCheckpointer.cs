namespace SpecialistPlatform.Jobs.Audit;

/// <summary>A checkpoint taken, or why none was: the chain is broken (never sign a tampered trail), empty, or unchanged.</summary>
public sealed record CheckpointAttempt(AuditCheckpoint? Checkpoint, AuditVerification Verification);

/// <summary>
/// Signs a tenant's chain head into a checkpoint file after verifying the records since the previous checkpoint, so a
/// checkpoint only ever vouches for a chain that was intact when it was taken.
/// </summary>
public sealed class AuditCheckpointer(AuditTrailVerifier verifier, AuditCheckpointStore store, AuditChain chain, TimeProvider clock)
{
    /// <param name="onlyIfGrown">Skip tenants whose chain has not grown since their newest checkpoint (the schedule).</param>
    public async Task<CheckpointAttempt> TakeAsync(string tenantId, bool onlyIfGrown, CancellationToken cancellationToken)
    {
        var verification = await verifier.VerifyAsync(tenantId, fromNewestCheckpoint: true, cancellationToken);
        if (!verification.Intact || verification.EndSequence == 0
            || (onlyIfGrown && verification.NewestCheckpoint?.Sequence >= verification.EndSequence))
        {
            return new CheckpointAttempt(null, verification);
        }

        // An intact chain holds exactly its sequences 1..end (the verifier counts the rows), so the count is the end.
        var checkpoint = AuditCheckpoint.Sign(chain, tenantId, verification.EndSequence, verification.EndMac,
            verification.EndSequence, clock.GetUtcNow());
        await store.WriteAsync(checkpoint, cancellationToken);
        return new CheckpointAttempt(checkpoint, verification);
    }
}
