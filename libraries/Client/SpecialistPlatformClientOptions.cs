namespace SpecialistPlatform.Client;

/// <summary>Where the platform's gateway is, the key to call it with, and how long to wait for jobs.</summary>
public sealed class SpecialistPlatformClientOptions
{
    /// <summary>The gateway's base address, e.g. https://specialists.example.com/ (the API lives under api/v1/).</summary>
    public Uri? GatewayUri { get; set; }

    /// <summary>One of the tenant's API keys, sent as X-Api-Key. Submitting needs the submitter role; reading the
    /// audit trail needs auditor.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>The first pause between polls of a job; each pause is half as long again as the last, up to <see cref="MaxPollInterval"/>.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long <see cref="SpecialistPlatformClient.WaitForJobAsync"/> waits for a final state when the call names no timeout.</summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The limit for one HTTP request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
