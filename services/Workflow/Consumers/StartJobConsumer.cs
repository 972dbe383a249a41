using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Jobs.Pipelines;

namespace SpecialistPlatform.Workflow.Consumers;

/// <summary>Starts a stored job's routing slip when the dispatcher could not: its kind was not configured where the
/// job was dispatched (accepted before the kind was removed), so here it fails after the retries with that reason, or
/// it starts if this workflow knows the kind. Idempotent: a job that is already finished is left alone; one that is
/// Running is executed again, which is safe because every step and the audit trail ignore repeats.</summary>
public sealed class StartJobConsumer(
    PlatformDbContext db, NpgsqlDataSource dataSource, IOptions<PipelineOptions> pipelines, ILogger<StartJobConsumer> logger)
    : IConsumer<StartJob>
{
    public async Task Consume(ConsumeContext<StartJob> context)
    {
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == context.Message.JobId, context.CancellationToken)
            ?? throw new InvalidOperationException($"Job {context.Message.JobId} does not exist.");
        if (job.IsFinished)
        {
            logger.LogInformation("Job {JobId} is already {Status}; ignoring a repeated StartJob", job.Id, job.Status);
            return;
        }

        if (!pipelines.Value.Kinds.TryGetValue(job.Kind, out var kind))
        {
            // Thrown, not swallowed: after the retries the message goes to the error queue and the Fault<StartJob>
            // consumer marks the job Failed with this reason.
            throw new InvalidOperationException($"Job kind '{job.Kind}' is not configured in this workflow.");
        }

        // The dispatcher recorded the slip's tracking number as the job's due slip before it sent this. A StartJob whose
        // number is not the job's any more was superseded by a later dispatch (or forged): starting it would only
        // produce an outcome the workflow rejects. One from before the numbers existed gets its number here.
        var trackingNumber = context.Message.SlipTrackingNumber;
        if (trackingNumber is { } due && job.SlipTrackingNumber != due)
        {
            logger.LogWarning("A StartJob for job {JobId} names slip {Slip}, but the job is due from {Due}; not started",
                job.Id, due, job.SlipTrackingNumber);
            return;
        }

        if (trackingNumber is null)
        {
            trackingNumber = DueSlips.NewTrackingNumber();
            await DueSlips.RecordAsync(dataSource, [(job.Id, trackingNumber.Value)], context.CancellationToken);
        }

        await db.Jobs.Where(j => j.Id == job.Id && j.Status == JobStatus.Accepted)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.UpdatedAt, DateTimeOffset.UtcNow),
                context.CancellationToken);

        await context.Execute(JobItinerary.Build(trackingNumber.Value, [job], kind, ResourceNames.Services.Workflow));
    }
}

/// <summary>A StartJob that kept failing reached the error queue: the job fails with the reason, never vanishes.</summary>
public sealed class StartJobFaultConsumer(JobOutcomes outcomes) : IConsumer<Fault<StartJob>>
{
    public async Task Consume(ConsumeContext<Fault<StartJob>> context)
    {
        var reason = "start: " + string.Join("; ", context.Message.Exceptions.Select(e => e.Message));
        // A fault is an outcome like a slip's end: it fails the job only while its StartJob is the job's due slip. One
        // from before the numbers existed claims none, which matches only a job that has none either.
        var start = context.Message.Message;
        var failed = JobOutcome.Failed(start.JobId, reason, []) with { SlipTrackingNumber = start.SlipTrackingNumber ?? Guid.Empty };
        var recorded = await outcomes.RecordAsync([failed], context.CancellationToken);
        await JobOutcomes.PublishAsync(context, recorded, context.CancellationToken);
    }
}
