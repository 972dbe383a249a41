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

    public static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> QueryAudit(
        ClaimsPrincipal user, PlatformDbContext db, string? tenant, DateTimeOffset? from, DateTimeOffset? to,
        string? step, string? decision, string? model, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var ownTenant = user.TenantId();
        if (tenant is not null && tenant != ownTenant)
        {
            return JobsApi.Problem(StatusCodes.Status403Forbidden, "Other tenant", "An API key can read only its own tenant's audit trail.");
        }

        var (paging, pagingProblem) = PageRequest.From(page, pageSize, defaultSize: 100, MaxPageSize);
        if (pagingProblem is not null)
        {
            return pagingProblem;
        }

        var query = Filtered(db, ownTenant, from, to, step, decision, model);
        var records = await query.OrderBy(r => r.Sequence).Skip(paging.Offset).Take(paging.Size + 1).ToListAsync(cancellationToken);
        return TypedResults.Ok(new AuditPage(paging.Number, paging.Size, records.Count > paging.Size, [.. records.Take(paging.Size).Select(AuditRecordView.From)]));
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

public sealed record AuditPage(int Page, int PageSize, bool HasMore, IReadOnlyList<AuditRecordView> Records);

public sealed record AuditRecordView(
    long Sequence, Guid JobId, string Step, string Service, string? Model, string? ModelVersion, string InputSha256, string Decision,
    double? Confidence, double LatencyMs, decimal Cost, string? Redacted, string? SentOutside, string? Detail,
    DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, string PrevHash, string Hash)
{
    public static AuditRecordView From(AuditRecord r) => new(
        r.Sequence, r.JobId, r.Step, r.Service, r.Model, r.ModelVersion, r.InputSha256, r.Decision, r.Confidence, r.LatencyMs, r.Cost,
        r.Redacted, r.SentOutside, r.Detail, r.OccurredAt, r.RecordedAt, r.PrevHash, r.Hash);
}
