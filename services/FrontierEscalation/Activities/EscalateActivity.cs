using System.Collections.Concurrent;
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
/// asks for every job of the slip at once (the workflow sends only the unsure ones here), records in the audit trail
/// exactly what left the building (hash and size of the redacted text, the model, tokens and cost) before the jobs go
/// on, and hands the results to the workflow. Whatever goes wrong ends in NeedsReview with the reason, never a guess.
/// </summary>
public sealed class EscalateActivity(Escalator escalator) : IExecuteActivity<EscalateJobs>
{
    public async Task<ExecutionResult> Execute(ExecuteContext<EscalateJobs> context)
    {
        // The budget for every job is reserved before any job is sent. What the batch depends on fails the batch:
        // Redis away here is retried with back-off (JobStepRegistration), not a reason to fail a job.
        var reserved = (await escalator.ReserveAsync([.. context.Arguments.Jobs
                .Where(job => job.FailureReason is null && job.Compliance is not null)
                .Select(ToEscalate)]))
            .ToDictionary(escalation => escalation.Job.JobId);
        var records = new ConcurrentQueue<RecordAudit>();
        var jobs = await JobSteps.RunAsync(context.Arguments.Jobs, ResourceNames.Steps.Escalation, async job =>
        {
            var escalation = reserved.GetValueOrDefault(job.JobId)
                ?? throw new InvalidOperationException("the job has no compliance result: nothing may leave unredacted");
            var (escalated, record) = await EscalateAsync(job, escalation, context.CancellationToken);
            records.Enqueue(record);
            return escalated;
        });

        // Written at once, not with the jobs' outcomes: text has left the building whatever happens to the jobs next.
        await context.AuditAsync([.. records.OrderBy(record => record.OccurredAt)]);
        return context.PassOn(jobs);
    }

    private static Escalate ToEscalate(BatchedJob job) => new()
    {
        JobId = job.JobId,
        TenantId = job.TenantId,
        Kind = job.Kind,
        Compliance = job.Compliance!,
        EscalationReasons = job.EscalationReasons,
        Intent = job.Intent,
        Extraction = job.Extraction,
        IntentLabels = job.IntentLabels,
        Placeholders = job.Placeholders,
    };

    private async Task<(BatchedJob Job, RecordAudit Record)> EscalateAsync(BatchedJob job, ReservedEscalation escalation, CancellationToken cancellationToken)
    {
        var compliance = escalation.Job.Compliance;
        var stopwatch = Stopwatch.StartNew();
        var (result, sentOutside) = await escalator.EscalateAsync(escalation, cancellationToken);

        var record = new RecordAudit
        {
            JobId = job.JobId,
            TenantId = job.TenantId,
            Step = ResourceNames.Steps.Escalation,
            Service = ResourceNames.Services.FrontierEscalation,
            Model = result.Model,
            InputSha256 = JobIntake.Sha256(compliance.RedactedText),
            Decision = result.Escalated ? result.Label ?? "escalated" : "needs-review",
            LatencyMs = stopwatch.Elapsed.TotalMilliseconds,
            Cost = result.Cost,
            SentOutside = sentOutside,
            Detail = result.Reason,
        };
        return (job with { Escalation = result }, record);
    }
}
