using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.FrontierEscalation.Frontier;
using SpecialistPlatform.Jobs.Intake;
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.FrontierEscalation.Consumers;

/// <summary>
/// Shadow evaluation against the frontier: classifies a job the router already decided, with the same validated task
/// and budgets as escalation, and stores both labels, the cost and the latency. Aggregated per model version and class
/// (table frontier_comparisons), this is the router's accuracy against the frontier on the tenant's own traffic.
/// </summary>
public sealed class CompareWithFrontierConsumer(Escalator escalator, EscalationOutcomes outcomes, PlatformDbContext db) : IConsumer<CompareWithFrontier>
{
    public async Task Consume(ConsumeContext<CompareWithFrontier> context)
    {
        var message = context.Message;
        if (await db.FrontierComparisons.AnyAsync(c => c.JobId == message.JobId, context.CancellationToken))
        {
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        EscalationResult result;
        double? frontierLatencyMs = null;
        if (message.EscalatedAnswer is { } known)
        {
            // The escalation's own call, already in the audit trail: nothing is sent again.
            result = new EscalationResult(true, "escalated", known.Model, known.Cost, null, known.Label);
        }
        else
        {
            // Kept by job id before the audit record is sent: a redelivery (the send failed, the comparison could not
            // be saved) reuses the call and sends the same record again instead of paying for a second call.
            var kept = await outcomes.FindAsync(FrontierCallOrigin.Shadow, message.TenantId, message.JobId);
            if (kept is null)
            {
                var outcome = await escalator.EscalateAsync(new Escalate
                {
                    JobId = message.JobId,
                    TenantId = message.TenantId,
                    Kind = message.Kind,
                    Compliance = new ComplianceResult([], "redact", message.RedactedText),
                    EscalationReasons = ["shadow comparison"],
                    IntentLabels = message.Labels,
                }, context.CancellationToken, FrontierCallOrigin.Shadow);
                var (called, sentOutside) = (outcome.Result, outcome.SentOutside);
                kept = new KeptEscalation(called, new RecordAudit
                {
                    JobId = message.JobId,
                    TenantId = message.TenantId,
                    Step = ResourceNames.Steps.FrontierShadow,
                    Service = ResourceNames.Services.FrontierEscalation,
                    Model = called.Model,
                    InputSha256 = JobIntake.Sha256(message.RedactedText),
                    Decision = called.Escalated ? called.Label ?? "answered" : outcome.FailedDecision("failed"),
                    LatencyMs = stopwatch.Elapsed.TotalMilliseconds,
                    Cost = called.Cost,
                    SentOutside = sentOutside,
                    Detail = called.Escalated ? null : outcome.AuditedReason,
                });
                await outcomes.KeepAsync(FrontierCallOrigin.Shadow, kept);
            }

            result = kept.Result;
            frontierLatencyMs = kept.Record.LatencyMs;
            // A shadow call sends the job's redacted text outside like an escalation does, so the auditors see it too:
            // written at once, before the comparison, with what was sent, the tokens, the cost, and whether it failed.
            await context.AuditAsync([kept.Record]);
        }

        db.FrontierComparisons.Add(new FrontierComparison
        {
            JobId = message.JobId,
            TenantId = message.TenantId,
            Kind = message.Kind,
            ModelVersion = message.ModelVersion,
            SpecialistLabel = message.SpecialistLabel,
            SpecialistConfidence = message.SpecialistConfidence,
            FrontierLabel = result.Label,
            FrontierModel = result.Model,
            Agreed = result.Label == message.SpecialistLabel,
            Problem = result.Escalated ? null : result.Reason,
            Cost = result.Cost,
            FrontierLatencyMs = frontierLatencyMs,
            FromEscalation = message.EscalatedAnswer is not null,
        });
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A redelivery raced the first delivery; one record is enough.
        }
    }
}
