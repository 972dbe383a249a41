using MassTransit;
using MassTransit.Courier.Contracts;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Jobs.Steps;

namespace SpecialistPlatform.Jobs.Pipelines;

/// <summary>
/// Builds a job's routing slip from its kind's configured steps. The text and the job's identity travel as
/// variables, so each step's arguments are filled from them; steps add their results as variables, and a step that
/// is unsure adds escalation to the itinerary itself.
/// </summary>
public static class JobItinerary
{
    private static readonly Dictionary<string, Uri> StepAddresses = new()
    {
        [ResourceNames.Steps.Compliance] = new Uri($"queue:{ResourceNames.Queues.CheckCompliance}"),
        [ResourceNames.Steps.Intent] = new Uri($"queue:{ResourceNames.Queues.ClassifyIntent}"),
        [ResourceNames.Steps.Extraction] = new Uri($"queue:{ResourceNames.Queues.ExtractFields}"),
    };

    private static readonly Uri JobEventsAddress = new($"queue:{ResourceNames.Queues.JobEvents}");

    /// <param name="startedBy">The service starting the job, named in the intake audit record that the slip carries
    /// (written with the job's outcome, as the steps' records are).</param>
    public static RoutingSlip Build(Job job, JobKindOptions kind, string startedBy)
    {
        var intake = new RecordAudit
        {
            JobId = job.Id,
            TenantId = job.TenantId,
            Step = ResourceNames.Steps.Intake,
            Service = startedBy,
            InputSha256 = job.TextSha256,
            Decision = $"started:{string.Join('>', kind.Steps)}",
            // From acceptance to start: the time the job waited in the outbox.
            LatencyMs = (DateTimeOffset.UtcNow - job.CreatedAt).TotalMilliseconds,
        };

        // The job id is the tracking number: every routing-slip event names its job without a lookup.
        var builder = new RoutingSlipBuilder(job.Id);
        foreach (var step in kind.Steps)
        {
            builder.AddActivity(step, StepAddresses[step]);
        }

        // Only the end of the slip matters to the workflow: a subscription sends exactly those events to its queue
        // and stops Courier publishing an event for every activity (a third of a job's broker messages otherwise).
        builder.AddSubscription(JobEventsAddress, RoutingSlipEvents.Completed | RoutingSlipEvents.Faulted);
        builder.AddVariable("JobId", job.Id);
        builder.AddVariable("TenantId", job.TenantId);
        builder.AddVariable("Kind", job.Kind);
        builder.AddVariable("Text", job.Text);
        builder.AddVariable(StepResults.AuditVariable(intake), intake);
        if (kind.Schema is not null)
        {
            builder.AddVariable("Schema", kind.Schema);
        }

        return builder.Build();
    }
}
