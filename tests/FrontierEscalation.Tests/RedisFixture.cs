using SpecialistPlatform.TestInfrastructure;

[assembly: AssemblyFixture(typeof(SpecialistPlatform.FrontierEscalation.Tests.RedisFixture))]

namespace SpecialistPlatform.FrontierEscalation.Tests;

/// <summary>A private Redis on 127.0.0.1 for the spend ledger and rate limits, started and stopped by the AppHost.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private readonly PlatformServers _servers = new();

    public string ConnectionString => _servers.RedisConnectionString;

    public async ValueTask InitializeAsync() => await _servers.StartAsync(CancellationToken.None);

    public async ValueTask DisposeAsync() => await _servers.DisposeAsync();
}
