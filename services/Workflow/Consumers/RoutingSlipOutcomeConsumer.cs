using System.Text.Json;
using MassTransit;
using MassTransit.Courier.Contracts;
using Npgsql;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.Workflow.Consumers;

/// <summary>
/// Turns the ends of routing slips into jobs' final states, results and events, many slips (each with its batch of jobs)
/// at a time: one transaction for all their job updates and audit records. A job a step was unsure of is not finished
/// here: it goes on to the frontier in an escalation slip with the other unsure jobs of its slip, so the sure ones never
/// wait for a frontier call. A batch that fails (the database away) is retried whole; every job in it is recorded at
/// most once however often it is retried.
/// </summary>
public sealed class RoutingSlipCompletedConsumer(JobOutcomes outcomes, NpgsqlDataSource dataSource) : IConsumer<Batch<RoutingSlipCompleted>>
{
    private static readonly Uri CompareWithFrontierAddress = new($"queue:{ResourceNames.Queues.CompareWithFrontier}");

    public async Task Consume(ConsumeContext<Batch<RoutingSlipCompleted>> context)
    {
        var ended = new List<JobOutcome>();
        var unsure = new List<(BatchedJob Job, Guid SlipTrackingNumber)>();
        var shadowed = new Dictionary<Guid, BatchedJob>();
        foreach (var slip in context.Message)
        {
            var trackingNumber = slip.Message.TrackingNumber;
            foreach (var entry in Jobs(slip))
            {
                if (entry.Job is not { } job)
                {
                    ended.Add(entry.Unreadable! with { SlipTrackingNumber = trackingNumber });
                }
                else if (job.NeedsEscalation())
                {
                    unsure.Add((job, trackingNumber));
                }
                else
                {
                    ended.Add(JobOutcome.Of(job) with { SlipTrackingNumber = trackingNumber });
                    if (job.FrontierShadow && job.MayReachFrontier())
                    {
                        shadowed[job.JobId] = job;
                    }
                }
            }
        }

        if (unsure.Count > 0)
        {
            var due = await outcomes.DueForEscalationAsync(unsure, context.CancellationToken);
            foreach (var slip in unsure.Where(u => due.Contains((u.Job.JobId, u.SlipTrackingNumber))).GroupBy(u => u.SlipTrackingNumber))
            {
                // Sent through the in-memory outbox, after the outcomes below are committed: a redelivered slip end finds
                // its finished jobs recorded already and sends the unsure ones again, which the audit trail and the
                // outcome handle as a repeat.
                await context.Execute(JobItinerary.BuildEscalation(slip.Key, [.. slip.Select(u => u.Job)]));
            }

            // Progress: the escalation leg gets a whole stall timeout of its own.
            await StalledJobSweeper.RenewLeasesAsync(dataSource, [.. due.Select(d => d.JobId).Distinct()], resent: false, context.CancellationToken);
        }

        var recorded = await outcomes.RecordAsync(ended, context.CancellationToken);
        await JobOutcomes.PublishAsync(context, recorded, context.CancellationToken);
        foreach (var done in recorded)
        {
            if (shadowed.TryGetValue(done.Outcome.JobId, out var job))
            {
                await SendForShadowComparisonAsync(context, job, done);
            }
        }
    }

    private static List<SlipJob> Jobs(ConsumeContext<RoutingSlipCompleted> slip) =>
        SlipJobs.Read(slip.Message.TrackingNumber,
            () => slip.GetVariable<List<BatchedJob>>(JobSteps.JobsVariable),
            () => slip.GetVariable<List<JsonElement>>(JobSteps.JobsVariable));

    /// <summary>Chosen for shadow comparison: the frontier classifies it too, after the caller already has the result, so
    /// the comparison never slows a job down. An escalation that classified the job already holds the frontier's label.</summary>
    private static async Task SendForShadowComparisonAsync(ConsumeContext context, BatchedJob job, RecordedOutcome recorded)
    {
        var escalatedAnswer = job.Escalation is { Escalated: true, Label: { } frontierLabel } escalation
            ? new EscalatedClassification(frontierLabel, escalation.Model, escalation.Cost)
            : null;
        if (job is not { Intent: { } intent, Compliance: { } compliance } || (job.Escalation is not null && escalatedAnswer is null))
        {
            return;
        }

        var endpoint = await context.GetSendEndpoint(CompareWithFrontierAddress);
        await endpoint.Send(new CompareWithFrontier
        {
            JobId = job.JobId,
            TenantId = recorded.TenantId,
            Kind = recorded.Kind,
            RedactedText = compliance.RedactedText,
            SpecialistLabel = intent.Label,
            SpecialistConfidence = intent.Confidence,
            ModelVersion = intent.ModelVersion,
            Labels = job.IntentLabels ?? [],
            EscalatedAnswer = escalatedAnswer,
        }, context.CancellationToken);
    }
}

/// <summary>A step kept failing on its whole batch (after the retries): every job the slip carried fails with every
/// step's reason. Rare, so one slip at a time.</summary>
public sealed class RoutingSlipFaultedConsumer(JobOutcomes outcomes) : IConsumer<RoutingSlipFaulted>
{
    public async Task Consume(ConsumeContext<RoutingSlipFaulted> context)
    {
        var reason = string.Join("; ", context.Message.ActivityExceptions.Select(e => $"{e.Name}: {e.ExceptionInfo.Message}"));
        var jobs = SlipJobs.Read(context.Message.TrackingNumber,
            () => context.GetVariable<List<BatchedJob>>(JobSteps.JobsVariable),
            () => context.GetVariable<List<JsonElement>>(JobSteps.JobsVariable));
        var failed = jobs.Select(entry => (entry.Job is { } job
            ? JobOutcome.Failed(job.JobId, job.FailureReason ?? reason, job.Audit) with { ClaimedTenantId = job.TenantId }
            : entry.Unreadable! with { Reason = $"{reason}; {entry.Unreadable.Reason}" })
            with { SlipTrackingNumber = context.Message.TrackingNumber }).ToList();
        var recorded = await outcomes.RecordAsync(failed, context.CancellationToken);
        await JobOutcomes.PublishAsync(context, recorded, context.CancellationToken);
    }
}
