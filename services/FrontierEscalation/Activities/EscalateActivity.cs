using System.Diagnostics;
using MassTransit;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.FrontierEscalation.Frontier;
using SpecialistPlatform.Jobs.Intake;
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.FrontierEscalation.Activities;

/// <summary>
/// The only door to a large model. The <see cref="Escalator"/> decides what to ask and validates the answers; this step
/// records in the audit trail exactly what left the building (hash and size of the redacted text, the model, tokens and
/// cost) and hands the result to the workflow. Whatever goes wrong ends in NeedsReview with the reason, never a guess.
/// </summary>
public sealed class EscalateActivity(Escalator escalator) : IExecuteActivity<Escalate>
{
    public async Task<ExecutionResult> Execute(ExecuteContext<Escalate> context)
    {
        var arguments = context.Arguments;
        var stopwatch = Stopwatch.StartNew();
        var (result, sentOutside) = await escalator.EscalateAsync(arguments, context.CancellationToken);

        await context.AuditAsync(new RecordAudit
        {
            JobId = arguments.JobId,
            TenantId = arguments.TenantId,
            Step = ResourceNames.Steps.Escalation,
            Service = ResourceNames.Services.FrontierEscalation,
            Model = result.Model,
            InputSha256 = JobIntake.Sha256(arguments.Compliance.RedactedText),
            Decision = result.Escalated ? result.Label ?? "escalated" : "needs-review",
            LatencyMs = stopwatch.Elapsed.TotalMilliseconds,
            Cost = result.Cost,
            SentOutside = sentOutside,
            Detail = result.Reason,
        });
        return context.CompletedWithVariables(new Dictionary<string, object> { ["Escalation"] = result });
    }
}
