namespace SpecialistPlatform.Client.Models;

/// <summary>One page of the tenant's audit trail, oldest first; <c>HasMore</c> says whether the next page holds records.
/// <c>Next</c> is the cursor for the following page (<see cref="AuditQuery.After"/>), <c>Previous</c> the one for the page
/// before (<see cref="AuditQuery.Before"/>); each is null where there is no such page.</summary>
public sealed record AuditPage(int PageSize, bool HasMore, long? Next, long? Previous, IReadOnlyList<AuditRecord> Records);
