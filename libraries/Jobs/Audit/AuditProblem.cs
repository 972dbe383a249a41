namespace SpecialistPlatform.Jobs.Audit;

/// <summary>What is wrong at the first broken place of a tenant's chain.</summary>
public enum AuditProblem
{
    /// <summary>A record's content does not match its MAC.</summary>
    Altered,

    /// <summary>A sequence number is absent between two present records.</summary>
    Missing,

    /// <summary>A second record claims a sequence number already taken.</summary>
    Inserted,

    /// <summary>A record does not name the previous record's MAC.</summary>
    Relinked,

    /// <summary>A checkpoint or the chain head names records past the chain's end.</summary>
    TailTruncated,

    /// <summary>Records exist but the tenant's chain head does not.</summary>
    HeadMissing,

    /// <summary>The chain head names a record other than the chain's last.</summary>
    HeadMismatch,

    /// <summary>The record at a checkpoint's sequence is not the one the checkpoint signed.</summary>
    CheckpointMismatch,
}
