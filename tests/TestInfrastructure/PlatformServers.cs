using SpecialistPlatform.Contracts;

namespace SpecialistPlatform.TestInfrastructure;

/// <summary>
/// Private Postgres (with the schema), Redis and RabbitMQ for tests of one library or service: the AppHost with no
/// services, so the servers are started exactly as the platform starts them, on ports the orchestrator chose.
/// Deliberately free of any test framework, so each test project wraps it in its own fixture.
/// </summary>
public sealed class PlatformServers : IAsyncDisposable
{
    private PlatformApp? _platform;

    /// <summary>The database owner's connection (migrations applied).</summary>
    public string PostgresConnectionString { get; private set; } = "";
    public string RedisConnectionString { get; private set; } = "";
    public string RabbitMqConnectionString { get; private set; } = "";

    public string Log => _platform?.Output ?? "";

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _platform = await PlatformApp.StartAsync(new PlatformAppOptions { Services = [] }, cancellationToken);
        PostgresConnectionString = await _platform.ConnectionStringAsync(ResourceNames.ConnectionStrings.DatabaseOwner, cancellationToken);
        RedisConnectionString = await _platform.ConnectionStringAsync(ResourceNames.ConnectionStrings.Redis, cancellationToken);
        RabbitMqConnectionString = await _platform.ConnectionStringAsync(ResourceNames.ConnectionStrings.RabbitMq, cancellationToken);
    }

    /// <summary>The environment a service process needs to reach these servers, in .NET's conventions.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStringVariables => new Dictionary<string, string>
    {
        [$"ConnectionStrings__{ResourceNames.ConnectionStrings.PlatformDatabase}"] = PostgresConnectionString,
        [$"ConnectionStrings__{ResourceNames.ConnectionStrings.Redis}"] = RedisConnectionString,
        [$"ConnectionStrings__{ResourceNames.ConnectionStrings.RabbitMq}"] = RabbitMqConnectionString,
    };

    public async ValueTask DisposeAsync()
    {
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }
}
