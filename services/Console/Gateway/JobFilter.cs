namespace SpecialistPlatform.Console.Gateway;

/// <summary>The jobs page's search, as the gateway's GET /api/v1/jobs takes it.</summary>
public sealed record JobFilter(string? State, string? Kind, string? Intent, DateTimeOffset? From, DateTimeOffset? To, string? ClientReference)
{
    public IEnumerable<(string Name, string? Value)> Parameters() =>
    [
        ("state", State), ("kind", Kind), ("intent", Intent), ("from", From?.ToString("O")), ("to", To?.ToString("O")),
        ("clientReference", ClientReference),
    ];
}
