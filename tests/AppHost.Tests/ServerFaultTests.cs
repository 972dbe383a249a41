using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.TestInfrastructure;

namespace SpecialistPlatform.AppHost.Tests;

/// <summary>
/// The promise "no accepted job is lost" with the servers themselves killed (SIGKILL) while jobs flow: Postgres, then
/// RabbitMQ. The AppHost restarts each; every job that got a 202 must end Completed, NeedsReview or Failed, with each of
/// its audit records written once. Its own platform, since killing the database under other tests would fail them.
/// </summary>
public sealed class ServerFaultTests
{
    private const string DevApiKey = "sp_test_server_faults_0123456789abcdefghij";

    [Fact]
    public async Task Every_job_accepted_while_postgres_and_then_rabbitmq_are_killed_mid_flight_becomes_final_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // A short lease, so a job whose slip end was dead-lettered while Postgres was down is resent within the test.
        var settings = new Dictionary<string, string> { ["Pipelines:StallTimeout"] = "00:00:15" };
        await using var platform = await PlatformApp.StartAsync(new PlatformAppOptions { DevApiKey = DevApiKey, ServiceSettings = settings, DurableServers = true }, cancellationToken);
        using var http = new HttpClient { BaseAddress = platform.ServiceUrl(ResourceNames.Services.Gateway), Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add("X-Api-Key", DevApiKey);

        var accepted = new ConcurrentBag<Guid>();
        var answers = new ConcurrentDictionary<string, int>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var submitter = SubmitUntilStoppedAsync(http, accepted, answers, stop.Token);

        foreach (var server in new[] { ResourceNames.Servers.Postgres, ResourceNames.Servers.RabbitMq })
        {
            await Task.Delay(TimeSpan.FromSeconds(4), cancellationToken);
            var pid = platform.Pid(server);
            var before = accepted.Count;
            PosixProcess.Signal(pid, PosixProcess.SigKill);
            await platform.WaitForRestartAsync(server, pid, TimeSpan.FromMinutes(2), cancellationToken);
            TestContext.Current.TestOutputHelper?.WriteLine($"{server} killed with {before} jobs accepted; back with {accepted.Count}");
        }

        await Task.Delay(TimeSpan.FromSeconds(4), cancellationToken);
        await stop.CancelAsync();
        await submitter;
        TestContext.Current.TestOutputHelper?.WriteLine($"answers: {string.Join(", ", answers.Select(a => $"{a.Key} x{a.Value}"))}");
        answers.Keys.ShouldAllBe(answer => answer == "202" || answer == "503" || answer == "connection", "only 202, or 503 while the database was away");
        accepted.Count.ShouldBeGreaterThan(20);

        var ids = accepted.ToArray();
        var connectionString = await platform.ConnectionStringAsync(ResourceNames.ConnectionStrings.DatabaseOwner, cancellationToken);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        var unfinished = ids.Length;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                unfinished = ids.Length - await CountAsync(connectionString,
                    """SELECT count(*) FROM jobs WHERE "Id" = ANY(@ids) AND "Status" IN ('Completed', 'NeedsReview', 'Failed')""", ids, cancellationToken);
                if (unfinished == 0)
                {
                    break;
                }
            }
            catch (NpgsqlException)
            {
                // Postgres is still coming back.
            }

            await Task.Delay(1000, cancellationToken);
        }

        var missing = ids.Length - await CountAsync(connectionString, """SELECT count(*) FROM jobs WHERE "Id" = ANY(@ids)""", ids, cancellationToken);
        unfinished.ShouldBe(0, $"{unfinished} of {ids.Length} accepted jobs not final three minutes after the last restart ({missing} not stored at all)");
        (await CountAsync(connectionString, """
            SELECT count(*) FROM (SELECT 1 FROM audit_records WHERE "JobId" = ANY(@ids) GROUP BY "JobId", "Step" HAVING count(*) > 1) d
            """, ids, cancellationToken)).ShouldBe(0, "audit records written twice");
        (await CountAsync(connectionString, """
            SELECT count(DISTINCT "JobId") FROM audit_records WHERE "JobId" = ANY(@ids) AND "Step" = 'completion'
            """, ids, cancellationToken)).ShouldBe(ids.Length, "every job's completion record");
    }

    private static async Task SubmitUntilStoppedAsync(HttpClient http, ConcurrentBag<Guid> accepted, ConcurrentDictionary<string, int> answers, CancellationToken stop)
    {
        var inFlight = new List<Task>();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                inFlight.Add(SubmitAsync());
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        await Task.WhenAll(inFlight);

        async Task SubmitAsync()
        {
            try
            {
                using var response = await http.PostAsJsonAsync("/api/v1/jobs", new { kind = "email", text = "My card was charged twice for one coffee" });
                answers.AddOrUpdate(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetGuid());
                }
            }
            catch (HttpRequestException)
            {
                answers.AddOrUpdate("connection", 1, (_, n) => n + 1);
            }
        }
    }

    private static async Task<int> CountAsync(string connectionString, string sql, Guid[] ids, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", ids);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
