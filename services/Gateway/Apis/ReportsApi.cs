using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Evaluation.Reports;
using SpecialistPlatform.Gateway.Authentication;

namespace SpecialistPlatform.Gateway.Apis;

/// <summary>
/// Evaluation reports for auditors: every stored run (`specialist eval ... --store`, `specialist calibrate --store`, and
/// each closed shadow window) as the same self-contained HTML page `specialist report` writes. Runs on labelled data
/// are the platform's and visible to every auditor; a shadow window measures one tenant's traffic and only that
/// tenant sees it.
/// </summary>
public static class ReportsApi
{
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(Policies.Auditor);
        api.MapGet("/", ListReports).WithName(nameof(ListReports));
        api.MapGet("/latest", GetLatestReport).WithName(nameof(GetLatestReport));
        api.MapGet("/{id:guid}", GetReport).WithName(nameof(GetReport));
        return api;
    }

    public static async Task<Results<Ok<List<ReportSummary>>, ProblemHttpResult>> ListReports(
        ClaimsPrincipal user, PlatformDbContext db, string? kind, string? task, string? model, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var (paging, pagingProblem) = PageRequest.From(page, pageSize, defaultSize: 50, MaxPageSize);
        if (pagingProblem is not null)
        {
            return pagingProblem;
        }

        var runs = await Visible(db, user, kind, task, model)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Skip(paging.Offset).Take(paging.Size)
            .Select(r => new ReportSummary(r.Id, r.Kind, r.Task, r.ModelName, r.ModelVersion, r.TenantId, r.WindowStart, r.WindowEnd,
                r.DatasetRows, r.DatasetSource, r.FrontierAccuracyAssumed, r.CreatedAt, "/api/v1/reports/" + r.Id))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(runs);
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetReport(
        Guid id, ClaimsPrincipal user, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var run = await Visible(db, user, null, null, null).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return run is null
            ? JobsApi.Problem(StatusCodes.Status404NotFound, "Report not found", $"No evaluation run {id} that this key may read.")
            : Html(run);
    }

    /// <summary>The newest run matching the filters, e.g. ?kind=shadow-window or ?kind=calibration&amp;task=intent.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetLatestReport(
        ClaimsPrincipal user, PlatformDbContext db, string? kind, string? task, string? model, CancellationToken cancellationToken)
    {
        var run = await Visible(db, user, kind, task, model).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return run is null
            ? JobsApi.Problem(StatusCodes.Status404NotFound, "No report yet",
                "No stored evaluation run matches: store one with `specialist eval ... --store` or `specialist calibrate ... --store`, or wait for a shadow window to close.")
            : Html(run);
    }

    private static IQueryable<EvaluationRun> Visible(PlatformDbContext db, ClaimsPrincipal user, string? kind, string? task, string? model)
    {
        var tenant = user.TenantId();
        var runs = db.EvaluationRuns.AsNoTracking().Where(r => r.TenantId == null || r.TenantId == tenant);
        if (kind is not null)
        {
            runs = runs.Where(r => r.Kind == kind);
        }

        if (task is not null)
        {
            runs = runs.Where(r => r.Task == task);
        }

        if (model is not null)
        {
            runs = runs.Where(r => r.ModelName == model || r.ModelVersion == model);
        }

        return runs;
    }

    private static ContentHttpResult Html(EvaluationRun run) => TypedResults.Content(EvaluationReport.Render(run), "text/html; charset=utf-8");
}

public sealed record ReportSummary(
    Guid Id, string Kind, string Task, string? ModelName, string ModelVersion, string? TenantId, DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd,
    int DatasetRows, string? DatasetSource, bool FrontierAccuracyAssumed, DateTimeOffset CreatedAt, string Url);
