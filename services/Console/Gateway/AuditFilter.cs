namespace SpecialistPlatform.Console.Gateway;

/// <summary>The audit page's filters, shared by the trail, its exports and the links between pages.</summary>
public sealed record AuditFilter(DateTimeOffset? From, DateTimeOffset? To, string? Step, string? Decision, string? Model)
{
    public IEnumerable<(string Name, string? Value)> Parameters() =>
        [("from", From?.ToString("O")), ("to", To?.ToString("O")), ("step", Step), ("decision", Decision), ("model", Model)];
}
