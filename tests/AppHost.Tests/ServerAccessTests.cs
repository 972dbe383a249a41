using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text;
using Npgsql;
using SpecialistPlatform.AppHost.LocalServers;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.TestInfrastructure;

namespace SpecialistPlatform.AppHost.Tests;

/// <summary>
/// Who can reach the platform's servers and what they can read of them (docs/decisions/0019): Postgres and Redis
/// refuse anyone without the password, root and other local users alike, and no server inherits the AppHost's
/// environment, where the frontier API keys live. One platform (servers and schema) for all of them.
/// </summary>
public sealed class ServerAccessTests(ServerAccessTests.ServersWithPlantedSecret servers) : IClassFixture<ServerAccessTests.ServersWithPlantedSecret>
{
    [Fact]
    public async Task Postgres_refuses_every_login_without_its_password_and_accepts_the_connection_strings_the_apphost_gives()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var owner = new NpgsqlConnectionStringBuilder(servers.OwnerConnectionString);

        foreach (var role in new[] { PostgresServerResource.Owner, ResourceNames.ServiceDatabaseRole })
        {
            var withoutPassword = new NpgsqlConnectionStringBuilder(owner.ConnectionString) { Username = role, Password = null, Pooling = false };
            var refused = await Should.ThrowAsync<NpgsqlException>(() => OpenAndSelectOneAsync(withoutPassword.ConnectionString, cancellationToken));
            refused.Message.ShouldContain("password", Case.Insensitive, role);

            var wrongPassword = new NpgsqlConnectionStringBuilder(owner.ConnectionString) { Username = role, Password = "not-the-password", Pooling = false };
            var wrong = await Should.ThrowAsync<PostgresException>(() => OpenAndSelectOneAsync(wrongPassword.ConnectionString, cancellationToken));
            wrong.SqlState.ShouldBe(PostgresErrorCodes.InvalidPassword, role);
        }

        (await OpenAndSelectOneAsync(servers.OwnerConnectionString, cancellationToken)).ShouldBe(1);
        (await OpenAndSelectOneAsync(servers.ServiceConnectionString, cancellationToken)).ShouldBe(1);

        // Debian's psql, as root over the cluster's Unix socket (which root can reach whatever its mode), then as
        // another local user over TCP; -w: fail rather than ask for a password.
        var psql = Path.Combine(ServerBinaries.PostgresBinDirectory()!, "psql");
        string[] query = ["-p", owner.Port.ToString(), "-U", PostgresServerResource.Owner, "-d", ResourceNames.DatabaseName, "-w", "-c", "SELECT 1"];
        var overSocket = await RunWithoutEnvironmentAsync(psql, ["-h", Path.Combine(servers.Platform.DataDirectory, "postgres", "pgdata"), .. query], cancellationToken);
        overSocket.ExitCode.ShouldNotBe(0, overSocket.Output);
        overSocket.Output.ShouldContain("no password supplied");

        if (PosixProcess.IsRoot)
        {
            var asNobody = await RunWithoutEnvironmentAsync("/usr/sbin/runuser", ["-u", "nobody", "--", psql, "-h", "127.0.0.1", .. query], cancellationToken);
            asNobody.ExitCode.ShouldNotBe(0, asNobody.Output);
            asNobody.Output.ShouldContain("no password supplied");
        }
    }

    [Fact]
    public async Task Redis_refuses_commands_without_its_password_and_keeps_it_off_its_command_line()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (port, password) = servers.RedisPortAndPassword();

        (await ExchangeAsync(port, "PING\r\n", cancellationToken)).ShouldStartWith("-NOAUTH");
        (await ExchangeAsync(port, "DEL frontier:dev:spend:2026-12\r\n", cancellationToken)).ShouldStartWith("-NOAUTH");
        (await ExchangeAsync(port, "AUTH not-the-password\r\n", cancellationToken)).ShouldStartWith("-WRONGPASS");
        (await ExchangeAsync(port, $"AUTH {password}\r\nPING\r\n", cancellationToken, expectedLength: 12)).ShouldBe("+OK\r\n+PONG\r\n");

        // What every local user can read with ps.
        var commandLine = await File.ReadAllTextAsync($"/proc/{servers.Platform.Pid(ResourceNames.Servers.Redis)}/cmdline", cancellationToken);
        commandLine.ShouldContain("redis-server");
        commandLine.ShouldNotContain(password);
    }

    [Fact]
    public async Task Servers_do_not_inherit_the_apphosts_environment()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        foreach (var server in new[] { ResourceNames.Servers.Postgres, ResourceNames.Servers.Redis, ResourceNames.Servers.RabbitMq, ResourceNames.Servers.RabbitMqEpmd })
        {
            var pid = servers.Platform.Pid(server);
            var environment = await EnvironmentOfAsync(pid, cancellationToken);
            environment.ShouldContain(variable => variable.StartsWith("PATH=", StringComparison.Ordinal), server);
            environment.ShouldNotContain(variable => variable.Contains(ServersWithPlantedSecret.PlantedValue), server);
            environment.ShouldNotContain(variable => variable.StartsWith("ConnectionStrings__", StringComparison.Ordinal), server);

            // The orchestrator that started the server did hold the planted secret: the server was offered it and did not take it.
            var parent = ParentOf(pid);
            (await EnvironmentOfAsync(parent, cancellationToken)).ShouldContain($"{ServersWithPlantedSecret.PlantedName}={ServersWithPlantedSecret.PlantedValue}",
                $"{server}'s parent {parent} ({PosixProcess.CommandName(parent)})");
        }
    }

    [Fact]
    [SupportedOSPlatform("linux")]
    public void Passwords_and_the_state_file_that_repeats_them_are_readable_by_their_owner_alone()
    {
        foreach (var file in new[]
        {
            LocalServerBuilderExtensions.PostgresOwnerPasswordFile, LocalServerBuilderExtensions.PostgresServicePasswordFile,
            LocalServerBuilderExtensions.RedisPasswordFile, Supervision.PlatformStateFile.FileName, Path.Combine("redis", "redis.conf"),
        })
        {
            File.GetUnixFileMode(Path.Combine(servers.Platform.DataDirectory, file)).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, file);
        }
    }

    private static async Task<int> OpenAndSelectOneAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Runs a client with no environment at all: no PGPASSWORD, and HOME unset, so no ~/.pgpass either.</summary>
    private static async Task<(int ExitCode, string Output)> RunWithoutEnvironmentAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("/usr/bin/env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-i", program }.Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await error + await output);
    }

    private static async Task<string> ExchangeAsync(int port, string request, CancellationToken cancellationToken, int expectedLength = 1)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), cancellationToken);
        var buffer = new byte[256];
        var received = 0;
        while (received < expectedLength)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(received), cancellationToken);
            if (read == 0)
            {
                break;
            }

            received += read;
        }

        return Encoding.ASCII.GetString(buffer, 0, received);
    }

    private static async Task<string[]> EnvironmentOfAsync(int pid, CancellationToken cancellationToken) =>
        (await File.ReadAllTextAsync($"/proc/{pid}/environ", cancellationToken)).Split('\0', StringSplitOptions.RemoveEmptyEntries);

    private static int ParentOf(int pid)
    {
        // /proc/<pid>/stat: "pid (comm) state ppid ...", where comm may hold spaces.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
    }

    /// <summary>The servers and the schema, started with a secret planted in the AppHost's own environment, as a
    /// frontier API key is when given as <c>Frontier__Models__0__ApiKey</c>. Its name binds to no service setting, so
    /// a platform another test starts meanwhile (which inherits it too) behaves the same.</summary>
    public sealed class ServersWithPlantedSecret : IAsyncLifetime
    {
        public const string PlantedName = "PlantedByServerAccessTests__ApiKey";
        public static readonly string PlantedValue = "sk-planted-" + Guid.NewGuid().ToString("N");

        private PlatformApp? _platform;

        public PlatformApp Platform => _platform ?? throw new InvalidOperationException("The platform is not started.");

        public string OwnerConnectionString { get; private set; } = "";

        public string ServiceConnectionString { get; private set; } = "";

        public string RedisConnectionString { get; private set; } = "";

        public (int Port, string Password) RedisPortAndPassword()
        {
            // "127.0.0.1:<port>,password=<password>", as the AppHost gives it to the services.
            var parts = RedisConnectionString.Split(',');
            var password = parts.Single(part => part.StartsWith("password=", StringComparison.Ordinal))["password=".Length..];
            return (int.Parse(parts[0].Split(':')[1]), password);
        }

        public async ValueTask InitializeAsync()
        {
            Environment.SetEnvironmentVariable(PlantedName, PlantedValue);
            try
            {
                _platform = await PlatformApp.StartAsync(new PlatformAppOptions { Services = [] }, CancellationToken.None);
            }
            finally
            {
                Environment.SetEnvironmentVariable(PlantedName, null);
            }

            OwnerConnectionString = await Platform.ConnectionStringAsync(ResourceNames.ConnectionStrings.DatabaseOwner);
            ServiceConnectionString = await Platform.ConnectionStringAsync(ResourceNames.ConnectionStrings.PlatformDatabase);
            RedisConnectionString = await Platform.ConnectionStringAsync(ResourceNames.ConnectionStrings.Redis);
        }

        public async ValueTask DisposeAsync()
        {
            if (_platform is not null)
            {
                await _platform.DisposeAsync();
            }
        }
    }
}
