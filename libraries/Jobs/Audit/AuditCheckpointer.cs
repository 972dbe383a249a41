namespace SpecialistPlatform.Jobs.Audit;

/// <summary>A checkpoint taken, or why none was: the chain is broken (never sign a tampered trail), empty, or unchanged.</summary>
public sealed record CheckpointAttempt(AuditCheckpoint? Checkpoint, AuditVerification Verification);

/// <summary>
/// Signs a tenant's chain head into a checkpoint file after verifying the records since the previous checkpoint, so a
/// checkpoint only ever vouches for a chain that was intact when it was taken.
/// </summary>
public sealed class AuditCheckpointer(AuditTrailVerifier verifier, AuditCheckpointStore store, AuditChain chain, TimeProvider clock)
{
    /// <param name="scheduled">The schedule verifies only the records since the newest checkpoint and skips a chain
    /// that has not grown; on demand (an auditor asking) the whole chain is verified and a checkpoint always written.</param>
    public async Task<CheckpointAttempt> TakeAsync(string tenantId, bool scheduled, CancellationToken cancellationToken)
    {
        var verification = await verifier.VerifyAsync(tenantId, fromNewestCheckpoint: scheduled, cancellationToken);
        if (!verification.Intact || verification.EndSequence == 0
            || (scheduled && verification.NewestCheckpoint?.Sequence >= verification.EndSequence))
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
