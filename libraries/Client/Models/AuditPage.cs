namespace SpecialistPlatform.Client.Models;

/// <summary>One page of the tenant's audit trail, oldest first; <c>HasMore</c> says whether the next page holds records.</summary>
public sealed record AuditPage(int Page, int PageSize, bool HasMore, IReadOnlyList<AuditRecord> Records);
