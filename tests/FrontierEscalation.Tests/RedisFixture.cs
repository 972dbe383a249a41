using SpecialistPlatform.TestInfrastructure;

[assembly: AssemblyFixture(typeof(SpecialistPlatform.FrontierEscalation.Tests.RedisFixture))]

namespace SpecialistPlatform.FrontierEscalation.Tests;

/// <summary>A private Redis on 127.0.0.1 for the spend ledger and rate limits, started and stopped by the AppHost (with
/// its Postgres, where the audit trail's writer is run for the escalation step's records).</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private readonly PlatformServers _servers = new();

    public string ConnectionString => _servers.RedisConnectionString;

    /// <summary>The database owner's connection, schema applied.</summary>
    public string PostgresConnectionString => _servers.PostgresConnectionString;

    public async ValueTask InitializeAsync() => await _servers.StartAsync(CancellationToken.None);

    public async ValueTask DisposeAsync() => await _servers.DisposeAsync();
}
