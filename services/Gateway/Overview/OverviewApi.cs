using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;
using SpecialistPlatform.Gateway.Apis;
using SpecialistPlatform.Gateway.Authentication;

namespace SpecialistPlatform.Gateway.Overview;

/// <summary>
/// A tenant's window at a glance: jobs by kind and final state, how many the specialists decided and why the rest
/// escalated, latency per step, frontier spend against budget, and what sending every job to the frontier would have
/// cost. Every figure is a SQL aggregate over the window (no rows are loaded), except a sample of job texts that the
/// real tokenizer counts to turn stored text sizes into tokens.
/// </summary>
public static class OverviewApi
{
    /// <summary>How many of the window's newest texts the tokenizer reads to learn the tenant's tokens per byte.</summary>
    public const int TokenizerSample = 200;
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);

    public static RouteGroupBuilder MapOverviewApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/overview").WithTags("Overview").RequireAuthorization(Policies.Auditor);
        api.MapGet("/", GetOverview).WithName(nameof(GetOverview));
        return api;
    }

    public static async Task<Results<Ok<TenantOverview>, ProblemHttpResult>> GetOverview(
        ClaimsPrincipal user, NpgsqlDataSource database, TokenEstimator tokens, IOptions<FrontierPrices> prices, TimeProvider clock,
        DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var windowEnd = to ?? now;
        var windowStart = from ?? windowEnd.AddDays(-7);
        if (windowStart >= windowEnd)
        {
            return JobsApi.Problem(StatusCodes.Status400BadRequest, "Invalid time range", $"from ({windowStart:O}) must be before to ({windowEnd:O}).");
        }

        if (windowEnd - windowStart > MaxWindow)
        {
            return JobsApi.Problem(StatusCodes.Status400BadRequest, "Time range too long", $"The window may span at most {MaxWindow.TotalDays:0} days.");
        }

        var tenant = user.TenantId();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var window = new Window(connection, tenant, windowStart, windowEnd);

        var jobs = await window.ListAsync("""
            SELECT "Kind", "Status", count(*) FROM jobs
            WHERE "TenantId" = $1 AND "CreatedAt" >= $2 AND "CreatedAt" < $3
            GROUP BY 1, 2 ORDER BY 1, 2
            """, r => new KindStateCount(r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken);

        var latency = await window.ListAsync("""
            SELECT "Step", count(*),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY "LatencyMs"),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY "LatencyMs")
            FROM audit_records
            WHERE "TenantId" = $1 AND "RecordedAt" >= $2 AND "RecordedAt" < $3
            GROUP BY 1 ORDER BY 1
            """, r => new StepLatency(r.GetString(0), r.GetInt64(1), r.GetDouble(2), r.GetDouble(3)), cancellationToken);

        // Reasons keep their words and lose their numbers and quoted labels, so "confidence 0.41 for 'x' is below 0.60"
        // and "... 0.38 for 'y' ..." count as one reason.
        var reasons = await window.ListAsync("""
            SELECT regexp_replace(coalesce("Detail", "Decision"), '''[^'']*''|[0-9]+([.][0-9]+)?', '#', 'g') AS reason, count(DISTINCT "JobId")
            FROM audit_records
            WHERE "TenantId" = $1 AND "RecordedAt" >= $2 AND "RecordedAt" < $3 AND "Step" = 'escalation'
            GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 12
            """, r => new ReasonCount(r.GetString(0), r.GetInt64(1)), cancellationToken);

        // What the frontier was sent and cost: tokens are written into each record's sentOutside as tokens=in+out.
        var frontier = (await window.ListAsync("""
            SELECT count(DISTINCT "JobId") FILTER (WHERE "Step" = 'escalation'),
                   coalesce(sum("Cost") FILTER (WHERE "Step" = 'escalation'), 0),
                   coalesce(sum("Cost") FILTER (WHERE "Step" <> 'escalation'), 0),
                   coalesce(sum((regexp_match("SentOutside", 'tokens=([0-9]+)[+]([0-9]+)'))[1]::bigint) FILTER (WHERE "Step" = 'escalation'), 0),
                   coalesce(sum((regexp_match("SentOutside", 'tokens=([0-9]+)[+]([0-9]+)'))[2]::bigint) FILTER (WHERE "Step" = 'escalation'), 0),
                   count(*) FILTER (WHERE "Step" = 'escalation' AND "SentOutside" ~ 'tokens=')
            FROM audit_records
            WHERE "TenantId" = $1 AND "RecordedAt" >= $2 AND "RecordedAt" < $3 AND "Step" IN ('escalation', 'frontier-shadow')
            """, r => (EscalatedJobs: r.GetInt64(0), EscalationCost: r.GetDecimal(1), ShadowCost: r.GetDecimal(2),
                InputTokens: r.GetInt64(3), OutputTokens: r.GetInt64(4), Calls: r.GetInt64(5)), cancellationToken)).Single();

        // Finished jobs the specialists decided alone: their stored text sizes, to be priced as if each had gone out.
        var decided = (await window.ListAsync("""
            SELECT count(*), coalesce(sum(octet_length(j."Text")), 0)
            FROM jobs j
            WHERE j."TenantId" = $1 AND j."CreatedAt" >= $2 AND j."CreatedAt" < $3 AND j."Status" IN ('Completed', 'NeedsReview')
              AND NOT EXISTS (SELECT 1 FROM audit_records a WHERE a."JobId" = j."Id" AND a."Step" = 'escalation' AND a."TenantId" = j."TenantId")
            """, r => (Jobs: r.GetInt64(0), Bytes: r.GetInt64(1)), cancellationToken)).Single();

        var sample = await window.ListAsync($"""
            SELECT "Text" FROM jobs WHERE "TenantId" = $1 AND "CreatedAt" >= $2 AND "CreatedAt" < $3
            ORDER BY "CreatedAt" DESC LIMIT {TokenizerSample}
            """, r => r.GetString(0), cancellationToken);

        var spend = (await window.ListAsync("""
            SELECT coalesce(sum("Cost") FILTER (WHERE "RecordedAt" >= $4), 0), coalesce(sum("Cost"), 0)
            FROM audit_records
            WHERE "TenantId" = $1 AND "RecordedAt" >= $5 AND "Step" IN ('escalation', 'frontier-shadow')
            """, r => (Today: r.GetDecimal(0), Month: r.GetDecimal(1)), cancellationToken,
            new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero), new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero))).Single();

        var sampleBytes = sample.Sum(text => (long)Encoding.UTF8.GetByteCount(text));
        var tokensPerByte = sampleBytes == 0 ? 0 : sample.Sum(tokens.Count) / (double)sampleBytes;
        var estimatedInputTokens = decided.Bytes * tokensPerByte;
        var averageOutputTokens = frontier.Calls > 0 ? frontier.OutputTokens / (double)frontier.Calls : prices.Value.MaxOutputTokens;
        var model = prices.Value.First;
        var budget = prices.Value.BudgetFor(tenant);
        Savings? savings = model is null ? null : new Savings(
            model.Model, model.PricePer1kInputTokens, model.PricePer1kOutputTokens,
            MeasuredJobs: frontier.EscalatedJobs, MeasuredCost: frontier.EscalationCost, ShadowCost: frontier.ShadowCost,
            EstimatedJobs: decided.Jobs, EstimatedInputTokens: (long)Math.Round(estimatedInputTokens),
            EstimatedOutputTokensPerJob: averageOutputTokens, OutputTokensMeasured: frontier.Calls > 0,
            EstimatedCost: model.CostOf(estimatedInputTokens, averageOutputTokens * decided.Jobs));

        return TypedResults.Ok(new TenantOverview(
            tenant, windowStart, windowEnd, jobs, latency, reasons,
            new FrontierSpend(frontier.EscalationCost, frontier.ShadowCost, frontier.InputTokens, frontier.OutputTokens,
                spend.Today, budget.Daily, spend.Month, budget.Monthly),
            new TokenizerSampleInfo(TokenEstimator.Encoding, sample.Count, sampleBytes, tokensPerByte),
            savings));
    }

    /// <summary>The tenant and the window as the first three parameters of every query.</summary>
    private sealed record Window(NpgsqlConnection Connection, string Tenant, DateTimeOffset From, DateTimeOffset To)
    {
        public async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params object[] more)
        {
            await using var command = new NpgsqlCommand(sql, Connection);
            command.Parameters.Add(new NpgsqlParameter { Value = Tenant });
            command.Parameters.Add(new NpgsqlParameter { Value = From });
            command.Parameters.Add(new NpgsqlParameter { Value = To });
            foreach (var value in more)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
    }
}

public sealed record TenantOverview(
    string Tenant, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<KindStateCount> Jobs, IReadOnlyList<StepLatency> Latency,
    IReadOnlyList<ReasonCount> EscalationReasons, FrontierSpend Frontier, TokenizerSampleInfo Tokenizer, Savings? Savings);

public sealed record KindStateCount(string Kind, string Status, long Jobs);

public sealed record StepLatency(string Step, long Records, double P50Ms, double P95Ms);

public sealed record ReasonCount(string Reason, long Jobs);

/// <summary>Measured from the audit trail: escalations' and shadow comparisons' cost and tokens in the window; today's and
/// this month's spend (UTC) against the tenant's budget (0: none set).</summary>
public sealed record FrontierSpend(
    decimal EscalationCost, decimal ShadowCost, long EscalationInputTokens, long EscalationOutputTokens,
    decimal SpentToday, decimal DailyBudget, decimal SpentThisMonth, decimal MonthlyBudget);

/// <summary>How the estimate turns stored text sizes into tokens: the real tokenizer over the window's newest texts.</summary>
public sealed record TokenizerSampleInfo(string Encoding, int Texts, long Bytes, double TokensPerByte);

/// <summary>
/// What sending every finished job to the frontier would have cost, in two parts: measured (the escalated jobs' recorded
/// cost) and estimated (the jobs the specialists decided: their text's tokens at the first frontier model's input price,
/// plus the escalations' measured mean answer length, or the answer bound when nothing escalated, at its output price).
/// The specialists' own running cost is not priced.
/// </summary>
public sealed record Savings(
    string Model, decimal PricePer1kInputTokens, decimal PricePer1kOutputTokens,
    long MeasuredJobs, decimal MeasuredCost, decimal ShadowCost,
    long EstimatedJobs, long EstimatedInputTokens, double EstimatedOutputTokensPerJob, bool OutputTokensMeasured, decimal EstimatedCost)
{
    public decimal AllToFrontierCost => MeasuredCost + EstimatedCost;

    /// <summary>What everything-to-the-frontier would have cost, less what the frontier did cost (escalations and the
    /// shadow comparisons that check the specialists).</summary>
    public decimal Saved => AllToFrontierCost - MeasuredCost - ShadowCost;
}
