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
        var window = new Window(database, tenant, windowStart, windowEnd);

        // Independent aggregates, each on its own pooled connection, so the database works on them side by side.
        var jobsQuery = window.ListAsync("""
            SELECT "Kind", "Status", count(*) FROM jobs
            WHERE "TenantId" = $1 AND "CreatedAt" >= $2 AND "CreatedAt" < $3
            GROUP BY 1, 2 ORDER BY 1, 2
            """, r => new KindStateCount(r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken);

        var latencyQuery = window.ListAsync("""
            SELECT "Step", count(*),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY "LatencyMs"),
                   percentile_cont(0.95) WITHIN GROUP (ORDER BY "LatencyMs")
            FROM audit_records
            WHERE "TenantId" = $1 AND "RecordedAt" >= $2 AND "RecordedAt" < $3
            GROUP BY 1 ORDER BY 1
            """, r => new StepLatency(r.GetString(0), r.GetInt64(1), r.GetDouble(2), r.GetDouble(3)), cancellationToken);

        // Reasons keep their words and lose their numbers and quoted labels, so "confidence 0.41 for 'x' is below 0.60"
        // and "... 0.38 for 'y' ..." count as one reason.
        var reasonsQuery = window.ListAsync("""
            SELECT regexp_replace(coalesce("Detail", "Decision"), '''[^'']*''|[0-9]+([.][0-9]+)?', '#', 'g') AS reason, count(DISTINCT "JobId")
            FROM audit_records
            WHERE "TenantId" = $1 AND "RecordedAt" >= $2 AND "RecordedAt" < $3 AND "Step" = 'escalation'
            GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 12
            """, r => new ReasonCount(r.GetString(0), r.GetInt64(1)), cancellationToken);

        // What the escalations were sent and cost: tokens are written into each record's sentOutside as tokens=in+out.
        var escalationQuery = window.ListAsync("""
            SELECT count(DISTINCT "JobId"), coalesce(sum("Cost"), 0),
                   coalesce(sum(tokens[1]::bigint), 0), coalesce(sum(tokens[2]::bigint), 0), count(tokens)
            FROM (SELECT "JobId", "Cost", regexp_match("SentOutside", 'tokens=([0-9]+)[+]([0-9]+)') AS tokens
                  FROM audit_records
                  WHERE "TenantId" = $1 AND "RecordedAt" >= $2 AND "RecordedAt" < $3 AND "Step" = 'escalation') escalations
            """, r => (EscalatedJobs: r.GetInt64(0), EscalationCost: r.GetDecimal(1), InputTokens: r.GetInt64(2), OutputTokens: r.GetInt64(3),
                Calls: r.GetInt64(4)), cancellationToken);

        var shadowQuery = window.ListAsync("""
            SELECT coalesce(sum("Cost"), 0) FROM audit_records
            WHERE "TenantId" = $1 AND "RecordedAt" >= $2 AND "RecordedAt" < $3 AND "Step" = 'frontier-shadow'
            """, r => r.GetDecimal(0), cancellationToken);

        // Finished jobs the specialists decided alone: their stored text sizes, to be priced as if each had gone out.
        var decidedQuery = window.ListAsync("""
            SELECT count(*), coalesce(sum(octet_length(j."Text")), 0)
            FROM jobs j
            WHERE j."TenantId" = $1 AND j."CreatedAt" >= $2 AND j."CreatedAt" < $3 AND j."Status" IN ('Completed', 'NeedsReview')
              AND NOT EXISTS (SELECT 1 FROM audit_records a WHERE a."JobId" = j."Id" AND a."Step" = 'escalation' AND a."TenantId" = j."TenantId")
            """, r => (Jobs: r.GetInt64(0), Bytes: r.GetInt64(1)), cancellationToken);

        var sampleQuery = window.ListAsync($"""
            SELECT "Text" FROM jobs WHERE "TenantId" = $1 AND "CreatedAt" >= $2 AND "CreatedAt" < $3
            ORDER BY "CreatedAt" DESC LIMIT {TokenizerSample}
            """, r => r.GetString(0), cancellationToken);

        var spendQuery = window.ListAsync("""
            SELECT coalesce(sum("Cost") FILTER (WHERE "RecordedAt" >= $4), 0), coalesce(sum("Cost"), 0)
            FROM audit_records
            WHERE "TenantId" = $1 AND "RecordedAt" >= $5 AND "Step" IN ('escalation', 'frontier-shadow')
            """, r => (Today: r.GetDecimal(0), Month: r.GetDecimal(1)), cancellationToken,
            new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero), new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero));

        await Task.WhenAll(jobsQuery, latencyQuery, reasonsQuery, escalationQuery, shadowQuery, decidedQuery, sampleQuery, spendQuery);
        var jobs = await jobsQuery;
        var latency = await latencyQuery;
        var reasons = await reasonsQuery;
        var escalations = (await escalationQuery).Single();
        var frontier = (escalations.EscalatedJobs, escalations.EscalationCost, ShadowCost: (await shadowQuery).Single(),
            escalations.InputTokens, escalations.OutputTokens, escalations.Calls);
        var decided = (await decidedQuery).Single();
        var sample = await sampleQuery;
        var spend = (await spendQuery).Single();

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

    /// <summary>The tenant and the window as the first three parameters of every query; each query on its own connection,
    /// with room to sort a window's latencies in memory (the default 4 MB spilled a week of a million-record trail to disk).</summary>
    private sealed record Window(NpgsqlDataSource Database, string Tenant, DateTimeOffset From, DateTimeOffset To)
    {
        public async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params object[] more)
        {
            await using var connection = await Database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var memory = new NpgsqlCommand("SET LOCAL work_mem = '64MB'", connection, transaction))
            {
                await memory.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = Tenant });
            command.Parameters.Add(new NpgsqlParameter { Value = From });
            command.Parameters.Add(new NpgsqlParameter { Value = To });
            foreach (var value in more)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            var rows = new List<T>();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(read(reader));
                }
            }

            await transaction.CommitAsync(cancellationToken);
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
