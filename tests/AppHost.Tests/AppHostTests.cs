using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Npgsql;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.TestInfrastructure;

namespace SpecialistPlatform.AppHost.Tests;

/// <summary>
/// The real AppHost as Aspire's testing builder runs it, with its own private servers in a temporary data folder and
/// every port chosen by the orchestrator; checked for what a developer would notice: everything healthy and on
/// loopback, a killed service or server comes back by itself, data outlives a restart, and stopping stops everything.
/// </summary>
public sealed class AppHostTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Brings_every_resource_to_healthy_brings_back_what_is_killed_and_stops_everything()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        List<int> pids;
        await using (var platform = await PlatformApp.StartAsync(new PlatformAppOptions(), cancellationToken))
        {
            foreach (var service in ResourceNames.Services.All)
            {
                using var health = await Http.GetAsync(new Uri(platform.ServiceUrl(service), "/health"), cancellationToken);
                health.IsSuccessStatusCode.ShouldBeTrue($"{service}: {await health.Content.ReadAsStringAsync(cancellationToken)}");
            }

            using (var gatewayHealth = JsonDocument.Parse(await Http.GetStringAsync(new Uri(platform.ServiceUrl(ResourceNames.Services.Gateway), "/health"), cancellationToken)))
            {
                var checks = gatewayHealth.RootElement.GetProperty("checks");
                foreach (var dependency in new[] { "postgres", "redis", "masstransit-bus" })
                {
                    checks.GetProperty(dependency).GetProperty("status").GetString().ShouldBe("Healthy", $"gateway's {dependency} check");
                }
            }

            // A crashed service and a crashed server: the AppHost notices and brings each back on the same address.
            foreach (var resource in new[] { ResourceNames.Services.Extraction, ResourceNames.Servers.Redis })
            {
                var killed = platform.Pid(resource);
                PosixProcess.Signal(killed, PosixProcess.SigKill);
                await platform.WaitForRestartAsync(resource, killed, TimeSpan.FromMinutes(2), cancellationToken);
                await platform.WaitForOutputAsync($"{resource} restarted", TimeSpan.FromMinutes(1), cancellationToken);
            }

            (await Http.GetAsync(new Uri(platform.ServiceUrl(ResourceNames.Services.Extraction), "/health"), cancellationToken)).IsSuccessStatusCode.ShouldBeTrue();

            string[] servers = [ResourceNames.Servers.Postgres, ResourceNames.Servers.Redis, ResourceNames.Servers.RabbitMq, ResourceNames.Servers.RabbitMqEpmd];
            pids = [.. servers.Concat(ResourceNames.Services.All).Select(platform.Pid)];
            pids.ShouldAllBe(pid => PosixProcess.IsAlive(pid));
            // Erlang's epmd always adds the IPv6 loopback ::1 beside the address it is given; both are loopback.
            ListeningAddresses.Of(pids).ShouldNotBeEmpty();
            ListeningAddresses.Of(pids).ShouldAllBe(endpoint => ListeningAddresses.IsLoopback(endpoint), platform.Output);
        }

        // The services' and servers' own processes, not only their launchers, are gone once the AppHost has stopped.
        foreach (var pid in pids)
        {
            (await PosixProcess.WaitForExitAsync(pid, TimeSpan.FromSeconds(30), cancellationToken)).ShouldBeTrue($"pid {pid} still runs");
        }
    }

    [Fact]
    public async Task Postgres_keeps_its_data_across_a_restart_of_the_apphost()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var folder = Path.Combine(Path.GetTempPath(), "specialist-tests", Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var marker = Guid.NewGuid().ToString();
            const string firstDevKey = "sp_test_restart_first_0123456789abcdefghij", secondDevKey = "sp_test_restart_second_0123456789abcdefghi";
            await using (var first = await PlatformApp.StartAsync(new PlatformAppOptions { Services = [], DataDirectory = folder, DevApiKey = firstDevKey }, cancellationToken))
            {
                await using var connection = new NpgsqlConnection(await first.ConnectionStringAsync(ResourceNames.ConnectionStrings.DatabaseOwner, cancellationToken));
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand($"CREATE TABLE restart_check (value text); INSERT INTO restart_check VALUES ('{marker}')", connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            // A new dev key on the next start: stored, the old one revoked, and both changes in the dev tenant's trail.
            await using (var second = await PlatformApp.StartAsync(new PlatformAppOptions { Services = [], DataDirectory = folder, DevApiKey = secondDevKey }, cancellationToken))
            {
                await using var connection = new NpgsqlConnection(await second.ConnectionStringAsync(ResourceNames.ConnectionStrings.DatabaseOwner, cancellationToken));
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT value FROM restart_check", connection);
                (await command.ExecuteScalarAsync(cancellationToken)).ShouldBe(marker);

                await using var audit = new NpgsqlCommand("""
                    SELECT "Decision", "Service", "Detail" FROM audit_records
                    WHERE "TenantId" = 'dev' AND "Step" = 'key-management' ORDER BY "Sequence"
                    """, connection);
                var records = new List<(string Decision, string Service, string Detail)>();
                await using (var reader = await audit.ExecuteReaderAsync(cancellationToken))
                {
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        records.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                    }
                }

                records.Select(r => r.Decision).ShouldBe(["key-created", "key-created", "key-revoked"]);
                records.ShouldAllBe(r => r.Service == ResourceNames.Services.DatabaseMigrations && r.Detail.Contains("by=apphost:development-key"));
                records.ShouldAllBe(r => !r.Detail.Contains("sp_test_restart"), "no record holds a key's secret or its prefix");
                await using var keys = new NpgsqlCommand("""
                    SELECT "Id"::text FROM api_keys WHERE "TenantId" = 'dev' ORDER BY "CreatedAt"
                    """, connection);
                var firstId = (string)(await keys.ExecuteScalarAsync(cancellationToken))!;
                records[0].Detail.ShouldContain($"key={firstId}");
                records[2].Detail.ShouldContain($"key={firstId}; revoked-at=");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Postgres_data_from_before_passwords_gets_them_on_start_and_keeps_its_data()
    {
        // A cluster as earlier versions of the AppHost left it: initialised with --auth=trust, no passwords at all.
        var cancellationToken = TestContext.Current.CancellationToken;
        var folder = Path.Combine(Path.GetTempPath(), "specialist-tests", Guid.NewGuid().ToString("N")[..12]);
        var serverFolder = Path.Combine(folder, "postgres");
        var cluster = Path.Combine(serverFolder, "pgdata");
        try
        {
            await LocalServers.ServiceUser.GiveFolderAsync(serverFolder, "postgres", cancellationToken);
            await LocalServers.ServiceUser.RunAsync(Path.Combine(LocalServers.ServerBinaries.PostgresBinDirectory()!, "initdb"), "postgres", serverFolder,
                ["-D", cluster, "-U", LocalServers.PostgresServerResource.Owner, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"],
                cancellationToken);

            await using var platform = await PlatformApp.StartAsync(new PlatformAppOptions { Services = [], DataDirectory = folder }, cancellationToken);
            var owner = await platform.ConnectionStringAsync(ResourceNames.ConnectionStrings.DatabaseOwner, cancellationToken);
            foreach (var connectionString in new[] { owner, await platform.ConnectionStringAsync(ResourceNames.ConnectionStrings.PlatformDatabase, cancellationToken) })
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
            }

            var withoutPassword = new NpgsqlConnectionStringBuilder(owner) { Password = null, Pooling = false };
            await using (var refused = new NpgsqlConnection(withoutPassword.ConnectionString))
            {
                (await Should.ThrowAsync<NpgsqlException>(() => refused.OpenAsync(cancellationToken))).Message.ShouldContain("password", Case.Insensitive);
            }

            var rules = (await File.ReadAllLinesAsync(Path.Combine(cluster, "pg_hba.conf"), cancellationToken))
                .Where(line => line.Trim() is { Length: > 0 } rule && !rule.StartsWith('#')).ToList();
            rules.ShouldNotBeEmpty();
            rules.ShouldAllBe(rule => rule.TrimEnd().EndsWith("scram-sha-256"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Refuses_an_unknown_service_name_with_the_list_of_known_ones()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Platform:Services"] = "gateway,reporting" })
            .Build();

        var error = Should.Throw<ArgumentException>(() => PlatformSettings.From(configuration));

        error.Message.ShouldContain("Unknown service(s): reporting");
        error.Message.ShouldContain(ResourceNames.Services.IntentClassifier);
    }
}
