using MassTransit;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.FrontierEscalation.Activities;

/// <summary>
/// The only door to a large model. The <see cref="Frontier.Escalator"/> decides what to ask and validates the answers;
/// this step asks for every job of the slip at once (the workflow sends only the unsure ones here), records in the audit
/// trail exactly what left the building (hash and size of the redacted text, the model, tokens and cost) before the jobs
/// go on, and hands the results to the workflow. Whatever goes wrong ends in NeedsReview with the reason, never a guess.
/// A retry of this step (the audit send failed, say) does not ask the frontier again for a job it already asked
/// (<see cref="EscalationStep"/>).
/// </summary>
public sealed class EscalateActivity(EscalationStep step) : IExecuteActivity<EscalateJobs>
{
    public async Task<ExecutionResult> Execute(ExecuteContext<EscalateJobs> context)
    {
        var jobs = await step.RunAsync(context.Arguments.Jobs, records => context.AuditAsync(records), context.CancellationToken);
        return context.PassOn(jobs);
    }
}
