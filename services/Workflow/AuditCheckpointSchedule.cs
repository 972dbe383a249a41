using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Data;
using SpecialistPlatform.Jobs.Audit;

namespace SpecialistPlatform.Workflow;

/// <summary>
/// Every <see cref="AuditChainOptions.CheckpointInterval"/>, a signed checkpoint for each tenant whose chain grew, in
/// the checkpoint folder outside the database. A chain that no longer verifies gets no checkpoint (that would vouch
/// for the tampering) and an error in the log instead.
/// </summary>
public sealed class AuditCheckpointSchedule(
    IServiceScopeFactory scopes, IOptions<AuditChainOptions> options, TimeProvider time, ILogger<AuditCheckpointSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckpointInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await CheckpointAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Checkpointing the audit trail failed; trying again at the next tick");
            }
        }
    }

    private async Task CheckpointAllAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var checkpointer = scope.ServiceProvider.GetRequiredService<AuditCheckpointer>();
        var tenants = await db.AuditChainHeads.AsNoTracking().Select(h => h.TenantId).ToListAsync(cancellationToken);
        foreach (var tenant in tenants)
        {
            // One tenant whose trail cannot be read (a record edited into something that no longer parses) must not
            // keep every tenant after it from its checkpoint.
            CheckpointAttempt attempt;
            try
            {
                attempt = await checkpointer.TakeAsync(tenant, scheduled: true, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Checkpointing the audit trail of tenant {Tenant} failed; trying again at the next tick", tenant);
                continue;
            }

            if (attempt.Verification.FirstBroken is { } broken)
            {
                logger.LogError("The audit chain of tenant {Tenant} does not verify ({Kind} at record {Sequence}: {Problem}); no checkpoint taken",
                    tenant, broken.Kind, broken.Sequence, broken.Problem);
            }
            else if (attempt.Checkpoint is { } checkpoint)
            {
                logger.LogInformation("Audit checkpoint for tenant {Tenant} at record {Sequence}", tenant, checkpoint.Sequence);
            }
        }
    }
}
