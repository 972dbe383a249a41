using System.Collections.Concurrent;
using System.Diagnostics;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.FrontierEscalation.Frontier;
using SpecialistPlatform.Jobs.Intake;
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.FrontierEscalation.Activities;

/// <summary>
/// The escalation step's work on a batch, apart from MassTransit so it can be run and retried in a test: reserve, ask,
/// keep each job's outcome and audit record (<see cref="EscalationOutcomes"/>), then send the records. A job whose call
/// already happened in an earlier attempt of the step is not asked again: its kept outcome and the very same record are
/// used (docs/decisions/0023).
/// </summary>
public sealed class EscalationStep(Escalator escalator, EscalationOutcomes outcomes)
{
    /// <param name="sendAudit">Sends the records to the audit writer (the activity's <c>context.AuditAsync</c>). When it
    /// throws, the step throws, and its retry finds every call of this attempt kept.</param>
    public async Task<List<BatchedJob>> RunAsync(IReadOnlyList<BatchedJob> jobs, Func<IReadOnlyList<RecordAudit>, Task> sendAudit,
        CancellationToken cancellationToken)
    {
        // A job held for review (moderation) never leaves, even if a slip carrying it reaches this step.
        var going = jobs.Where(job => job.MayReachFrontier() && job.Compliance is not null).ToList();
        // What an earlier attempt of this step already asked; Redis away fails the batch before anything is sent.
        var earlier = await outcomes.FindAsync(FrontierCallOrigin.Escalation, [.. going.Select(job => (job.TenantId, job.JobId))]);
        // The budget for every job still to ask is reserved before any job is sent. What the batch depends on fails the
        // batch: Redis away here is retried with back-off (JobStepRegistration), not a reason to fail a job.
        var reserved = (await escalator.ReserveAsync([.. going.Where(job => !earlier.ContainsKey(job.JobId)).Select(ToEscalate)]))
            .ToDictionary(escalation => escalation.Job.JobId);
        var records = new ConcurrentQueue<RecordAudit>();
        var escalated = await JobSteps.RunAsync(jobs, ResourceNames.Steps.Escalation, async job =>
        {
            if (!job.MayReachFrontier())
            {
                return job;
            }

            if (earlier.TryGetValue(job.JobId, out var kept))
            {
                records.Enqueue(kept.Record);
                return job with { Escalation = Restored(kept.Result, job.Placeholders) };
            }

            var escalation = reserved.GetValueOrDefault(job.JobId)
                ?? throw new InvalidOperationException("the job has no compliance result: nothing may leave unredacted");
            var stopwatch = Stopwatch.StartNew();
            var outcome = await escalator.EscalateAsync(escalation, cancellationToken);
            var record = Record(job, escalation.Job.Compliance, outcome, stopwatch.Elapsed);
            // Queued before it is kept: keeping cannot lose the record, whatever Redis does.
            records.Enqueue(record);
            await outcomes.KeepAsync(FrontierCallOrigin.Escalation, new KeptEscalation(outcome.Result with { Fields = outcome.AnsweredFields }, record));
            return job with { Escalation = outcome.Result };
        });

        // Written at once, not with the jobs' outcomes: text has left the building whatever happens to the jobs next.
        await sendAudit([.. records.OrderBy(record => record.OccurredAt)]);
        return escalated;
    }

    private static EscalationResult Restored(EscalationResult kept, IReadOnlyDictionary<string, string>? placeholders) =>
        kept.Fields is null ? kept : kept with { Fields = Escalator.RestoredFields(kept.Fields, placeholders) };

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

    private static RecordAudit Record(BatchedJob job, ComplianceResult compliance, EscalationOutcome outcome, TimeSpan latency) => new()
    {
        JobId = job.JobId,
        TenantId = job.TenantId,
        Step = ResourceNames.Steps.Escalation,
        Service = ResourceNames.Services.FrontierEscalation,
        Model = outcome.Result.Model,
        InputSha256 = JobIntake.Sha256(compliance.RedactedText),
        Decision = outcome.Result.Escalated ? outcome.Result.Label ?? "escalated" : outcome.FailedDecision("needs-review"),
        LatencyMs = latency.TotalMilliseconds,
        Cost = outcome.Result.Cost,
        SentOutside = outcome.SentOutside,
        Detail = outcome.AuditedReason,
        // Kept with the outcome, so a retried step sends the same record: stored precision now, not after a round trip.
        OccurredAt = Jobs.Audit.AuditChain.ToStoredPrecision(DateTimeOffset.UtcNow),
    };
}
