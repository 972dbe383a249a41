using System.CommandLine;
using Spectre.Console;
using SpecialistPlatform.Cli.Load;
using SpecialistPlatform.Cli.Platform;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>
/// specialist bench load [--jobs N] [--rate R]: drives a running platform (the AppHost's) through its gateway and
/// reports sustained jobs/s, end-to-end latency and errors, then the broker's own round-trip rate on this machine.
/// Without --gateway/--rabbitmq/--api-key it reads them from the AppHost's data folder.
/// </summary>
internal static class BenchLoadCommand
{
    private const string BenchClient = "bench client";

    public static Command Build()
    {
        var dataDir = new Option<string>("--data-dir")
        {
            Description = "The AppHost's data folder (apphost-state.json and dev-api-key are read from it).",
            DefaultValueFactory = _ => AppHostState.DefaultDataDirectory(),
        };
        var gateway = new Option<string?>("--gateway") { Description = "Gateway base URL; default: the AppHost's." };
        var rabbitMq = new Option<string?>("--rabbitmq") { Description = "AMQP URI to observe job events on; default: the AppHost's." };
        var apiKey = new Option<string?>("--api-key") { Description = "A submitter key; default: SPECIALIST_DEV_API_KEY, else the AppHost's dev key." };
        var jobs = new Option<int>("--jobs") { Description = "Jobs to submit.", DefaultValueFactory = _ => 2000 };
        var rate = new Option<double>("--rate") { Description = "Offered rate, jobs per second (open loop).", DefaultValueFactory = _ => 200 };
        var kind = new Option<string>("--kind") { Description = "Job kind to submit.", DefaultValueFactory = _ => "email" };
        var concurrency = new Option<int>("--concurrency") { Description = "Most HTTP submissions in flight.", DefaultValueFactory = _ => 256 };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the last jobs to finish.", DefaultValueFactory = _ => 120 };
        var brokerSeconds = new Option<int>("--broker-seconds") { Description = "Seconds of raw broker round trips to measure (0: skip).", DefaultValueFactory = _ => 5 };

        var command = new Command("load", "Load-test a running platform end to end through the gateway, and measure the broker's raw rate.")
        {
            dataDir, gateway, rabbitMq, apiKey, jobs, rate, kind, concurrency, timeout, brokerSeconds,
        };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var console = CliApp.ConsoleFor(parseResult);
            var state = new AppHostState(parseResult.GetRequiredValue(dataDir));
            var settings = new LoadSettings(
                new Uri(parseResult.GetValue(gateway) ?? state.ServiceUrl("gateway")),
                parseResult.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("SPECIALIST_DEV_API_KEY") ?? state.DevApiKey(),
                new Uri(parseResult.GetValue(rabbitMq) ?? state.ServerConnectionString("rabbitmq")),
                Positive(parseResult.GetRequiredValue(jobs), "--jobs"),
                Positive(parseResult.GetRequiredValue(rate), "--rate"),
                parseResult.GetRequiredValue(kind),
                TimeSpan.FromSeconds(Positive(parseResult.GetRequiredValue(timeout), "--timeout")),
                Positive(parseResult.GetRequiredValue(concurrency), "--concurrency"));

            // This benchmark's own HTTP client shares the cores too: its CPU is reported beside the platform's.
            var processes = new Dictionary<string, int[]>(state.ProcessIds()) { [BenchClient] = [Environment.ProcessId] };
            var cpuBefore = ProcessCpu.Snapshot(processes);
            using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var peakMemory = SamplePeakMemoryAsync(processes, stopSampling.Token);
            var report = await LoadBenchmark.RunAsync(settings, line => console.WriteLine(line), cancellationToken);
            await stopSampling.CancelAsync();
            var peaks = await peakMemory;
            var cpuAfter = ProcessCpu.Snapshot(processes);
            console.WriteLine($"jobs submitted              {report.Submitted} ({report.Accepted} accepted) in {Number(report.SubmitSeconds, "0.00")} s: offered {Number(report.OfferedRate, "0.0")} jobs/s");
            console.WriteLine($"jobs finished               {report.Finished} ({string.Join(", ", report.FinishedByStatus.Select(p => $"{p.Key} {p.Value}"))}); not finished in time: {report.NotFinished}");
            console.WriteLine($"sustained end to end        {Number(report.SustainedJobsPerSecond, "0.0")} jobs/s (finished jobs / first submit to last finish)");
            console.WriteLine($"submit latency (HTTP 202)   p50 {Ms(report.SubmitLatency.P50)}  p95 {Ms(report.SubmitLatency.P95)}  p99 {Ms(report.SubmitLatency.P99)}  max {Ms(report.SubmitLatency.Max)}");
            console.WriteLine($"end-to-end latency          p50 {Ms(report.EndToEndLatency.P50)}  p95 {Ms(report.EndToEndLatency.P95)}  p99 {Ms(report.EndToEndLatency.P99)}  max {Ms(report.EndToEndLatency.Max)}");
            console.WriteLine($"errors                      {(report.Rejected.Count == 0 ? "none" : string.Join(", ", report.Rejected.Select(p => $"{p.Key} x{p.Value}")))}");
            if (report.Finished > 0 && cpuAfter.Count > 0)
            {
                // Over the whole run, waits included: at low rates idle work (timers, polling) is a larger share.
                var perJob = cpuAfter.Where(p => cpuBefore.ContainsKey(p.Key))
                    .Select(p => (Name: p.Key, Ms: (p.Value - cpuBefore[p.Key]) * 1000 / report.Finished)).OrderByDescending(p => p.Ms).ToList();
                var platform = perJob.Where(p => p.Name != BenchClient).ToList();
                console.WriteLine($"CPU per finished job        {string.Join("  ", platform.Select(p => $"{p.Name} {Number(p.Ms, "0.00")}"))}");
                console.WriteLine($"CPU per job, whole platform {Number(platform.Sum(p => p.Ms), "0.00")} ms"
                    + string.Concat(perJob.Where(p => p.Name == BenchClient).Select(p => $"; this benchmark's client {Number(p.Ms, "0.00")} ms")));
            }

            if (peaks.Count > 0)
            {
                // Bounded queues show here: under overload each process's peak stays put instead of growing with the backlog.
                console.WriteLine($"peak memory (PSS)           {string.Join("  ", peaks.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value / (1024 * 1024)} MiB"))}");
            }

            var seconds = parseResult.GetRequiredValue(brokerSeconds);
            if (seconds > 0)
            {
                var broker = await BrokerBenchmark.RoundTripsPerSecondAsync(settings.RabbitMq, TimeSpan.FromSeconds(seconds), cancellationToken);
                console.WriteLine($"broker round trips          {Number(broker, "0")} msg/s (persistent, confirmed, acked; 1 KB)");
                console.WriteLine($"ratio                       {Number(report.SustainedJobsPerSecond / broker * 100, "0.0")}% of the broker's raw rate as jobs/s");
            }

            return report.NotFinished == 0 && report.Rejected.Count == 0 ? 0 : 2;
        }));
        return command;
    }

    /// <summary>The largest memory (proportional set size, descendants included) each process group reached, sampled
    /// twice a second.</summary>
    private static async Task<Dictionary<string, long>> SamplePeakMemoryAsync(IReadOnlyDictionary<string, int[]> processes, CancellationToken stop)
    {
        var peaks = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            while (true)
            {
                foreach (var (name, bytes) in ProcessCpu.ProportionalBytes(processes))
                {
                    peaks[name] = Math.Max(bytes, peaks.GetValueOrDefault(name));
                }

                await Task.Delay(500, stop);
            }
        }
        catch (OperationCanceledException)
        {
            return peaks;
        }
    }

    private static T Positive<T>(T value, string option) where T : IComparable<T> =>
        value.CompareTo(default!) > 0 ? value : throw new UsageException($"{option} must be greater than zero.");

    private static string Ms(double value) => double.IsNaN(value) ? "n/a" : Number(value, "0.0") + " ms";
}
