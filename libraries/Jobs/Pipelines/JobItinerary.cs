using MassTransit;
using MassTransit.Courier.Contracts;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.Jobs.Pipelines;

/// <summary>
/// Builds routing slips that carry a batch of jobs of one kind (docs/decisions/0013): the kind's configured steps in
/// order, each working through every job in the slip's <c>Jobs</c> variable. Escalation is never in these itineraries:
/// the workflow sends the jobs that end unsure to the frontier in a slip of their own (<see cref="BuildEscalation"/>),
/// so the sure jobs of a batch never wait for a frontier call.
/// </summary>
public static class JobItinerary
{
    private static readonly Dictionary<string, Uri> StepAddresses = new()
    {
        [ResourceNames.Steps.Compliance] = new Uri($"queue:{ResourceNames.Queues.CheckCompliance}"),
        [ResourceNames.Steps.Intent] = new Uri($"queue:{ResourceNames.Queues.ClassifyIntent}"),
        [ResourceNames.Steps.Extraction] = new Uri($"queue:{ResourceNames.Queues.ExtractFields}"),
        [ResourceNames.Steps.Escalation] = new Uri($"queue:{ResourceNames.Queues.Escalate}"),
    };

    private static readonly Uri JobEventsAddress = new($"queue:{ResourceNames.Queues.JobEvents}");

    /// <param name="slipId">The slip's tracking number, recorded as the jobs' due slip (<see cref="DueSlips"/>) before the
    /// slip is sent.</param>
    /// <param name="jobs">Stored jobs, all of the kind <paramref name="kind"/> configures.</param>
    /// <param name="startedBy">The service starting the jobs, named in each job's intake audit record (written with the
    /// job's outcome, as the steps' records are).</param>
    public static RoutingSlip Build(Guid slipId, IReadOnlyList<Job> jobs, JobKindOptions kind, string startedBy)
    {
        var now = DateTimeOffset.UtcNow;
        var batched = jobs.Select(job => new BatchedJob
        {
            JobId = job.Id,
            TenantId = job.TenantId,
            Kind = job.Kind,
            Text = job.Text,
            Schema = kind.Schema,
            Audit =
            [
                new RecordAudit
                {
                    JobId = job.Id,
                    TenantId = job.TenantId,
                    Step = ResourceNames.Steps.Intake,
                    Service = startedBy,
                    InputSha256 = job.TextSha256,
                    Decision = $"started:{string.Join('>', kind.Steps)}",
                    // From acceptance to start: the time the job waited in the outbox and for company.
                    LatencyMs = (now - job.CreatedAt).TotalMilliseconds,
                    Detail = $"routing slip {slipId} with {jobs.Count} job(s)",
                },
            ],
        }).ToList();
        return Build(slipId, kind.Steps, batched);
    }

    /// <summary>The jobs of a finished slip that a step was unsure of, on their way to the frontier. The escalation leg
    /// continues the slip under its tracking number, which stays the jobs' due slip: a redelivered end of the first leg
    /// still finds its jobs due (and sends them again, a repeat everyone handles), and a resend by the stalled-job sweeper
    /// makes both legs of the old slip stale at once.</summary>
    public static RoutingSlip BuildEscalation(Guid slipId, IReadOnlyList<BatchedJob> jobs) =>
        Build(slipId, [ResourceNames.Steps.Escalation], jobs);

    private static RoutingSlip Build(Guid slipId, IEnumerable<string> steps, IReadOnlyList<BatchedJob> jobs)
    {
        var builder = new RoutingSlipBuilder(slipId);
        foreach (var step in steps)
        {
            builder.AddActivity(step, StepAddresses[step]);
        }

        // Only the end of the slip matters to the workflow: a subscription sends exactly those events to its queue
        // and stops Courier publishing an event for every activity.
        builder.AddSubscription(JobEventsAddress, RoutingSlipEvents.Completed | RoutingSlipEvents.Faulted);
        builder.AddVariable(JobSteps.JobsVariable, jobs);
        return builder.Build();
    }
}
