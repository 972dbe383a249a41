using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using SpecialistPlatform.Cli.Platform;

namespace SpecialistPlatform.Cli.Load;

/// <summary>What to run: the load, and which resources of a running AppHost to kill, one after another.</summary>
public sealed record ChaosSettings(
    Uri Gateway, string ApiKey, string DatabaseConnectionString, string DataDirectory, string Kind, double Rate, int Concurrency,
    IReadOnlyList<string> Faults, TimeSpan Interval, TimeSpan RestartTimeout, TimeSpan FinalTimeout);

/// <summary>One fault and what happened to the jobs accepted from its kill until the next one.</summary>
public sealed record FaultReport(
    string Fault, int[] KilledPids, double? RestartSeconds, int Accepted, int Final, int Lost, int DuplicatedAuditRecords,
    double LongestAcceptToFinalSeconds, IReadOnlyDictionary<string, int> Refused);

public sealed record ChaosReport(IReadOnlyList<FaultReport> Faults, double SecondsFromLastRestartToAllFinal, bool AllFinal);

/// <summary>
/// The fault suite anyone can run against a running AppHost: jobs go in through the gateway at a fixed rate the whole
/// time (open loop), while each named server or service is killed with SIGKILL in turn; the AppHost restarts it, and
/// the next fault follows <see cref="ChaosSettings.Interval"/> after the restart. Jobs are counted from the database,
/// not from events (the broker is one of the things killed): every job that got a 202 must reach a final state, once,
/// with no audit record written twice. A job is charged to the fault in whose window it was accepted (from that kill
/// to the next); jobs accepted before the first kill are the baseline.
/// </summary>
public static class ChaosBenchmark
{
    public const string Baseline = "(before any fault)";

    private sealed record AcceptedJob(Guid Id, int Phase);

    public static async Task<ChaosReport> RunAsync(ChaosSettings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        var phases = new List<(string Fault, int[] Pids, double? RestartSeconds)> { (Baseline, [], null) };
        var phase = 0;
        var accepted = new ConcurrentBag<AcceptedJob>();
        var refused = new ConcurrentDictionary<(int Phase, string Why), int>();

        using var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var load = SubmitUntilStoppedAsync(settings, () => Volatile.Read(ref phase), accepted, refused, stopLoad.Token);

        var lastRestart = Stopwatch.GetTimestamp();
        await Task.Delay(settings.Interval, cancellationToken);
        foreach (var fault in settings.Faults)
        {
            var pids = new AppHostState(settings.DataDirectory).ProcessIds().GetValueOrDefault(fault)
                ?? throw new UsageException($"The AppHost's state names no resource '{fault}'.");
            foreach (var pid in pids)
            {
                Kill(pid);
            }

            var killedAt = Stopwatch.GetTimestamp();
            phases.Add((fault, pids, null));
            Interlocked.Increment(ref phase);
            progress($"killed {fault} (pid {string.Join(", ", pids)}) with SIGKILL; {accepted.Count} jobs accepted so far");
            var restarted = await WaitForRestartAsync(settings.DataDirectory, fault, pids, settings.RestartTimeout, cancellationToken);
            var seconds = restarted ? Stopwatch.GetElapsedTime(killedAt).TotalSeconds : (double?)null;
            phases[^1] = (fault, pids, seconds);
            lastRestart = Stopwatch.GetTimestamp();
            progress(restarted ? $"{fault} is back (new process) after {seconds:0.0} s" : $"{fault} did not come back within {settings.RestartTimeout.TotalSeconds:0} s");
            await Task.Delay(settings.Interval, cancellationToken);
        }

        await stopLoad.CancelAsync();
        await load;
        progress($"load stopped: {accepted.Count} jobs accepted; waiting up to {settings.FinalTimeout.TotalSeconds:0} s for every one to be final");

        var jobs = accepted.ToList();
        var ids = jobs.Select(j => j.Id).ToArray();
        var states = await WaitForFinalAsync(settings.DatabaseConnectionString, ids, settings.FinalTimeout, cancellationToken);
        var sinceRestart = Stopwatch.GetElapsedTime(lastRestart).TotalSeconds;
        var duplicates = await DuplicatedAuditRecordsAsync(settings.DatabaseConnectionString, ids, cancellationToken);

        var reports = phases.Select((p, index) =>
        {
            var mine = jobs.Where(j => j.Phase == index).Select(j => j.Id).ToList();
            var final = mine.Where(id => states.TryGetValue(id, out var s) && s.Final).ToList();
            return new FaultReport(
                p.Fault, p.Pids, p.RestartSeconds, mine.Count, final.Count, mine.Count - final.Count,
                mine.Sum(id => duplicates.GetValueOrDefault(id)),
                final.Count == 0 ? 0 : final.Max(id => states[id].AcceptToFinalSeconds),
                refused.Where(r => r.Key.Phase == index).ToDictionary(r => r.Key.Why, r => r.Value));
        }).ToList();
        return new ChaosReport(reports, sinceRestart, reports.All(r => r.Lost == 0));
    }

    private static void Kill(int pid)
    {
        try
        {
            // Process.Kill is SIGKILL on Linux: no shutdown hooks, no flushing, as in a power cut or the OOM killer.
            using var process = Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }

    /// <summary>Back means: the AppHost's state file names a live process for the resource that is none of the killed ones.</summary>
    private static async Task<bool> WaitForRestartAsync(string dataDirectory, string resource, int[] killed, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(250, cancellationToken);
            try
            {
                var pids = new AppHostState(dataDirectory).ProcessIds().GetValueOrDefault(resource) ?? [];
                if (pids.Length > 0 && pids.All(pid => !killed.Contains(pid) && IsAlive(pid)))
                {
                    return true;
                }
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                // The AppHost is rewriting the file.
            }
        }

        return false;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task SubmitUntilStoppedAsync(
        ChaosSettings settings, Func<int> phase, ConcurrentBag<AcceptedJob> accepted, ConcurrentDictionary<(int, string), int> refused,
        CancellationToken stop)
    {
        using var http = OpenLoop.GatewayClient(settings.Gateway, settings.ApiKey, settings.Concurrency);
        await OpenLoop.RunAsync(settings.Rate, settings.Concurrency, count: null, async i =>
        {
            var submittedIn = phase();
            var text = LoadBenchmark.Texts[i % LoadBenchmark.Texts.Length];
            try
            {
                // Not tied to the stop token: a submission under way is seen to its answer, so a 202 is never missed.
                using var response = await http.PostAsJsonAsync("/api/v1/jobs", new { kind = settings.Kind, text }, CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None);
                    accepted.Add(new AcceptedJob(body.GetProperty("jobId").GetGuid(), submittedIn));
                }
                else
                {
                    refused.AddOrUpdate((submittedIn, $"HTTP {(int)response.StatusCode}"), 1, (_, n) => n + 1);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                refused.AddOrUpdate((submittedIn, e is TaskCanceledException ? "timeout" : "connection refused or reset"), 1, (_, n) => n + 1);
            }
        }, stop);
    }

    private sealed record JobState(bool Final, double AcceptToFinalSeconds);

    /// <summary>Polls the jobs table (through a fresh connection each time: Postgres is one of the things killed) until
    /// every job is Completed, NeedsReview or Failed, or the timeout passes.</summary>
    private static async Task<Dictionary<Guid, JobState>> WaitForFinalAsync(
        string connectionString, Guid[] ids, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var states = new Dictionary<Guid, JobState>();
        while (true)
        {
            try
            {
                states = await ReadStatesAsync(connectionString, ids, cancellationToken);
            }
            catch (NpgsqlException)
            {
                // Still coming back.
            }

            if (states.Count == ids.Length && states.Values.All(s => s.Final) || Stopwatch.GetTimestamp() > deadline)
            {
                return states;
            }

            await Task.Delay(1000, cancellationToken);
        }
    }

    private static async Task<Dictionary<Guid, JobState>> ReadStatesAsync(string connectionString, Guid[] ids, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT "Id", "Status" IN ('Completed', 'NeedsReview', 'Failed'), EXTRACT(EPOCH FROM "UpdatedAt" - "CreatedAt")::float8
            FROM jobs WHERE "Id" = ANY(@ids)
            """, connection);
        command.Parameters.AddWithValue("ids", ids);
        var states = new Dictionary<Guid, JobState>(ids.Length);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            states[reader.GetGuid(0)] = new JobState(reader.GetBoolean(1), reader.GetDouble(2));
        }

        return states;
    }

    /// <summary>Audit records beyond the first for the same job and step, per job: the trail must hold each step once.</summary>
    private static async Task<Dictionary<Guid, int>> DuplicatedAuditRecordsAsync(string connectionString, Guid[] ids, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT "JobId", sum(n - 1)::int FROM (
                SELECT "JobId", count(*) AS n FROM audit_records WHERE "JobId" = ANY(@ids) GROUP BY "JobId", "Step" HAVING count(*) > 1) d
            GROUP BY "JobId"
            """, connection);
        command.Parameters.AddWithValue("ids", ids);
        var duplicates = new Dictionary<Guid, int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            duplicates[reader.GetGuid(0)] = reader.GetInt32(1);
        }

        return duplicates;
    }
}
