namespace SpecialistPlatform.Client.Models;

/// <summary>Filters for the tenant's audit trail; every one is optional. <c>From</c> is inclusive, <c>To</c> exclusive
/// (recording time); <c>PageSize</c> may be 1-500. Pages are keyset: <c>After</c> (or <c>Before</c>) is a cursor from the
/// previous answer's <see cref="AuditPage.Next"/> (or <see cref="AuditPage.Previous"/>), so records appended while paging
/// are neither skipped nor repeated.</summary>
public sealed record AuditQuery
{
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public string? Step { get; init; }
    public string? Decision { get; init; }
    public string? Model { get; init; }
    public long? After { get; init; }
    public long? Before { get; init; }
    public int? PageSize { get; init; }
}
