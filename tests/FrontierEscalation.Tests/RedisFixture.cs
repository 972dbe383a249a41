using SpecialistPlatform.TestInfrastructure;

[assembly: AssemblyFixture(typeof(SpecialistPlatform.FrontierEscalation.Tests.RedisFixture))]

namespace SpecialistPlatform.FrontierEscalation.Tests;

/// <summary>A private Redis on 127.0.0.1 for the spend ledger and rate limits, stopped by its pid at the end.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private readonly PlatformServers _servers = new();

    public string ConnectionString => _servers.Redis.ConnectionString;

    public async ValueTask InitializeAsync() => await _servers.Redis.StartAsync(CancellationToken.None);

    public async ValueTask DisposeAsync() => await _servers.DisposeAsync();
}
