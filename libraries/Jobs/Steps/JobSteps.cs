using MassTransit;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Contracts.Steps;

namespace SpecialistPlatform.Jobs.Steps;

/// <summary>
/// How a step works through the jobs of a batch routing slip (docs/decisions/0013): it runs over every job no earlier
/// step stopped, adds its result and its audit record to the job, notes a reason when it is unsure (the workflow sends
/// such jobs to the frontier when the slip ends), and sets the slip's <see cref="JobsVariable"/> again.
/// A step failing on one job (its own code throwing for that text) fails that job alone with the reason; what the whole
/// batch depends on (a model, the database) is fetched before the jobs are run, so a failure there retries the batch.
/// </summary>
public static class JobSteps
{
    public const string JobsVariable = "Jobs";

    private static readonly Uri AuditAddress = new($"queue:{ResourceNames.Queues.Audit}");

    /// <summary>Runs <paramref name="run"/> on each job still going, in order.</summary>
    public static List<BatchedJob> Run(IReadOnlyList<BatchedJob> jobs, string step, Func<BatchedJob, BatchedJob> run) =>
        [.. jobs.Select(job => job.FailureReason is not null ? job : RunOne(job, step, run))];

    /// <summary>Runs <paramref name="run"/> on each job still going, all at once (steps that wait on something outside).</summary>
    public static async Task<List<BatchedJob>> RunAsync(IReadOnlyList<BatchedJob> jobs, string step, Func<BatchedJob, Task<BatchedJob>> run) =>
        [.. await Task.WhenAll(jobs.Select(async job =>
        {
            if (job.FailureReason is not null)
            {
                return job;
            }

            try
            {
                return await run(job);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return job.Failed(step, e);
            }
        }))];

    /// <summary>The step is done: the batch goes on with every job's results. (Not named Completed: ExecuteContext.Completed(log)
    /// would win over an extension and take the jobs for a compensation log.)</summary>
    public static ExecutionResult PassOn<TArguments>(this ExecuteContext<TArguments> context, IReadOnlyList<BatchedJob> jobs)
        where TArguments : class =>
        context.CompletedWithVariables(new Dictionary<string, object> { [JobsVariable] = jobs });

    /// <summary>The job with the step's audit record added (written with the job's outcome).</summary>
    public static BatchedJob Recorded(this BatchedJob job, RecordAudit audit) => job with { Audit = [.. job.Audit, audit] };

    /// <summary>The job with a reason to ask the frontier, when the step has one.</summary>
    public static BatchedJob EscalatingBecause(this BatchedJob job, string? reason) =>
        reason is null ? job : job with { EscalationReasons = [.. job.EscalationReasons, reason] };

    /// <summary>Unsure somewhere, not stopped, not held for a person, not yet escalated: the frontier's turn.</summary>
    public static bool NeedsEscalation(this BatchedJob job) =>
        job.MayReachFrontier() && job.EscalationReasons.Count > 0 && job.Escalation is null;

    /// <summary>Neither stopped nor held for review: only such a job's (redacted) text may be sent to a frontier model,
    /// for an escalation or a shadow comparison.</summary>
    public static bool MayReachFrontier(this BatchedJob job) => job.FailureReason is null && job.ReviewReason is null;

    public static BatchedJob Failed(this BatchedJob job, string step, Exception exception) =>
        job with { FailureReason = $"{step}: {exception.Message}" };

    /// <summary>Records that must not wait for the job's end (text sent outside) go to the audit writer at once.</summary>
    public static async Task AuditAsync(this ISendEndpointProvider sender, IReadOnlyList<RecordAudit> records)
    {
        if (records.Count == 0)
        {
            return;
        }

        var endpoint = await sender.GetSendEndpoint(AuditAddress);
        await endpoint.Send(new AppendAudit(records));
    }

    private static BatchedJob RunOne(BatchedJob job, string step, Func<BatchedJob, BatchedJob> run)
    {
        try
        {
            return run(job);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return job.Failed(step, e);
        }
    }
}
