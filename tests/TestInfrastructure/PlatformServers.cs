using SpecialistPlatform.Provisioning;

namespace SpecialistPlatform.TestInfrastructure;

/// <summary>
/// Private Postgres, Redis and RabbitMQ for one test run, started with the same provisioning code the AppHost
/// uses: free ports on 127.0.0.1, a temporary data folder, every process stopped by its pid at the end.
/// Deliberately free of any test framework, so each test project wraps it in its own fixture.
/// </summary>
public sealed class PlatformServers : IAsyncDisposable
{
    private readonly List<string> _log = [];

    public PlatformServers(string? dataDirectory = null)
    {
        // Under /tmp, not the home folder: the servers run as their own users when tests run as root.
        DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "specialist-tests", Guid.NewGuid().ToString("N")[..12]);
        var log = (ProcessLog)Remember;
        Postgres = new LocalPostgres(Options("postgres", log));
        Redis = new LocalRedis(Options("redis", log));
        RabbitMq = new LocalRabbitMq(Options("rabbitmq", log));
    }

    public string DataDirectory { get; }
    public LocalPostgres Postgres { get; }
    public LocalRedis Redis { get; }
    public LocalRabbitMq RabbitMq { get; }

    public IEnumerable<LocalServer> All => [Postgres, Redis, RabbitMq];

    /// <summary>The environment a service process needs to reach these servers, in .NET's conventions.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStringVariables => new Dictionary<string, string>
    {
        [$"ConnectionStrings__{Contracts.ResourceNames.ConnectionStrings.PlatformDatabase}"] = Postgres.ConnectionString,
        [$"ConnectionStrings__{Contracts.ResourceNames.ConnectionStrings.Redis}"] = Redis.ConnectionString,
        [$"ConnectionStrings__{Contracts.ResourceNames.ConnectionStrings.RabbitMq}"] = RabbitMq.ConnectionString,
    };

    public string Log
    {
        get
        {
            lock (_log)
            {
                return string.Join(Environment.NewLine, _log);
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        // In parallel: RabbitMQ's few seconds of boot dominate, the others hide behind it.
        await Task.WhenAll(All.Select(server => server.StartAsync(cancellationToken)));
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(All.Select(server => server.StopAsync()));
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A folder left in /tmp is harmless; failing the run over it would not be.
        }
    }

    private LocalServerOptions Options(string name, ProcessLog log) => new()
    {
        DataDirectory = Path.Combine(DataDirectory, name),
        Durable = false,
        Log = log,
        StartTimeout = TimeSpan.FromSeconds(90),
    };

    private void Remember(string resource, string line)
    {
        lock (_log)
        {
            _log.Add($"[{resource}] {line}");
        }
    }
}
