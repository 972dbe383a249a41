using System.Diagnostics;
using System.Text.Json;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Provisioning;
using SpecialistPlatform.TestInfrastructure;

namespace SpecialistPlatform.AppHost.Tests;

/// <summary>
/// Runs the real AppHost as a developer does, with its own private servers in a temporary data folder and
/// free ports, and checks what a developer would: everything healthy, a crashed service comes back, and
/// SIGTERM stops every process it started.
/// </summary>
public sealed class AppHostTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Brings_every_resource_to_healthy_restarts_a_crashed_service_and_stops_everything_on_sigterm()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var dataDirectory = Path.Combine(Path.GetTempPath(), "specialist-tests", "apphost-" + Guid.NewGuid().ToString("N")[..8]);
        var appHost = AppHostProcess.Start(AppHostProcess.BuiltAppHost(typeof(AppHostTests).Assembly), dataDirectory);
        try
        {
            var state = await appHost.WaitForStateAsync("Running", TimeSpan.FromMinutes(4), cancellationToken);

            var services = state.GetProperty("services").EnumerateArray().ToList();
            services.Select(s => s.GetProperty("name").GetString()).ShouldBe(ResourceNames.Services.All, ignoreOrder: true);
            foreach (var service in services)
            {
                service.GetProperty("state").GetString().ShouldBe("Healthy");
                using var health = await Http.GetAsync($"{service.GetProperty("url").GetString()}/health", cancellationToken);
                health.IsSuccessStatusCode.ShouldBeTrue(await health.Content.ReadAsStringAsync(cancellationToken));
            }

            var gatewayUrl = services.Single(s => s.GetProperty("name").GetString() == ResourceNames.Services.Gateway).GetProperty("url").GetString();
            using var gatewayHealth = JsonDocument.Parse(await Http.GetStringAsync($"{gatewayUrl}/health", cancellationToken));
            var checks = gatewayHealth.RootElement.GetProperty("checks");
            foreach (var dependency in new[] { "postgres", "redis", "masstransit-bus" })
            {
                checks.GetProperty(dependency).GetProperty("status").GetString().ShouldBe("Healthy", $"gateway's {dependency} check");
            }

            // A crash: the AppHost notices, says so, and brings the service back on the same address.
            var extraction = services.Single(s => s.GetProperty("name").GetString() == ResourceNames.Services.Extraction);
            PosixProcess.Signal(extraction.GetProperty("pid").GetInt32(), PosixProcess.SigKill);
            await appHost.WaitForOutputAsync($"{ResourceNames.Services.Extraction} is healthy again", TimeSpan.FromMinutes(2), cancellationToken);
            (await Http.GetAsync($"{extraction.GetProperty("url").GetString()}/health", cancellationToken)).IsSuccessStatusCode.ShouldBeTrue();

            var pids = state.GetProperty("servers").EnumerateArray().SelectMany(s => s.GetProperty("pids").EnumerateArray().Select(p => p.GetInt32()))
                .Concat(services.Where(s => s.GetProperty("name").GetString() != ResourceNames.Services.Extraction).Select(s => s.GetProperty("pid").GetInt32()))
                .Append(appHost.RestartedPid(ResourceNames.Services.Extraction))
                .ToList();
            pids.Count.ShouldBe(4 + ResourceNames.Services.All.Count, "postgres, redis, rabbitmq + epmd, and every service");
            pids.ShouldAllBe(pid => PosixProcess.IsAlive(pid));
            ListeningAddresses.Of(pids).ShouldAllBe(endpoint => ListeningAddresses.IsLoopback(endpoint));

            var exitCode = await appHost.StopAsync(TimeSpan.FromMinutes(1));

            exitCode.ShouldBe(0, appHost.Output);
            pids.Where(pid => PosixProcess.IsAlive(pid)).ShouldBeEmpty(appHost.Output);
            (await appHost.ReadStateAsync(cancellationToken)).GetProperty("state").GetString().ShouldBe("Stopped");
        }
        finally
        {
            await appHost.DisposeAsync();
            await LeftoverProcesses.StopAllAsync(dataDirectory, ProcessLogs.None);
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Refuses_an_unknown_service_name_with_the_list_of_known_ones()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", [AppHostProcess.BuiltAppHost(typeof(AppHostTests).Assembly), "--services", "gateway,reporting"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        process.ExitCode.ShouldBe(2);
        error.ShouldContain("Unknown service(s): reporting");
        error.ShouldContain(ResourceNames.Services.IntentClassifier);
    }
}
