using MassTransit;
using MassTransit.Courier.Contracts;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.Workflow.Consumers;

/// <summary>Turns the end of a job's routing slip into the job's final state, result and event.</summary>
public sealed class RoutingSlipOutcomeConsumer(JobOutcomes outcomes) :
    IConsumer<RoutingSlipCompleted>,
    IConsumer<RoutingSlipFaulted>
{
    private static readonly Uri CompareWithFrontierAddress = new($"queue:{ResourceNames.Queues.CompareWithFrontier}");

    public async Task Consume(ConsumeContext<RoutingSlipCompleted> context)
    {
        var slip = context.Message;
        var result = new JobResult
        {
            Compliance = Variable<ComplianceResult>(context, "Compliance"),
            Intent = Variable<IntentResult>(context, "Intent"),
            Extraction = Variable<ExtractionResult>(context, "Extraction"),
            Escalation = Variable<EscalationResult>(context, "Escalation"),
        };
        var job = await outcomes.FinishAsync(context, slip.TrackingNumber, result,
            StepResults.AuditRecords(slip.Variables, key => context.GetVariable<RecordAudit>(key)));

        // Chosen for shadow comparison: the frontier classifies it too, after the caller already has the result, so the
        // comparison never slows a job down. An escalation that classified the job already holds the frontier's label.
        var escalatedAnswer = result.Escalation is { Escalated: true, Label: { } frontierLabel } escalation
            ? new EscalatedClassification(frontierLabel, escalation.Model, escalation.Cost)
            : null;
        if (job is not null && result is { Intent: { } intent, Compliance: { } compliance } && (result.Escalation is null || escalatedAnswer is not null)
            && slip.Variables.ContainsKey(StepResults.FrontierShadowVariable))
        {
            var endpoint = await context.GetSendEndpoint(CompareWithFrontierAddress);
            await endpoint.Send(new CompareWithFrontier
            {
                JobId = job.Id,
                TenantId = job.TenantId,
                Kind = job.Kind,
                RedactedText = compliance.RedactedText,
                SpecialistLabel = intent.Label,
                SpecialistConfidence = intent.Confidence,
                ModelVersion = intent.ModelVersion,
                Labels = context.GetVariable<List<string>>(StepResults.IntentLabelsVariable) ?? [],
                EscalatedAnswer = escalatedAnswer,
            }, context.CancellationToken);
        }
    }

    public Task Consume(ConsumeContext<RoutingSlipFaulted> context) =>
        outcomes.FailAsync(context, context.Message.TrackingNumber,
            string.Join("; ", context.Message.ActivityExceptions.Select(e => $"{e.Name}: {e.ExceptionInfo.Message}")),
            StepResults.AuditRecords(context.Message.Variables, key => context.GetVariable<RecordAudit>(key)));

    private static T? Variable<T>(ConsumeContext<RoutingSlipCompleted> context, string name) where T : class =>
        context.Message.Variables.ContainsKey(name) ? context.GetVariable<T>(name) : null;
}
