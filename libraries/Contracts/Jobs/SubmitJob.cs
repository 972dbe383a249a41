namespace SpecialistPlatform.Contracts.Jobs;

/// <summary>
/// Submits a job over the bus instead of HTTP. Also accepted as raw JSON (camelCase, no MassTransit envelope) on
/// the queue named <see cref="ResourceNames.Queues.RawJobIntake"/>. The API key authenticates the tenant exactly
/// as the gateway's X-Api-Key does; <see cref="JobRejected"/> answers a submission that cannot be accepted.
/// </summary>
public sealed record SubmitJob
{
    public required string ApiKey { get; init; }
    public required string Kind { get; init; }
    public required string Text { get; init; }
    public Dictionary<string, string>? Metadata { get; init; }

    /// <summary>A retried submission with the same key returns the same job.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Echoed on <see cref="JobAccepted"/> and <see cref="JobRejected"/> so a client can match answers.</summary>
    public string? ClientReference { get; init; }
}
