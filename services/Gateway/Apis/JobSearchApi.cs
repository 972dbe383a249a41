using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Gateway.Authentication;

namespace SpecialistPlatform.Gateway.Apis;

/// <summary>
/// Searching a tenant's jobs, newest first, and one job's timeline as its reader sees it. Paging is by keyset (the
/// last row's creation time and id), so page 5,000 costs what page 1 does on the (tenant, created) index, where an
/// offset would read and drop every row before it.
/// </summary>
public static class JobSearchApi
{
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapJobSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/jobs").WithTags("Jobs").RequireAuthorization(Policies.JobReader);
        api.MapGet("/", SearchJobs).WithName(nameof(SearchJobs));
        api.MapGet("/{id:guid}/timeline", GetJobTimeline).WithName(nameof(GetJobTimeline));
        return api;
    }

    /// <summary>
    /// <paramref name="clientReference"/> matches the Idempotency-Key a client submitted with, or a
    /// <c>clientReference</c> metadata entry; <paramref name="intent"/> the label the router gave the job.
    /// </summary>
    public static async Task<Results<Ok<JobSearchPage>, ProblemHttpResult>> SearchJobs(
        ClaimsPrincipal user, PlatformDbContext db, string? state, string? kind, string? intent, DateTimeOffset? from, DateTimeOffset? to,
        string? clientReference, string? after, int? pageSize, CancellationToken cancellationToken)
    {
        var size = pageSize ?? 50;
        if (size is < 1 or > MaxPageSize)
        {
            return JobsApi.Problem(StatusCodes.Status400BadRequest, "Invalid paging", $"pageSize is 1 to {MaxPageSize}.");
        }

        JobStatus? status = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (!Enum.TryParse<JobStatus>(state, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return JobsApi.Problem(StatusCodes.Status400BadRequest, "Invalid state",
                    $"state '{state}' is not one of {string.Join(", ", Enum.GetNames<JobStatus>())}.");
            }

            status = parsed;
        }

        JobCursor? cursor = null;
        if (!string.IsNullOrEmpty(after))
        {
            if (JobCursor.TryParse(after) is not { } parsedCursor)
            {
                return JobsApi.Problem(StatusCodes.Status400BadRequest, "Invalid cursor",
                    "after must be the nextCursor of an earlier page, as the gateway gave it.");
            }

            cursor = parsedCursor;
        }

        if (from is not null && to is not null && from >= to)
        {
            return JobsApi.Problem(StatusCodes.Status400BadRequest, "Invalid time range", $"from ({from:O}) must be before to ({to:O}).");
        }

        var tenant = user.TenantId();
        var query = db.Jobs.AsNoTracking().Where(j => j.TenantId == tenant);
        if (status is not null)
        {
            query = query.Where(j => j.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(kind))
        {
            query = query.Where(j => j.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(intent))
        {
            // jsonb containment (@>) on the stored result, e.g. {"intent": {"label": "card_arrival"}}.
            var contains = JsonSerializer.Serialize(new { intent = new { label = intent } });
            query = query.Where(j => j.ResultJson != null && EF.Functions.JsonContains(j.ResultJson, contains));
        }

        if (from is not null)
        {
            query = query.Where(j => j.CreatedAt >= from);
        }

        if (to is not null)
        {
            query = query.Where(j => j.CreatedAt < to);
        }

        if (!string.IsNullOrWhiteSpace(clientReference))
        {
            var contains = JsonSerializer.Serialize(new { clientReference });
            query = query.Where(j => j.IdempotencyKey == clientReference
                || (j.MetadataJson != null && EF.Functions.JsonContains(j.MetadataJson, contains)));
        }

        if (cursor is { } c)
        {
            query = query.Where(j => j.CreatedAt < c.CreatedAt || (j.CreatedAt == c.CreatedAt && j.Id.CompareTo(c.Id) < 0));
        }

        var rows = await query.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id)
            .Take(size + 1)
            .Select(j => new { j.Id, j.Kind, j.Status, j.IdempotencyKey, j.CreatedAt, j.UpdatedAt, j.FailureReason, j.ResultJson, j.MetadataJson })
            .ToListAsync(cancellationToken);
        var jobs = rows.Take(size).Select(j => new JobSummary(
            j.Id, j.Kind, j.Status, IntentOf(j.ResultJson), ClientReferenceOf(j.IdempotencyKey, j.MetadataJson), j.FailureReason, j.CreatedAt, j.UpdatedAt)).ToList();
        var next = rows.Count > size ? new JobCursor(jobs[^1].CreatedAt, jobs[^1].Id).ToString() : null;
        return TypedResults.Ok(new JobSearchPage(jobs, next));
    }

    /// <summary>
    /// One row per audit record of the job, without the chain's hashes or the input's digest: what happened to the job,
    /// for whoever may read it (its submitter too). The full records, hashes included, stay with auditors at
    /// /api/v1/jobs/{id}/audit.
    /// </summary>
    public static async Task<Results<Ok<List<TimelineEntry>>, ProblemHttpResult>> GetJobTimeline(
        Guid id, ClaimsPrincipal user, PlatformDbContext db, CancellationToken cancellationToken)
    {
        var tenant = user.TenantId();
        if (!await db.Jobs.AnyAsync(j => j.Id == id && j.TenantId == tenant, cancellationToken))
        {
            return JobsApi.Problem(StatusCodes.Status404NotFound, "Job not found", $"No job {id} exists for this tenant.");
        }

        var entries = await db.AuditRecords.AsNoTracking()
            .Where(r => r.TenantId == tenant && r.JobId == id)
            .OrderBy(r => r.Sequence)
            .Select(r => new TimelineEntry(r.Sequence, r.Step, r.Service, r.Model, r.ModelVersion, r.Decision, r.Confidence, r.LatencyMs, r.Cost,
                r.Redacted, r.SentOutside, r.Detail, r.OccurredAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries);
    }

    private static string? IntentOf(string? resultJson) =>
        resultJson is null ? null : JsonSerializer.Deserialize<JobResult>(resultJson, JsonSerializerOptions.Web)?.Intent?.Label;

    private static string? ClientReferenceOf(string? idempotencyKey, string? metadataJson)
    {
        if (metadataJson is not null
            && JsonSerializer.Deserialize<Dictionary<string, string>>(metadataJson) is { } metadata
            && metadata.TryGetValue("clientReference", out var reference))
        {
            return reference;
        }

        return idempotencyKey;
    }
}

/// <summary>Where the next page starts: the last row's creation time (exact to the tick) and id.</summary>
public readonly record struct JobCursor(DateTimeOffset CreatedAt, Guid Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{CreatedAt.UtcTicks}_{Id:N}");

    public static JobCursor? TryParse(string text)
    {
        var parts = text.Split('_');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(parts[1], "N", out var id)
                ? new JobCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id)
                : null;
    }
}

public sealed record JobSummary(
    Guid Id, string Kind, JobStatus Status, string? Intent, string? ClientReference, string? FailureReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record JobSearchPage(IReadOnlyList<JobSummary> Jobs, string? NextCursor);

public sealed record TimelineEntry(
    long Sequence, string Step, string Service, string? Model, string? ModelVersion, string Decision, double? Confidence, double LatencyMs,
    decimal Cost, string? Redacted, string? SentOutside, string? Detail, DateTimeOffset OccurredAt);
