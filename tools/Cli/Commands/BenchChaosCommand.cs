using System.CommandLine;
using Spectre.Console;
using SpecialistPlatform.Cli.Load;
using SpecialistPlatform.Cli.Platform;
using SpecialistPlatform.Contracts;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>
/// specialist bench chaos [--rate R] [--faults a,b,...]: the promise "no accepted job is lost, whatever dies", tried
/// against a running AppHost. Submits jobs at a fixed rate while it kills each server and service with SIGKILL in turn,
/// waits for the AppHost to restart it, and prints per fault: accepted, final, lost, audit records duplicated, and the
/// longest time from a job's acceptance to its final state. Exit code 0 only when nothing was lost or duplicated and
/// every job was final within --final-within seconds of the last restart.
/// </summary>
internal static class BenchChaosCommand
{
    /// <summary>Every server, then every service: the order the issue's fault suite names.</summary>
    public static readonly string[] AllFaults =
    [
        ResourceNames.Servers.Postgres, ResourceNames.Servers.RabbitMq, ResourceNames.Servers.Redis,
        ResourceNames.Services.Gateway, ResourceNames.Services.Workflow, ResourceNames.Services.ComplianceChecker,
        ResourceNames.Services.IntentClassifier, ResourceNames.Services.Extraction, ResourceNames.Services.FrontierEscalation,
    ];

    public static Command Build()
    {
        var dataDir = new Option<string>("--data-dir")
        {
            Description = "The AppHost's data folder: its state file names the processes to kill and where everything listens.",
            DefaultValueFactory = _ => AppHostState.DefaultDataDirectory(),
        };
        var apiKey = new Option<string?>("--api-key") { Description = "A submitter key; default: SPECIALIST_DEV_API_KEY, else the AppHost's dev key." };
        var rate = new Option<double>("--rate") { Description = "Offered rate, jobs per second, for the whole run.", DefaultValueFactory = _ => 200 };
        var kind = new Option<string>("--kind") { Description = "Job kind to submit.", DefaultValueFactory = _ => "email" };
        var faults = new Option<string>("--faults")
        {
            Description = $"Resources to kill, in order, comma-separated. Default: {string.Join(",", AllFaults)}.",
            DefaultValueFactory = _ => string.Join(",", AllFaults),
        };
        var interval = new Option<int>("--interval") { Description = "Seconds of load before the first kill and after each restart.", DefaultValueFactory = _ => 10 };
        var restartTimeout = new Option<int>("--restart-timeout") { Description = "Seconds to wait for the AppHost to restart a killed resource.", DefaultValueFactory = _ => 120 };
        var finalWithin = new Option<int>("--final-within") { Description = "Seconds after the last restart by which every accepted job must be final.", DefaultValueFactory = _ => 60 };
        var concurrency = new Option<int>("--concurrency") { Description = "Most HTTP submissions in flight.", DefaultValueFactory = _ => 256 };

        var command = new Command("chaos", "Kill every server and service in turn (SIGKILL) under load, and count accepted against final jobs.")
        {
            dataDir, apiKey, rate, kind, faults, interval, restartTimeout, finalWithin, concurrency,
        };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var console = CliApp.ConsoleFor(parseResult);
            var directory = parseResult.GetRequiredValue(dataDir);
            var state = new AppHostState(directory);
            var settings = new ChaosSettings(
                new Uri(state.ServiceUrl(ResourceNames.Services.Gateway)),
                parseResult.GetValue(apiKey) ?? Environment.GetEnvironmentVariable("SPECIALIST_DEV_API_KEY") ?? state.DevApiKey(),
                state.ServerConnectionString(ResourceNames.Servers.Postgres),
                directory,
                parseResult.GetRequiredValue(kind),
                parseResult.GetRequiredValue(rate),
                parseResult.GetRequiredValue(concurrency),
                [.. parseResult.GetRequiredValue(faults).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                TimeSpan.FromSeconds(parseResult.GetRequiredValue(interval)),
                TimeSpan.FromSeconds(parseResult.GetRequiredValue(restartTimeout)),
                TimeSpan.FromSeconds(parseResult.GetRequiredValue(finalWithin)));
            var known = state.ProcessIds();
            foreach (var fault in settings.Faults.Where(f => !known.ContainsKey(f)))
            {
                throw new UsageException($"--faults names '{fault}', which the AppHost's state does not list; known: {string.Join(", ", known.Keys)}.");
            }

            var report = await ChaosBenchmark.RunAsync(settings, line => console.WriteLine(line), cancellationToken);

            console.WriteLine("");
            console.WriteLine($"{"fault",-22} {"back after",10} {"accepted",9} {"final",7} {"lost",5} {"dup audit",9} {"max accept→final",17}  refused");
            foreach (var fault in report.Faults)
            {
                var back = fault.RestartSeconds is { } s ? $"{Number(s, "0.0")} s" : fault.Fault == ChaosBenchmark.Baseline ? "" : "never";
                var refused = fault.Refused.Count == 0 ? "-" : string.Join(", ", fault.Refused.Select(r => $"{r.Key} x{r.Value}"));
                console.WriteLine($"{fault.Fault,-22} {back,10} {fault.Accepted,9} {fault.Final,7} {fault.Lost,5} {fault.DuplicatedAuditRecords,9} {Number(fault.LongestAcceptToFinalSeconds, "0.0") + " s",17}  {refused}");
            }

            var lost = report.Faults.Sum(f => f.Lost);
            var duplicated = report.Faults.Sum(f => f.DuplicatedAuditRecords);
            console.WriteLine("");
            console.WriteLine($"total: {report.Faults.Sum(f => f.Accepted)} accepted, {report.Faults.Sum(f => f.Final)} final, {lost} lost, {duplicated} audit records duplicated; " +
                              $"last job final {Number(report.SecondsFromLastRestartToAllFinal, "0.0")} s after the last restart");
            var restartedAll = report.Faults.All(f => f.Fault == ChaosBenchmark.Baseline || f.RestartSeconds is not null);
            return lost == 0 && duplicated == 0 && restartedAll && report.SecondsFromLastRestartToAllFinal <= settings.FinalTimeout.TotalSeconds ? 0 : 2;
        }));
        return command;
    }
}
