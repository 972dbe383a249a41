using System.Globalization;
using System.Net;
using System.Text.Json;
using Npgsql;
using SpecialistPlatform.Cli;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Keys;
using SpecialistPlatform.Data.Rollups;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>
/// The console overview's rollups (docs/decisions/0027) against the trail they sum: after real jobs, the audit writer's
/// rollups hold exactly what the tenant's records hold; a seeded tenant's overview, read from rollups for whole days and
/// from records for the partial ones, gives the figures a raw recomputation over the window gives. Counts and costs
/// exactly, percentiles within the histogram's resolution. One at a time with the registry tests, whose promotions
/// append to every tenant's trail.
/// </summary>
[Collection(ServingIntentModel.Name)]
public sealed class OverviewRollupTests(PlatformFixture platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Audit_writer_keeps_the_rollups_equal_to_the_tenants_trail()
    {
        var tenant = "rollup-" + Guid.NewGuid().ToString("N")[..12];
        var apiKey = ApiKeys.Generate();
        await using (var db = platform.AdminDb())
        {
            await ApiKeys.EnsureAsync(db, tenant, tenant, apiKey, [ApiKeyRoles.Submitter, ApiKeyRoles.Auditor], Cancellation);
        }

        for (var i = 0; i < 3; i++)
        {
            await platform.SubmitAsync("invoice", $"Invoice INV-{Random.Shared.Next(100, 999)} total £{i + 10}.00 due 2026-12-01", apiKey: apiKey);
        }

        await platform.SubmitAsync("support-ticket", "My card has not arrived yet, it was ordered two weeks ago", apiKey: apiKey);
        await PlatformFixture.EventuallyAsync(
            async () => await ScalarAsync<long>("""SELECT count(*) FROM audit_records WHERE "TenantId" = $1 AND "Step" = 'completion'""", tenant) == 4,
            $"every job of tenant {tenant} has its completion record", TimeSpan.FromMinutes(2));

        // One snapshot for both sides: whatever else is being appended, a committed record is in both or in neither.
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, Cancellation);
        var raw = await ListAsync(connection, """
            SELECT ("RecordedAt" AT TIME ZONE 'UTC')::date::text || ' ' || "Step", count(*), sum("Cost"),
                   percentile_disc(0.5) WITHIN GROUP (ORDER BY "LatencyMs"), percentile_disc(0.95) WITHIN GROUP (ORDER BY "LatencyMs")
            FROM audit_records WHERE "TenantId" = $1 GROUP BY 1 ORDER BY 1
            """, r => (Key: r.GetString(0), Records: r.GetInt64(1), Cost: r.GetDecimal(2), P50: r.GetDouble(3), P95: r.GetDouble(4)), tenant);
        var rolled = await ListAsync(connection, """
            SELECT "Day"::text || ' ' || "Step", "Records", "Cost", "LatencyHistogram" FROM audit_step_rollups WHERE "TenantId" = $1 ORDER BY 1
            """, r => (Key: r.GetString(0), Records: r.GetInt64(1), Cost: r.GetDecimal(2), Histogram: r.GetFieldValue<long[]>(3)), tenant);

        raw.Select(r => r.Key).ShouldContain(key => key.EndsWith(" extraction", StringComparison.Ordinal));
        rolled.Select(r => (r.Key, r.Records, r.Cost)).ShouldBe(raw.Select(r => (r.Key, r.Records, r.Cost)));
        foreach (var (step, expected) in rolled.Zip(raw))
        {
            step.Histogram.Sum().ShouldBe(step.Records, step.Key);
            ShouldBeWithinResolution(LatencyHistogram.Percentile(step.Histogram, 0.5), expected.P50, step.Key + " p50");
            ShouldBeWithinResolution(LatencyHistogram.Percentile(step.Histogram, 0.95), expected.P95, step.Key + " p95");
        }

        var rawReasons = await ListAsync(connection, """
            SELECT ("RecordedAt" AT TIME ZONE 'UTC')::date::text || ' ' || regexp_replace(coalesce("Detail", "Decision"), '''[^'']*''|[0-9]+([.][0-9]+)?', '#', 'g'),
                   count(DISTINCT "JobId")
            FROM audit_records WHERE "TenantId" = $1 AND "Step" = 'escalation' GROUP BY 1 ORDER BY 1
            """, r => (r.GetString(0), r.GetInt64(1)), tenant);
        var rolledReasons = await ListAsync(connection, """
            SELECT "Day"::text || ' ' || "Reason", "Jobs" FROM audit_escalation_reason_rollups WHERE "TenantId" = $1 ORDER BY 1
            """, r => (r.GetString(0), r.GetInt64(1)), tenant);
        rolledReasons.ShouldBe(rawReasons);
    }

    [Fact]
    public async Task Overview_read_from_rollups_and_partial_days_matches_a_raw_recomputation_of_the_window()
    {
        var tenant = "rollup-seed-" + Guid.NewGuid().ToString("N")[..8];
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(
            ["seed", "console", "--tenant", tenant, "--jobs", "600", "--audit", "6000", "--days", "6",
             "--data-dir", platform.DataDirectory, "--db", platform.PostgresAdminConnectionString],
            output, error, Cancellation);
        exit.ShouldBe(0, $"{output}\n{error}");
        var apiKey = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Single(l => l.StartsWith("API key", StringComparison.Ordinal)).Split(": ")[^1].Trim();

        // A window with a partial first day, whole days from the rollups and a partial last day (it ends before now).
        var now = DateTimeOffset.UtcNow;
        var from = now.AddDays(-4).AddHours(-5);
        var to = now.AddMinutes(-30);
        var overview = await OverviewAsync(apiKey, from, to);

        await using var connection = await OpenAsync();
        var latency = await ListAsync(connection, """
            SELECT "Step", count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY "LatencyMs"), percentile_disc(0.95) WITHIN GROUP (ORDER BY "LatencyMs")
            FROM audit_records WHERE "TenantId" = $1 AND "RecordedAt" >= $2 AND "RecordedAt" < $3 GROUP BY 1 ORDER BY 1
            """, r => (Step: r.GetString(0), Records: r.GetInt64(1), P50: r.GetDouble(2), P95: r.GetDouble(3)), tenant, from, to);
        var shown = overview.GetProperty("latency").EnumerateArray()
            .Select(s => (Step: s.GetProperty("step").GetString()!, Records: s.GetProperty("records").GetInt64(),
                P50: s.GetProperty("p50Ms").GetDouble(), P95: s.GetProperty("p95Ms").GetDouble()))
            .ToList();
        shown.Select(s => (s.Step, s.Records)).ShouldBe(latency.Select(s => (s.Step, s.Records)));
        foreach (var (step, expected) in shown.Zip(latency))
        {
            ShouldBeWithinResolution(step.P50, expected.P50, step.Step + " p50");
            ShouldBeWithinResolution(step.P95, expected.P95, step.Step + " p95");
        }

        var frontier = (await ListAsync(connection, """
            SELECT coalesce(sum("Cost") FILTER (WHERE "Step" = 'escalation'), 0), coalesce(sum("Cost") FILTER (WHERE "Step" = 'frontier-shadow'), 0),
                   coalesce(sum((regexp_match("SentOutside", 'tokens=([0-9]+)[+]([0-9]+)'))[1]::bigint) FILTER (WHERE "Step" = 'escalation'), 0),
                   coalesce(sum((regexp_match("SentOutside", 'tokens=([0-9]+)[+]([0-9]+)'))[2]::bigint) FILTER (WHERE "Step" = 'escalation'), 0)
            FROM audit_records WHERE "TenantId" = $1 AND "RecordedAt" >= $2 AND "RecordedAt" < $3
            """, r => (Escalation: r.GetDecimal(0), Shadow: r.GetDecimal(1), In: r.GetInt64(2), Out: r.GetInt64(3)), tenant, from, to)).Single();
        frontier.Escalation.ShouldBeGreaterThan(0m, "the seeded window holds escalations");
        var spend = overview.GetProperty("frontier");
        (spend.GetProperty("escalationCost").GetDecimal(), spend.GetProperty("shadowCost").GetDecimal(),
            spend.GetProperty("escalationInputTokens").GetInt64(), spend.GetProperty("escalationOutputTokens").GetInt64())
            .ShouldBe((frontier.Escalation, frontier.Shadow, frontier.In, frontier.Out));

        var reasons = await ListAsync(connection, """
            SELECT regexp_replace(coalesce("Detail", "Decision"), '''[^'']*''|[0-9]+([.][0-9]+)?', '#', 'g'), count(DISTINCT "JobId")
            FROM audit_records WHERE "TenantId" = $1 AND "RecordedAt" >= $2 AND "RecordedAt" < $3 AND "Step" = 'escalation'
            GROUP BY 1 ORDER BY 2 DESC, 1
            """, r => (r.GetString(0), r.GetInt64(1)), tenant, from, to);
        overview.GetProperty("escalationReasons").EnumerateArray()
            .Select(r => (r.GetProperty("reason").GetString()!, r.GetProperty("jobs").GetInt64()))
            .ShouldBe(reasons.Take(12));
        overview.GetProperty("escalatedJobs").GetInt64().ShouldBe(reasons.Sum(r => r.Item2));

        // Today and this month: whole UTC days, the rollups alone.
        var month = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var (today, thisMonth) = (await ListAsync(connection, """
            SELECT coalesce(sum("Cost") FILTER (WHERE "RecordedAt" >= $2), 0), coalesce(sum("Cost"), 0) FROM audit_records
            WHERE "TenantId" = $1 AND "RecordedAt" >= $3 AND "Step" IN ('escalation', 'frontier-shadow')
            """, r => (r.GetDecimal(0), r.GetDecimal(1)), tenant, new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero), month)).Single();
        (spend.GetProperty("spentToday").GetDecimal(), spend.GetProperty("spentThisMonth").GetDecimal()).ShouldBe((today, thisMonth));
    }

    [Fact]
    public async Task Database_and_LatencyHistogram_put_a_latency_in_the_same_bucket()
    {
        // Each bucket's middle (clear of the bounds, where rounding could differ; the open last bucket has none) and
        // values outside every bound.
        var latencies = Enumerable.Range(0, LatencyHistogram.Buckets - 1).Select(LatencyHistogram.EstimateMs)
            .Concat([LatencyHistogram.LowerBoundMs(LatencyHistogram.Buckets - 1) * 1.5, 0, -1, 0.0999, 1e7, 1e12, double.PositiveInfinity, double.NaN])
            .ToArray();
        await using var connection = await OpenAsync();
        var buckets = await ListAsync(connection, "SELECT audit_latency_bucket(x) FROM unnest($1) WITH ORDINALITY AS t(x, n) ORDER BY n",
            r => r.GetInt32(0) - 1, latencies);

        buckets.ShouldBe(latencies.Select(ExpectedBucket));
    }

    /// <summary>The bucket <see cref="LatencyHistogram"/>'s bounds say a latency belongs in (0-based).</summary>
    private static int ExpectedBucket(double latency)
    {
        if (double.IsNaN(latency))
        {
            return LatencyHistogram.Buckets - 1;
        }

        var bucket = 0;
        while (bucket + 1 < LatencyHistogram.Buckets && latency >= LatencyHistogram.LowerBoundMs(bucket + 1))
        {
            bucket++;
        }

        return bucket;
    }

    private static void ShouldBeWithinResolution(double estimate, double actual, string what)
    {
        var allowed = actual < LatencyHistogram.SmallestBoundMs
            ? LatencyHistogram.SmallestBoundMs / 2
            : actual * LatencyHistogram.RelativeResolution + 1e-9;
        Math.Abs(estimate - actual).ShouldBeLessThanOrEqualTo(allowed, $"{what}: {estimate} from the histogram, {actual} in the records");
    }

    [Fact]
    public async Task Escalated_jobs_count_every_reason_not_only_the_listed_ones()
    {
        // Yesterday, a whole UTC day, escalated for 15 reasons: the overview reads it from the rollups alone.
        var tenant = "rollup-reasons-" + Guid.NewGuid().ToString("N")[..8];
        var apiKey = ApiKeys.Generate();
        await using (var db = platform.AdminDb())
        {
            await ApiKeys.EnsureAsync(db, tenant, tenant, apiKey, [ApiKeyRoles.Auditor], Cancellation);
        }

        var today = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero);
        await using (var connection = await OpenAsync())
        {
            for (var reason = 1; reason <= 15; reason++)
            {
                await ListAsync(connection, """
                    INSERT INTO audit_escalation_reason_rollups ("TenantId", "Day", "Reason", "Jobs") VALUES ($1, $2, $3, $4) RETURNING 1
                    """, r => r.GetInt32(0), tenant, DateOnly.FromDateTime(today.AddDays(-1).UtcDateTime), $"reason {reason:00}", (long)(100 - reason));
            }
        }

        var overview = await OverviewAsync(apiKey, today.AddDays(-1), today);
        var listed = overview.GetProperty("escalationReasons").EnumerateArray().Select(r => r.GetProperty("jobs").GetInt64()).ToList();
        listed.Count.ShouldBe(12);
        listed.ShouldBe(Enumerable.Range(1, 12).Select(reason => (long)(100 - reason)));
        overview.GetProperty("escalatedJobs").GetInt64().ShouldBe(Enumerable.Range(1, 15).Sum(reason => 100L - reason));
        overview.GetProperty("otherReasonsJobs").GetInt64().ShouldBe(87L + 86 + 85);
    }

    private async Task<JsonElement> OverviewAsync(string apiKey, DateTimeOffset from, DateTimeOffset to)
    {
        var query = $"from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}";
        using var request = platform.Request(HttpMethod.Get, "/api/v1/overview?" + query, apiKey);
        using var response = await platform.Http.SendAsync(request, Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(platform.PostgresAdminConnectionString);
        await connection.OpenAsync(Cancellation);
        return connection;
    }

    private async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = await OpenAsync();
        return (await ListAsync(connection, sql, r => r.GetFieldValue<T>(0), parameters)).Single();
    }

    private static async Task<List<T>> ListAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        while (await reader.ReadAsync(Cancellation))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
