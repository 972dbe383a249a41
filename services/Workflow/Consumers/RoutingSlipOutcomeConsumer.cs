using MassTransit;
using MassTransit.Courier.Contracts;
using SpecialistPlatform.Contracts.Jobs;

namespace SpecialistPlatform.Workflow.Consumers;

/// <summary>Turns the end of a job's routing slip into the job's final state, result and event.</summary>
public sealed class RoutingSlipOutcomeConsumer(JobOutcomes outcomes) :
    IConsumer<RoutingSlipCompleted>,
    IConsumer<RoutingSlipFaulted>
{
    public Task Consume(ConsumeContext<RoutingSlipCompleted> context)
    {
        var slip = context.Message;
        var result = new JobResult
        {
            Compliance = Variable<ComplianceResult>(context, "Compliance"),
            Intent = Variable<IntentResult>(context, "Intent"),
            Extraction = Variable<ExtractionResult>(context, "Extraction"),
            Escalation = Variable<EscalationResult>(context, "Escalation"),
        };
        return outcomes.FinishAsync(context, slip.TrackingNumber, result);
    }

    public Task Consume(ConsumeContext<RoutingSlipFaulted> context) =>
        outcomes.FailAsync(context, context.Message.TrackingNumber,
            string.Join("; ", context.Message.ActivityExceptions.Select(e => $"{e.Name}: {e.ExceptionInfo.Message}")));

    private static T? Variable<T>(ConsumeContext<RoutingSlipCompleted> context, string name) where T : class =>
        context.Message.Variables.ContainsKey(name) ? context.GetVariable<T>(name) : null;
}
