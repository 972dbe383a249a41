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
/// cost. The audit trail's figures come from per-day rollups the audit writer keeps (whole UTC days) and from the records
/// themselves for the partial days at the window's ends (<see cref="RollupWindow"/>); percentiles are read from a
/// log-scale histogram, within <see cref="Data.Rollups.LatencyHistogram.RelativeResolution"/>. The jobs' figures are
/// SQL aggregates over the jobs table, and a sample of job texts is counted by the real tokenizer to turn stored text
/// sizes into tokens.
/// </summary>
public static class OverviewApi
{
    /// <summary>How many of the window's newest texts the tokenizer reads to learn the tenant's tokens per byte.</summary>
    public const int TokenizerSample = 200;
    /// <summary>How many escalation reasons the overview lists, most frequent first.</summary>
    public const int MaxReasons = 12;
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);
    /// <summary>The default window: this UTC day and the ones before it, whole.</summary>
    public const int DefaultDays = 7;

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
        // The default window starts at a UTC midnight (the day `to` falls in and the 6 before it), so the audit figures
        // of the page everyone opens come from the rollups alone; a chosen `from` is kept to the tick.
        var windowStart = from ?? new DateTimeOffset(windowEnd.AddTicks(-1).UtcDateTime.Date, TimeSpan.Zero).AddDays(-(DefaultDays - 1));
        if (windowStart >= windowEnd)
        {
            return JobsApi.Problem(StatusCodes.Status400BadRequest, "Invalid time range", $"from ({windowStart:O}) must be before to ({windowEnd:O}).");
        }

        if (windowEnd - windowStart > MaxWindow)
        {
            return JobsApi.Problem(StatusCodes.Status400BadRequest, "Time range too long", $"The window may span at most {MaxWindow.TotalDays:0} days.");
        }

        var tenant = user.TenantId();
        var window = new Window(database, tenant);
        var days = RollupWindow.Of(windowStart, windowEnd, now);

        // Independent aggregates, each on its own pooled connection, so the database works on them side by side.
        var jobsQuery = window.ListAsync("""
            SELECT "Kind", "Status", count(*) FROM jobs
            WHERE "TenantId" = $1 AND "CreatedAt" >= $2 AND "CreatedAt" < $3
            GROUP BY 1, 2 ORDER BY 1, 2
            """, r => new KindStateCount(r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken, windowStart, windowEnd);

        // The audit trail's figures: the whole days from the rollups the audit writer keeps, the partial days counted
        // from the records by the same SQL functions (docs/decisions/0027).
        var stepsQuery = window.ListAsync(StepTotalsSql, r => new StepTotals(
                r.GetString(0), r.GetInt64(1), r.GetFieldValue<long[]>(2), r.GetDecimal(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)),
            cancellationToken, days.FirstWholeDay, days.EndWholeDay, days.Head.From, days.Head.To, days.Tail.From, days.Tail.To);

        var reasonsQuery = window.ListAsync(ReasonTotalsSql, r => new ReasonCount(r.GetString(0), r.GetInt64(1)),
            cancellationToken, days.FirstWholeDay, days.EndWholeDay, days.Head.From, days.Head.To, days.Tail.From, days.Tail.To);

        // Finished jobs the specialists decided alone: their stored text sizes, to be priced as if each had gone out. A
        // job escalates after it is submitted, so its escalation is recorded after the window's start: bounding the
        // records by it lets the planner hash the window's escalations (IX_audit_records_escalations) instead of
        // probing every partition once per job.
        var decidedQuery = window.ListAsync("""
            SELECT count(*), coalesce(sum(octet_length(j."Text")), 0)
            FROM jobs j
            WHERE j."TenantId" = $1 AND j."CreatedAt" >= $2 AND j."CreatedAt" < $3 AND j."Status" IN ('Completed', 'NeedsReview')
              AND NOT EXISTS (SELECT 1 FROM audit_records a
                              WHERE a."JobId" = j."Id" AND a."Step" = 'escalation' AND a."TenantId" = $1 AND a."RecordedAt" >= $2)
            """, r => (Jobs: r.GetInt64(0), Bytes: r.GetInt64(1)), cancellationToken, windowStart, windowEnd);

        var sampleQuery = window.ListAsync($"""
            SELECT "Text" FROM jobs WHERE "TenantId" = $1 AND "CreatedAt" >= $2 AND "CreatedAt" < $3
            ORDER BY "CreatedAt" DESC LIMIT {TokenizerSample}
            """, r => r.GetString(0), cancellationToken, windowStart, windowEnd);

        // Today and this month are whole UTC days up to now: the rollups alone answer them.
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var spendQuery = window.ListAsync("""
            SELECT coalesce(sum("Cost") FILTER (WHERE "Day" = $2), 0), coalesce(sum("Cost"), 0)
            FROM audit_step_rollups
            WHERE "TenantId" = $1 AND "Day" >= $3 AND "Step" IN ('escalation', 'frontier-shadow')
            """, r => (Today: r.GetDecimal(0), Month: r.GetDecimal(1)), cancellationToken, today, new DateOnly(today.Year, today.Month, 1));

        await Task.WhenAll(jobsQuery, stepsQuery, reasonsQuery, decidedQuery, sampleQuery, spendQuery);
        var jobs = await jobsQuery;
        var steps = StepTotals.PerStep(await stepsQuery);
        var latency = steps.Select(step => step.Latency()).ToList();
        var allReasons = (await reasonsQuery)
            .GroupBy(r => r.Reason, StringComparer.Ordinal)
            .Select(g => new ReasonCount(g.Key, g.Sum(r => r.Jobs)))
            .OrderByDescending(r => r.Jobs).ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();
        // The list is cut to the most frequent reasons; the total is over every reason, so the escalated count a reader
        // sees does not shrink with the number of distinct reasons.
        var reasons = allReasons.Take(MaxReasons).ToList();
        var escalatedJobs = allReasons.Sum(r => r.Jobs);
        // One escalation record per job (the audit writer skips a (job, step) already recorded): records are jobs.
        var escalation = steps.SingleOrDefault(s => s.Step == "escalation") ?? StepTotals.None("escalation");
        var shadow = steps.SingleOrDefault(s => s.Step == "frontier-shadow") ?? StepTotals.None("frontier-shadow");
        var frontier = (EscalatedJobs: escalation.Records, EscalationCost: escalation.Cost, ShadowCost: shadow.Cost,
            escalation.InputTokens, escalation.OutputTokens, Calls: escalation.TokenRecords);
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
            savings, escalatedJobs, escalatedJobs - reasons.Sum(r => r.Jobs)));
    }

    /// <summary>Per step: the rollups' whole days ($2 to $3), then the records of the head ($4 to $5) and the tail ($6 to
    /// $7), one row per source and step, added up by <see cref="StepTotals.PerStep"/>.</summary>
    private const string StepTotalsSql = """
        SELECT "Step", "Records", "LatencyHistogram", "Cost", "InputTokens", "OutputTokens", "TokenRecords"
        FROM audit_step_rollups WHERE "TenantId" = $1 AND "Day" >= $2 AND "Day" < $3
        UNION ALL
        SELECT step, records, latency_histogram, cost, input_tokens, output_tokens, token_records
        FROM audit_step_totals($1, $4, $5, 0, 9223372036854775807)
        UNION ALL
        SELECT step, records, latency_histogram, cost, input_tokens, output_tokens, token_records
        FROM audit_step_totals($1, $6, $7, 0, 9223372036854775807)
        """;

    private const string ReasonTotalsSql = """
        SELECT "Reason", "Jobs" FROM audit_escalation_reason_rollups WHERE "TenantId" = $1 AND "Day" >= $2 AND "Day" < $3
        UNION ALL
        SELECT reason, jobs FROM audit_escalation_reason_totals($1, $4, $5, 0, 9223372036854775807)
        UNION ALL
        SELECT reason, jobs FROM audit_escalation_reason_totals($1, $6, $7, 0, 9223372036854775807)
        """;

    /// <summary>The tenant as every query's first parameter, the query's own after it; each query on its own connection.</summary>
    private sealed record Window(NpgsqlDataSource Database, string Tenant)
    {
        public async Task<List<T>> ListAsync<T>(string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params object[] more)
        {
            await using var connection = await Database.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new NpgsqlParameter { Value = Tenant });
            foreach (var value in more)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
    }
}

/// <summary>A tenant's window. <c>EscalationReasons</c> are the <see cref="OverviewApi.MaxReasons"/> most frequent;
/// <c>EscalatedJobs</c> counts every escalated job in the window, <c>OtherReasonsJobs</c> those whose reason is not
/// listed.</summary>
public sealed record TenantOverview(
    string Tenant, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<KindStateCount> Jobs, IReadOnlyList<StepLatency> Latency,
    IReadOnlyList<ReasonCount> EscalationReasons, FrontierSpend Frontier, TokenizerSampleInfo Tokenizer, Savings? Savings,
    long EscalatedJobs, long OtherReasonsJobs);

public sealed record KindStateCount(string Kind, string Status, long Jobs);

/// <summary>A step's records in the window and their latency percentiles, read from the rollups' log-scale histogram:
/// nearest-rank, each at most <see cref="Data.Rollups.LatencyHistogram.RelativeResolution"/> (about 4.4%) from the
/// record it stands for.</summary>
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
