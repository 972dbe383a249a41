using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Gateway.Authentication;
using SpecialistPlatform.Jobs.Intake;

namespace SpecialistPlatform.Gateway.Apis;

public static class JobsApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static RouteGroupBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/jobs").WithTags("Jobs");
        api.MapPost("/", SubmitJob).WithName(nameof(SubmitJob)).RequireAuthorization(Policies.Submitter)
            .Accepts<SubmitJobRequest>("application/json");
        api.MapGet("/{id:guid}", GetJob).WithName(nameof(GetJob)).RequireAuthorization(Policies.JobReader);
        api.MapGet("/{id:guid}/audit", GetJobAudit).WithName(nameof(GetJobAudit)).RequireAuthorization(Policies.Auditor);
        return api;
    }

    /// <summary>Reads the body itself rather than through parameter binding, so malformed JSON or invalid UTF-8
    /// gets a problem naming what and where, instead of a bare 400.</summary>
    public static async Task<Results<Accepted<JobAcceptedResponse>, ProblemHttpResult>> SubmitJob(
        HttpContext context, ClaimsPrincipal user, JobIntake intake, JobDispatcher dispatcher,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (context.Request.HasJsonContentType() is false)
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the job as JSON with Content-Type: application/json.");
        }

        SubmitJobRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<SubmitJobRequest>(context.Request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException e)
        {
            return InvalidJson(e);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "Text too large", $"The request body is larger than the gateway accepts ({e.Message}).");
        }

        if (request is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Missing body", "Send a JSON object: {\"kind\": ..., \"text\": ..., \"metadata\": {...}}.");
        }

        var result = await intake.SubmitAsync(
            new JobSubmission(user.TenantId(), request.Kind, request.Text, request.Metadata, idempotencyKey), cancellationToken);
        if (result.Job is not { } job)
        {
            var problem = result.Problem!;
            var status = problem.Kind switch
            {
                IntakeProblemKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
                IntakeProblemKind.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            };
            return Problem(status, problem.Title, problem.Detail);
        }

        if (result.Replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }
        else
        {
            // Stored is what the 202 promises; the slip follows within milliseconds (or from the sweeper).
            dispatcher.Enqueue(job);
        }

        var statusUrl = $"/api/v1/jobs/{job.Id}";
        return TypedResults.Accepted(statusUrl, new JobAcceptedResponse(job.Id, job.Status.ToString(), statusUrl));
    }

    public static async Task<Results<Ok<JobView>, ProblemHttpResult>> GetJob(
        Guid id, ClaimsPrincipal user, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.TenantId == user.TenantId(), cancellationToken);
        return job is null ? NotFound(id) : TypedResults.Ok(JobView.From(job));
    }

    public static async Task<Results<Ok<List<AuditRecordView>>, ProblemHttpResult>> GetJobAudit(
        Guid id, ClaimsPrincipal user, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var tenant = user.TenantId();
        if (!await db.Jobs.AnyAsync(j => j.Id == id && j.TenantId == tenant, cancellationToken))
        {
            return NotFound(id);
        }

        var records = await db.AuditRecords.AsNoTracking()
            .Where(r => r.TenantId == tenant && r.JobId == id)
            .OrderBy(r => r.Sequence)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(records.Select(AuditRecordView.From).ToList());
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        Problem(StatusCodes.Status404NotFound, "Job not found", $"No job {id} exists for this tenant.");

    /// <summary>The reader's own words: the outer exception says where (path, line, byte), the inner one what it refused
    /// (e.g. an invalid surrogate).</summary>
    internal static ProblemHttpResult InvalidJson(JsonException e) =>
        Problem(StatusCodes.Status400BadRequest, "Invalid JSON",
            $"The body is not valid JSON or not valid UTF-8: {e.Message}{(e.InnerException is { } inner ? $" ({inner.Message})" : "")}");

    internal static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}

public sealed record SubmitJobRequest(string? Kind, string? Text, Dictionary<string, string>? Metadata);

public sealed record JobAcceptedResponse(Guid JobId, string Status, string StatusUrl);

public sealed record JobView(
    Guid Id, string Kind, JobStatus Status, string? FailureReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, JobResult? Result)
{
    public static JobView From(Job job) => new(
        job.Id, job.Kind, job.Status, job.FailureReason, job.CreatedAt, job.UpdatedAt,
        job.ResultJson is null ? null : JsonSerializer.Deserialize<JobResult>(job.ResultJson, JsonSerializerOptions.Web));
}
