using Npgsql;
using SpecialistPlatform.Provisioning;
using SpecialistPlatform.TestInfrastructure;

namespace SpecialistPlatform.Provisioning.Tests;

/// <summary>Each test starts its own servers: what is under test is starting and stopping them.</summary>
public sealed class LocalServerTests
{
    [Fact]
    public async Task Starts_postgres_redis_and_rabbitmq_on_loopback_and_stops_them_by_pid()
    {
        var servers = new PlatformServers();
        int[] pids;
        try
        {
            await servers.StartAsync(TestContext.Current.CancellationToken);
            pids = [.. servers.All.SelectMany(server => server.Pids)];
            pids.Length.ShouldBe(4, "postgres, redis, rabbitmq and rabbitmq's own epmd");
            pids.ShouldAllBe(pid => PosixProcess.IsAlive(pid));

            await using (var connection = new NpgsqlConnection(servers.Postgres.ConnectionString))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await using var command = new NpgsqlCommand("SELECT current_database()", connection);
                (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldBe("specialist");
            }

            ListeningAddresses.Of(pids).ShouldNotBeEmpty();
            // Erlang's epmd always adds the IPv6 loopback ::1 beside the address it is given; both are loopback.
            ListeningAddresses.Of(pids).ShouldAllBe(endpoint => ListeningAddresses.IsLoopback(endpoint),
                $"every listener must be on loopback; log:\n{servers.Log}");
        }
        finally
        {
            await servers.DisposeAsync();
        }

        pids.ShouldAllBe(pid => !PosixProcess.IsAlive(pid));
    }

    [Fact]
    public async Task Postgres_keeps_its_data_across_a_restart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "specialist-tests", Guid.NewGuid().ToString("N")[..12]);
        var options = new LocalServerOptions { DataDirectory = folder, Durable = true };
        try
        {
            await using (var first = new LocalPostgres(options))
            {
                await first.StartAsync(TestContext.Current.CancellationToken);
                await ExecuteAsync(first.ConnectionString, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
            }

            await using var second = new LocalPostgres(options);
            await second.StartAsync(TestContext.Current.CancellationToken);
            (await ExecuteAsync(second.ConnectionString, "SELECT value FROM kept")).ShouldBe("still here");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Stops_a_server_left_running_by_an_earlier_run_before_starting_again()
    {
        var folder = Path.Combine(Path.GetTempPath(), "specialist-tests", Guid.NewGuid().ToString("N")[..12]);
        var options = new LocalServerOptions { DataDirectory = folder, Durable = false };
        try
        {
            // The first instance is abandoned without Stop, as when an AppHost is killed with SIGKILL.
            var abandoned = new LocalRedis(options);
            await abandoned.StartAsync(TestContext.Current.CancellationToken);
            var leftoverPid = abandoned.Pid!.Value;

            await using var next = new LocalRedis(options);
            await next.StartAsync(TestContext.Current.CancellationToken);

            PosixProcess.IsAlive(leftoverPid).ShouldBeFalse();
            PosixProcess.IsAlive(next.Pid!.Value).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<object?> ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
