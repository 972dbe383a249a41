using MassTransit;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;

namespace SpecialistPlatform.Jobs.Steps;

/// <summary>
/// How a step ends: it sets its result as a routing-slip variable, and when it is unsure it revises the itinerary
/// to add escalation (once) with its reason. Also where steps send their audit record from.
/// </summary>
public static class StepResults
{
    public const string EscalationReasonsVariable = "EscalationReasons";
    public const string IntentLabelsVariable = "IntentLabels";
    public const string FrontierShadowVariable = "FrontierShadow";
    private const string EscalationActivity = ResourceNames.Steps.Escalation;
    private static readonly Uri EscalationAddress = new($"queue:{ResourceNames.Queues.Escalate}");
    private static readonly Uri AuditAddress = new($"queue:{ResourceNames.Queues.Audit}");

    /// <param name="forEscalation">Variables only the escalation step needs (the router's label set), set only when escalating.</param>
    public static ExecutionResult Complete<TArguments>(
        ExecuteContext<TArguments> context, string variable, object result, IReadOnlyList<string> escalationReasons, string? escalateBecause,
        IReadOnlyDictionary<string, object>? forEscalation = null)
        where TArguments : class
    {
        if (escalateBecause is null)
        {
            return context.CompletedWithVariables(new Dictionary<string, object> { [variable] = result });
        }

        var reasons = escalationReasons.Append(escalateBecause).ToList();
        // The variables go through the itinerary builder: the ReviseItinerary overloads that take variables also
        // take a compensation log, which an execute-only activity does not have.
        return context.ReviseItinerary(itinerary =>
        {
            itinerary.AddVariable(variable, result);
            itinerary.AddVariable(EscalationReasonsVariable, reasons);
            foreach (var (name, value) in forEscalation ?? new Dictionary<string, object>())
            {
                itinerary.AddVariable(name, value);
            }

            itinerary.AddActivitiesFromSourceItinerary();
            // An earlier reason means an earlier step already added escalation to the itinerary.
            if (escalationReasons.Count == 0)
            {
                itinerary.AddActivity(EscalationActivity, EscalationAddress);
            }
        });
    }

    public static async Task AuditAsync(this ISendEndpointProvider sender, RecordAudit record)
    {
        var endpoint = await sender.GetSendEndpoint(AuditAddress);
        await endpoint.Send(record);
    }
}
