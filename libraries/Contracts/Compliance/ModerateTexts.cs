namespace SpecialistPlatform.Contracts.Compliance;

/// <summary>
/// A request (MassTransit request/response) to the compliance checker: score many texts at once with the moderation
/// model and say what the tenant's policy for <see cref="Kind"/> does with each. Answered with
/// <see cref="TextsModerated"/>. The gateway's batch API sends it after checking the batch's limits.
/// </summary>
public sealed record ModerateTexts
{
    /// <summary>Identifies the request across the gateway's and the checker's logs.</summary>
    public required Guid CorrelationId { get; init; }
    public required string TenantId { get; init; }

    /// <summary>The job kind whose policy applies (the tenant's default policy when null).</summary>
    public string? Kind { get; init; }
    public required IReadOnlyList<string> Texts { get; init; }
}

/// <summary>The answer to <see cref="ModerateTexts"/>: one result per text, in request order, and the model that scored them.</summary>
public sealed record TextsModerated
{
    public required Guid CorrelationId { get; init; }
    public required IReadOnlyList<Jobs.ModerationResult> Results { get; init; }
}
