namespace SpecialistPlatform.Contracts.Jobs;

/// <summary>
/// Submits a job over the bus instead of HTTP: a camelCase JSON body (no MassTransit envelope) published to the
/// exchange <see cref="ResourceNames.Queues.RawJobIntake"/> in the broker's intake virtual host. The client logs in to
/// the broker as <c>&lt;tenant&gt;.&lt;key id&gt;</c> (<see cref="Intake.BrokerLogins"/>) with that API key and sets the AMQP
/// <c>user_id</c> property to the same login name, which the broker verifies: the message itself carries no credential. <see cref="JobAccepted"/> or <see cref="JobRejected"/> answers.
/// </summary>
public sealed record SubmitJob
{
    public required string Kind { get; init; }
    public required string Text { get; init; }
    public Dictionary<string, string>? Metadata { get; init; }

    /// <summary>A retried submission with the same key returns the same job.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Echoed on <see cref="JobAccepted"/> and <see cref="JobRejected"/> so a client can match answers.</summary>
    public string? ClientReference { get; init; }

    /// <summary>Not a field to send: API keys used to travel in the message, where every queue and error queue it
    /// passed through kept them. A message that still carries one is rejected without being stored anywhere.</summary>
    public string? ApiKey { get; init; }
}
