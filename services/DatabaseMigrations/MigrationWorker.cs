using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Security;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Keys;
using SpecialistPlatform.Jobs.Audit;
using SpecialistPlatform.Jobs.Intake;

namespace SpecialistPlatform.DatabaseMigrations;

/// <summary>
/// Applies the EF Core migrations as the database owner (the only process that connects as the owner), then, in
/// Development, makes the `dev` tenant's key the one the AppHost printed, revoking any earlier dev key. Exits with 0
/// when done and 1 with the reason when not, which the dashboard shows as the resource's final state.
/// </summary>
public sealed class MigrationWorker(
    IConfiguration configuration,
    IHostEnvironment environment,
    IOptions<DevelopmentTenantOptions> developmentTenant,
    IOptions<AuditChainOptions> auditChain,
    ILoggerFactory loggerFactory,
    IHostApplicationLifetime lifetime,
    ILogger<MigrationWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Activity = new("SpecialistPlatform.DatabaseMigrations");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var activity = Activity.StartActivity("Migrate database");
        try
        {
            // The owner's connection when the AppHost gives one; a platform on a given database may have only one.
            var connectionString = configuration.GetConnectionString(ResourceNames.ConnectionStrings.DatabaseOwner)
                ?? configuration.GetConnectionString(ResourceNames.ConnectionStrings.PlatformDatabase)
                ?? throw new InvalidOperationException(
                    $"Setting 'ConnectionStrings:{ResourceNames.ConnectionStrings.DatabaseOwner}' is missing. Set the environment variable " +
                    $"ConnectionStrings__{ResourceNames.ConnectionStrings.DatabaseOwner} (the AppHost does this).");
            var stopwatch = Stopwatch.StartNew();
            var applied = await DataExtensions.MigrateAsync(connectionString, stoppingToken);
            logger.LogInformation(applied.Count == 0
                ? "Schema is up to date ({Elapsed} ms)"
                : "Schema: applied {Migrations} ({Elapsed} ms)", applied.Count == 0 ? stopwatch.ElapsedMilliseconds : string.Join(", ", applied), stopwatch.ElapsedMilliseconds);

            if (configuration.GetConnectionString(ResourceNames.ConnectionStrings.PlatformDatabase) is { Length: > 0 } services)
            {
                await GiveServicesRoleItsPasswordAsync(connectionString, services, stoppingToken);
            }

            if (environment.IsDevelopment() && developmentTenant.Value.ApiKey is { Length: > 0 } key)
            {
                var revoked = await SeedDevelopmentKeyAsync(connectionString, key, stoppingToken);
                logger.LogInformation("Development tenant '{Tenant}' has the AppHost's key{Revoked}", DevelopmentTenantOptions.TenantId,
                    revoked > 0 ? $"; {revoked} earlier dev key(s) revoked" : "");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogCritical(e, "Migrating the database failed: {Reason}", e.Message);
            Environment.ExitCode = 1;
        }

        lifetime.StopApplication();
    }

    /// <summary>
    /// Stores the AppHost's dev key and revokes earlier ones, each change recorded in the dev tenant's audit trail like
    /// any other key change (so the AppHost needs to give this worker the audit chain key, as it does the services).
    /// </summary>
    private async Task<int> SeedDevelopmentKeyAsync(string connectionString, string key, CancellationToken cancellationToken)
    {
        var chainKey = auditChain.Value;
        if (string.IsNullOrEmpty(chainKey.ChainKey))
        {
            throw new InvalidOperationException("Audit:ChainKey is missing: the development key's changes could not be recorded, so none is made. " +
                                                "The AppHost passes the one in its data folder.");
        }

        await using var db = new PlatformDbContext(new DbContextOptionsBuilder<PlatformDbContext>().UseNpgsql(connectionString).Options);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var writer = new AuditTrailWriter(dataSource, new AuditChain(chainKey.KeyBytes()), loggerFactory.CreateLogger<AuditTrailWriter>());
        var keys = new AuditedApiKeys(db, new ApiKeyStore(db, TimeProvider.System), writer, TimeProvider.System);
        return await keys.EnsureOnlyKeyAsync(DevelopmentTenantOptions.TenantId, "Development", key,
            [ApiKeyRoles.Submitter, ApiKeyRoles.Auditor, ApiKeyRoles.Admin, ApiKeyRoles.PlatformAdmin],
            new ChangeActor(ResourceNames.Services.DatabaseMigrations, "apphost:development-key"), cancellationToken);
    }

    /// <summary>
    /// The services' role (created by the JobPipeline migration, without a password) gets the password its connection
    /// string carries, on every run, so a new or rotated password needs no manual step. Set as a SCRAM verifier: the
    /// password itself never reaches the server, or its log. A connection string for the owner itself, or without a
    /// password (a database given from outside, whose roles are its administrator's), changes nothing.
    /// </summary>
    private async Task GiveServicesRoleItsPasswordAsync(string ownerConnectionString, string servicesConnectionString, CancellationToken cancellationToken)
    {
        var owner = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        var services = new NpgsqlConnectionStringBuilder(servicesConnectionString);
        if (services.Username is not { Length: > 0 } role || role == owner.Username || services.Password is not { Length: > 0 } password)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var statement = new NpgsqlCommand("SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', @role, @verifier)", connection);
        statement.Parameters.AddWithValue("role", role);
        statement.Parameters.AddWithValue("verifier", PostgresScramVerifier.For(password));
        var alter = (string)(await statement.ExecuteScalarAsync(cancellationToken))!;
        await using var command = new NpgsqlCommand(alter, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        logger.LogInformation("Database role '{Role}' has the password of the services' connection string", role);
    }
}
