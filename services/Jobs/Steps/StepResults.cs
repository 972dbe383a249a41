using MassTransit;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;

namespace SpecialistPlatform.Jobs.Steps;

/// <summary>
/// How a step ends: it sets its result and its audit record as routing-slip variables, and when it is unsure it
/// revises the itinerary to add escalation (once) with its reason. The workflow writes the slip's audit records with
/// the job's outcome in one message (<see cref="AuditRecords"/>); a step that sends text outside or stops the job
/// sends its record at once (<see cref="AuditAsync"/>).
/// </summary>
public static class StepResults
{
    public const string EscalationReasonsVariable = "EscalationReasons";
    public const string IntentLabelsVariable = "IntentLabels";
    public const string FrontierShadowVariable = "FrontierShadow";

    /// <summary>A step's audit record rides the slip under this prefix and its step name.</summary>
    public const string AuditVariablePrefix = "Audit.";
    private const string EscalationActivity = ResourceNames.Steps.Escalation;
    private static readonly Uri EscalationAddress = new($"queue:{ResourceNames.Queues.Escalate}");
    private static readonly Uri AuditAddress = new($"queue:{ResourceNames.Queues.Audit}");

    /// <param name="forEscalation">Variables only the escalation step needs (the router's label set), set only when escalating.</param>
    public static ExecutionResult Complete<TArguments>(
        ExecuteContext<TArguments> context, string variable, object result, RecordAudit audit, IReadOnlyList<string> escalationReasons,
        string? escalateBecause, IReadOnlyDictionary<string, object>? forEscalation = null)
        where TArguments : class
    {
        if (escalateBecause is null)
        {
            return context.CompletedWithVariables(new Dictionary<string, object> { [variable] = result, [AuditVariable(audit)] = audit });
        }

        var reasons = escalationReasons.Append(escalateBecause).ToList();
        // The variables go through the itinerary builder: the ReviseItinerary overloads that take variables also
        // take a compensation log, which an execute-only activity does not have.
        return context.ReviseItinerary(itinerary =>
        {
            itinerary.AddVariable(variable, result);
            itinerary.AddVariable(AuditVariable(audit), audit);
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

    public static string AuditVariable(RecordAudit audit) => AuditVariablePrefix + audit.Step;

    /// <summary>The audit records that steps left in a finished slip's variables, oldest first.</summary>
    public static List<RecordAudit> AuditRecords(IDictionary<string, object> variables, Func<string, RecordAudit?> read) =>
    [
        .. variables.Keys.Where(key => key.StartsWith(AuditVariablePrefix, StringComparison.Ordinal))
            .Select(read).OfType<RecordAudit>().OrderBy(record => record.OccurredAt),
    ];

    public static async Task AuditAsync(this ISendEndpointProvider sender, params IReadOnlyList<RecordAudit> records)
    {
        var endpoint = await sender.GetSendEndpoint(AuditAddress);
        await endpoint.Send(new AppendAudit(records));
    }
}
