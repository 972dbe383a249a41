namespace SpecialistPlatform.Jobs.Intake;

/// <summary>What kind of wrong a refused submission is: the gateway answers each with its own HTTP status, the bus
/// intake names it in JobRejected.</summary>
public enum IntakeProblemKind
{
    /// <summary>Malformed or incomplete: 400.</summary>
    Invalid,

    /// <summary>Over a configured size: 413.</summary>
    TooLarge,

    /// <summary>An idempotency key reused for a different request: 409 (draft-ietf-httpapi-idempotency-key-header).</summary>
    Conflict,
}

/// <summary>Why a submission was refused, in words a client can act on.</summary>
public sealed record IntakeProblem(IntakeProblemKind Kind, string Title, string Detail);
