using MassTransit;
using MassTransit.Courier.Contracts;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.Workflow.Consumers;

/// <summary>
/// Turns the ends of jobs' routing slips into their final states, results and events, a batch of slips at a time:
/// one transaction for the batch's job updates and audit records instead of one update, one read-back and one audit
/// message per job (the workflow's largest cost per job at high rates). A batch that fails (the database away) is
/// retried whole; every job in it is recorded at most once however often it is retried.
/// </summary>
public sealed class RoutingSlipCompletedConsumer(JobOutcomes outcomes) : IConsumer<Batch<RoutingSlipCompleted>>
{
    private static readonly Uri CompareWithFrontierAddress = new($"queue:{ResourceNames.Queues.CompareWithFrontier}");

    public async Task Consume(ConsumeContext<Batch<RoutingSlipCompleted>> context)
    {
        var slips = context.Message.Select(slip => (Slip: slip, Outcome: Outcome(slip))).ToList();
        var recorded = await outcomes.RecordAsync([.. slips.Select(s => s.Outcome)], context.CancellationToken);
        await JobOutcomes.PublishAsync(context, recorded, context.CancellationToken);

        var announced = recorded.ToDictionary(r => r.Outcome.JobId);
        foreach (var (slip, outcome) in slips)
        {
            if (outcome.Result is { } result && announced.TryGetValue(outcome.JobId, out var done))
            {
                await SendForShadowComparisonAsync(context, slip, result, done);
            }
        }
    }

    /// <summary>A slip whose results cannot be read fails its own job with the reason instead of failing the batch:
    /// a batch that kept failing would take every job in it to the error queue.</summary>
    internal static JobOutcome Outcome(ConsumeContext<RoutingSlipCompleted> slip)
    {
        var jobId = slip.Message.TrackingNumber;
        try
        {
            var result = new JobResult
            {
                Compliance = Variable<ComplianceResult>(slip, "Compliance"),
                Intent = Variable<IntentResult>(slip, "Intent"),
                Extraction = Variable<ExtractionResult>(slip, "Extraction"),
                Escalation = Variable<EscalationResult>(slip, "Escalation"),
            };
            return JobOutcome.Finished(jobId, result, AuditRecords(slip));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return JobOutcome.Failed(jobId, $"completion: the steps' results could not be read: {e.Message}", []);
        }
    }

    /// <summary>Chosen for shadow comparison: the frontier classifies it too, after the caller already has the result, so
    /// the comparison never slows a job down. An escalation that classified the job already holds the frontier's label.</summary>
    private static async Task SendForShadowComparisonAsync(
        ConsumeContext context, ConsumeContext<RoutingSlipCompleted> slip, JobResult result, RecordedOutcome recorded)
    {
        var escalatedAnswer = result.Escalation is { Escalated: true, Label: { } frontierLabel } escalation
            ? new EscalatedClassification(frontierLabel, escalation.Model, escalation.Cost)
            : null;
        if (result is not { Intent: { } intent, Compliance: { } compliance } || (result.Escalation is not null && escalatedAnswer is null)
            || !slip.Message.Variables.ContainsKey(StepResults.FrontierShadowVariable))
        {
            return;
        }

        var endpoint = await context.GetSendEndpoint(CompareWithFrontierAddress);
        await endpoint.Send(new CompareWithFrontier
        {
            JobId = recorded.Outcome.JobId,
            TenantId = recorded.TenantId,
            Kind = recorded.Kind,
            RedactedText = compliance.RedactedText,
            SpecialistLabel = intent.Label,
            SpecialistConfidence = intent.Confidence,
            ModelVersion = intent.ModelVersion,
            Labels = slip.GetVariable<List<string>>(StepResults.IntentLabelsVariable) ?? [],
            EscalatedAnswer = escalatedAnswer,
        }, context.CancellationToken);
    }

    private static List<RecordAudit> AuditRecords(ConsumeContext<RoutingSlipCompleted> slip) =>
        StepResults.AuditRecords(slip.Message.Variables, key => slip.GetVariable<RecordAudit>(key));

    private static T? Variable<T>(ConsumeContext<RoutingSlipCompleted> slip, string name) where T : class =>
        slip.Message.Variables.ContainsKey(name) ? slip.GetVariable<T>(name) : null;
}

/// <summary>A step kept failing (or a policy blocked the job): the job fails with every step's reason. Rare, so one at
/// a time.</summary>
public sealed class RoutingSlipFaultedConsumer(JobOutcomes outcomes) : IConsumer<RoutingSlipFaulted>
{
    public async Task Consume(ConsumeContext<RoutingSlipFaulted> context)
    {
        var reason = string.Join("; ", context.Message.ActivityExceptions.Select(e => $"{e.Name}: {e.ExceptionInfo.Message}"));
        var records = StepResults.AuditRecords(context.Message.Variables, key => context.GetVariable<RecordAudit>(key));
        var recorded = await outcomes.RecordAsync([JobOutcome.Failed(context.Message.TrackingNumber, reason, records)], context.CancellationToken);
        await JobOutcomes.PublishAsync(context, recorded, context.CancellationToken);
    }
}
