using Npgsql;

namespace SpecialistPlatform.Workflow;

/// <summary>Keeps monthly audit partitions two months ahead (the default partition catches anything else).</summary>
public sealed class AuditPartitionMaintenance(NpgsqlDataSource dataSource, ILogger<AuditPartitionMaintenance> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        do
        {
            try
            {
                await using var command = dataSource.CreateCommand("SELECT ensure_audit_partitions(2)");
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (NpgsqlException e)
            {
                logger.LogWarning(e, "Could not create next months' audit partitions; records go to the default partition meanwhile");
            }
        }
        while (await Delay(TimeSpan.FromHours(6), stoppingToken));
    }

    private static async Task<bool> Delay(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
