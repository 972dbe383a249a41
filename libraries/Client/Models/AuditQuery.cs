namespace SpecialistPlatform.Client.Models;

/// <summary>Filters for the tenant's audit trail; every one is optional. <c>From</c> is inclusive, <c>To</c> exclusive
/// (recording time); <c>Page</c> counts from 1 and <c>PageSize</c> may be 1-500.</summary>
public sealed record AuditQuery
{
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public string? Step { get; init; }
    public string? Decision { get; init; }
    public string? Model { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}
