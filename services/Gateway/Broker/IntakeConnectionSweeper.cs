using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Contracts.Intake;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;

namespace SpecialistPlatform.Gateway.Broker;

/// <summary>
/// Closes intake connections opened with a key that no longer works. RabbitMQ checks a password only at login, so a
/// connection would outlive its key's revocation, expiry or rotation for as long as the client keeps it. Every
/// <see cref="IntakeConnectionsOptions.SweepInterval"/> the sweeper lists the intake virtual host's connections
/// through the management API, reads the keys their login names name (<see cref="BrokerLogins"/>, one query), and
/// closes each connection whose key is not active now, not its tenant's, or cannot log in any more; the tenant's other
/// keys' connections stay. A revocation through this gateway's API sweeps at once (<see cref="SweepAsync"/>); one by
/// the CLI, an expiry or the end of a rotation's grace waits for the next sweep. Connections of the broker's own users
/// (the workflow) name no key and are left alone. Without the management API (a broker given by connection string,
/// or management off) nothing is swept, and the start says so (docs/decisions/0029).
/// </summary>
public sealed class IntakeConnectionSweeper(IServiceScopeFactory scopes, IOptions<IntakeConnectionsOptions> options, TimeProvider clock,
    ILogger<IntakeConnectionSweeper> logger) : BackgroundService
{
    /// <summary>Whether a key may hold an intake connection (the login check and the sweep share it).</summary>
    public static bool MayConnect(ApiKey key) => key.Roles.Any(role => role is ApiKeyRoles.Submitter or ApiKeyRoles.Admin);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using (var probe = scopes.CreateScope())
        {
            if (probe.ServiceProvider.GetService<BrokerManagementClient>() is null)
            {
                logger.LogWarning("No broker management API (ConnectionStrings:{Name}): intake connections of a revoked or expired key stay open until they close",
                    Contracts.ResourceNames.ConnectionStrings.RabbitMqManagement);
                return;
            }
        }

        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The broker restarting, or the database: the next sweep tries again.
                logger.LogWarning(e, "Sweeping the intake connections failed; trying again in {Interval}", options.Value.SweepInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One sweep: closes the intake connections whose key stopped; returns how many it closed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        if (scope.ServiceProvider.GetService<BrokerManagementClient>() is not { } broker)
        {
            return 0;
        }

        var keyed = new List<(BrokerConnection Connection, string TenantId, Guid KeyId)>();
        foreach (var connection in await broker.ListIntakeConnectionsAsync(cancellationToken))
        {
            if (BrokerLogins.TryParse(connection.User, out var tenantId, out var keyId))
            {
                keyed.Add((connection, tenantId, keyId));
            }
        }

        if (keyed.Count == 0)
        {
            return 0;
        }

        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var keyIds = keyed.Select(k => k.KeyId).Distinct().ToList();
        var active = await db.ApiKeys.AsNoTracking().Where(ApiKey.ActiveAt(clock.GetUtcNow())).Where(k => keyIds.Contains(k.Id))
            .ToDictionaryAsync(k => k.Id, cancellationToken);
        var closed = 0;
        foreach (var (connection, tenantId, keyId) in keyed)
        {
            if (active.TryGetValue(keyId, out var key) && key.TenantId == tenantId && MayConnect(key))
            {
                continue;
            }

            await broker.CloseAsync(connection.Name, "API key revoked, expired or rotated out: log in again with a valid key", cancellationToken);
            logger.LogInformation("Closed intake connection {Connection} of tenant {Tenant}: key {KeyId} no longer works", connection.Name, tenantId, keyId);
            closed++;
        }

        return closed;
    }
}
