namespace SpecialistPlatform.Contracts.Compliance;

/// <summary>
/// A request (MassTransit request/response) to the compliance checker: find personal data in many texts at once,
/// and with <see cref="ApplyPolicy"/> also apply the tenant's policy for <see cref="Kind"/> to each. Answered with
/// <see cref="PersonalDataDetected"/>. The gateway's batch API sends it after checking the batch's limits.
/// </summary>
public sealed record DetectPersonalData
{
    /// <summary>Identifies the request across the gateway's and the checker's logs.</summary>
    public required Guid CorrelationId { get; init; }
    public required string TenantId { get; init; }

    /// <summary>The job kind whose policy applies (the tenant's default policy when null).</summary>
    public string? Kind { get; init; }
    public required IReadOnlyList<string> Texts { get; init; }
    public bool ApplyPolicy { get; init; }

    /// <summary>With <see cref="ApplyPolicy"/>: also return each text's placeholder map (the original values; the caller sent them).</summary>
    public bool IncludePlaceholders { get; init; }
}

/// <summary>The answer to <see cref="DetectPersonalData"/>: one result per text, in request order.</summary>
public sealed record PersonalDataDetected
{
    public required Guid CorrelationId { get; init; }
    public required IReadOnlyList<PersonalDataResult> Results { get; init; }
}

/// <summary>
/// One text's findings ([Start, End) UTF-16 offsets into the text as sent); with a policy applied, the transformed text,
/// whether the policy blocks it and why, and per entity the action taken.
/// </summary>
public sealed record PersonalDataResult
{
    public required IReadOnlyList<PersonalDataEntity> Entities { get; init; }
    public string? Text { get; init; }
    public bool Blocked { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyDictionary<string, string>? Placeholders { get; init; }
}

public sealed record PersonalDataEntity(string Type, int Start, int End, double Score, string Value)
{
    /// <summary>With a policy applied: allow, redact, mask, hash, encrypt or block.</summary>
    public string? Action { get; init; }
    public string? Replacement { get; init; }
}
