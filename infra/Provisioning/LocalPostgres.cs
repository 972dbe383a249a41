using Npgsql;
using SpecialistPlatform.Contracts;

namespace SpecialistPlatform.Provisioning;

/// <summary>A private PostgreSQL cluster: initdb on first start, then the postmaster in the foreground.</summary>
public sealed class LocalPostgres(LocalServerOptions options) : LocalServer(ResourceNames.Servers.Postgres, options)
{
    private string ClusterDirectory => Path.Combine(DataDirectory, "pgdata");

    public string DatabaseName { get; init; } = ResourceNames.DatabaseName;

    public override string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={DatabaseName}";

    private string AdminConnectionString =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=3;Pooling=false";

    protected override string ServiceUser => "postgres";
    protected override string ProcessName => "postgres";

    // SIGINT is Postgres's "fast shutdown": roll back open transactions, checkpoint, exit.
    protected override int StopSignal => PosixProcess.SigInt;

    private string _bin = "";

    protected override async Task LocateBinariesAsync(CancellationToken cancellationToken) =>
        _bin = await ServerBinaries.RequireAsync("PostgreSQL", ServerBinaries.PostgresBinDirectory, "postgresql", Options.Log, cancellationToken);

    protected override async Task<ChildProcessSpec> PrepareAsync(CancellationToken cancellationToken)
    {
        var bin = _bin;
        if (!File.Exists(Path.Combine(ClusterDirectory, "PG_VERSION")))
        {
            Options.Log(Name, $"initialising a new cluster in {ClusterDirectory}");
            await RunHelperAsync(
                new ChildProcessSpec(Name, Path.Combine(bin, "initdb"),
                    ["-D", ClusterDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"]),
                cancellationToken);
        }

        List<string> arguments =
        [
            "-D", ClusterDirectory, "-p", Port.ToString(), "-k", ClusterDirectory,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300",
        ];
        if (!Options.Durable)
        {
            arguments.AddRange(["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]);
        }

        return new ChildProcessSpec(Name, Path.Combine(bin, "postgres"), arguments) { RunAsUser = RunAsUser };
    }

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync(cancellationToken);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    protected override async Task AfterReadyAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", DatabaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            // Identifiers cannot be parameters; the name is ours (a constant or a test's generated name).
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{DatabaseName}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
