using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Gateway.Authentication;
using SpecialistPlatform.Jobs.Audit;

namespace SpecialistPlatform.Gateway.Apis;

/// <summary>The auditor's view: the tenant's trail, filtered and paged, a verification of its keyed chain, and a signed
/// checkpoint of it taken on demand (besides the workflow's schedule).</summary>
public static class AuditApi
{
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.Auditor);
        api.MapGet("/", QueryAudit).WithName(nameof(QueryAudit));
        api.MapGet("/export", AuditExport.ExportAudit).WithName(nameof(AuditExport.ExportAudit));
        api.MapGet("/verify", VerifyAudit).WithName(nameof(VerifyAudit));
        api.MapPost("/checkpoints", TakeAuditCheckpoint).WithName(nameof(TakeAuditCheckpoint));
        return api;
    }

    /// <summary>
    /// One page of the filtered trail in sequence order, by keyset: <c>after</c> a sequence (the next page) or
    /// <c>before</c> one (the previous page), never by offset. The sequence is the trail's own order per tenant, unique
    /// and handed out under the chain's lock in commit order, so a record appended while someone pages lands after every
    /// page already read: each record is seen once, and a deep page costs what the first does (the primary key's index).
    /// </summary>
    public static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> QueryAudit(
        ClaimsPrincipal user, PlatformDbContext db, string? tenant, DateTimeOffset? from, DateTimeOffset? to,
        string? step, string? decision, string? model, long? after, long? before, int? pageSize, CancellationToken cancellationToken)
    {
        var ownTenant = user.TenantId();
        if (tenant is not null && tenant != ownTenant)
        {
            return JobsApi.Problem(StatusCodes.Status403Forbidden, "Other tenant", "An API key can read only its own tenant's audit trail.");
        }

        var size = pageSize ?? 100;
        if (size is < 1 or > MaxPageSize || after < 0 || before < 0 || (after is not null && before is not null))
        {
            return JobsApi.Problem(StatusCodes.Status400BadRequest, "Invalid paging",
                $"pageSize is 1 to {MaxPageSize}; 'after' or 'before' (not both) is a record's sequence, 0 or more.");
        }

        var query = Filtered(db, ownTenant, from, to, step, decision, model);
        List<AuditRecord> records;
        bool earlier, later;
        if (before is { } end)
        {
            records = await query.Where(r => r.Sequence < end).OrderByDescending(r => r.Sequence).Take(size + 1).ToListAsync(cancellationToken);
            earlier = records.Count > size;
            records = [.. records.Take(size).Reverse()];
            later = await query.AnyAsync(r => r.Sequence >= end, cancellationToken);
        }
        else
        {
            var start = after ?? -1;
            records = await query.Where(r => r.Sequence > start).OrderBy(r => r.Sequence).Take(size + 1).ToListAsync(cancellationToken);
            later = records.Count > size;
            records = [.. records.Take(size)];
            earlier = after is not null && await query.AnyAsync(r => r.Sequence <= start, cancellationToken);
        }

        // Cursors: the next page is after this page's last record, the previous one before its first; on an empty page
        // (past the end) the previous page is everything up to the cursor that led here.
        long? next = later && records.Count > 0 ? records[^1].Sequence : null;
        long? previous = !earlier ? null : records.Count > 0 ? records[0].Sequence : after + 1;
        return TypedResults.Ok(new AuditPage(size, next is not null, next, previous, [.. records.Select(AuditRecordView.From)]));
    }

    /// <summary>The tenant's records matching the filters the trail, its export and the console share.</summary>
    internal static IQueryable<AuditRecord> Filtered(
        PlatformDbContext db, string tenant, DateTimeOffset? from, DateTimeOffset? to, string? step, string? decision, string? model)
    {
        var query = db.AuditRecords.AsNoTracking().Where(r => r.TenantId == tenant);
        if (from is not null)
        {
            query = query.Where(r => r.RecordedAt >= from);
        }

        if (to is not null)
        {
            query = query.Where(r => r.RecordedAt < to);
        }

        if (!string.IsNullOrEmpty(step))
        {
            query = query.Where(r => r.Step == step);
        }

        if (!string.IsNullOrEmpty(decision))
        {
            query = query.Where(r => r.Decision == decision);
        }

        if (!string.IsNullOrEmpty(model))
        {
            query = query.Where(r => r.Model == model);
        }

        return query;
    }

    public static async Task<Ok<AuditVerification>> VerifyAudit(ClaimsPrincipal user, AuditTrailVerifier verifier, CancellationToken cancellationToken) =>
        TypedResults.Ok(await verifier.VerifyAsync(user.TenantId(), cancellationToken));

    /// <summary>Signs the tenant's chain head into a checkpoint file; a chain that does not verify is answered 409 with
    /// the verification, and nothing is signed.</summary>
    public static async Task<Results<Ok<AuditCheckpoint>, Conflict<AuditVerification>, ProblemHttpResult>> TakeAuditCheckpoint(
        ClaimsPrincipal user, AuditCheckpointer checkpointer, CancellationToken cancellationToken)
    {
        var attempt = await checkpointer.TakeAsync(user.TenantId(), scheduled: false, cancellationToken);
        if (!attempt.Verification.Intact)
        {
            return TypedResults.Conflict(attempt.Verification);
        }

        return attempt.Checkpoint is { } checkpoint
            ? TypedResults.Ok(checkpoint)
            : JobsApi.Problem(StatusCodes.Status404NotFound, "Empty audit trail", "The tenant has no audit records to checkpoint yet.");
    }
}

/// <summary>A page of the trail, oldest first. <c>Next</c> is the cursor for the following page (pass it as <c>after</c>),
/// null at the end; <c>Previous</c> the cursor for the one before (pass it as <c>before</c>), null at the start.</summary>
public sealed record AuditPage(int PageSize, bool HasMore, long? Next, long? Previous, IReadOnlyList<AuditRecordView> Records);

public sealed record AuditRecordView(
    long Sequence, Guid JobId, string Step, string Service, string? Model, string? ModelVersion, string InputSha256, string Decision,
    double? Confidence, double LatencyMs, decimal Cost, string? Redacted, string? SentOutside, string? Detail,
    DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string PrevHash, string Hash)
{
    public static AuditRecordView From(AuditRecord r) => new(
        r.Sequence, r.JobId, r.Step, r.Service, r.Model, r.ModelVersion, r.InputSha256, r.Decision, r.Confidence, r.LatencyMs, r.Cost,
        r.Redacted, r.SentOutside, r.Detail, r.OccurredAt, r.RecordedAt, r.PrevHash, r.Hash);
}
