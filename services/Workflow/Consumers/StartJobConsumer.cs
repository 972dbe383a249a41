using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
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
public sealed class StartJobConsumer(PlatformDbContext db, IOptions<PipelineOptions> pipelines, ILogger<StartJobConsumer> logger)
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

        await db.Jobs.Where(j => j.Id == job.Id && j.Status == JobStatus.Accepted)
            .ExecuteUpdateAsync(set => set.SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.UpdatedAt, DateTimeOffset.UtcNow),
                context.CancellationToken);

        await context.Execute(JobItinerary.Build([job], kind, ResourceNames.Services.Workflow));
    }
}

/// <summary>A StartJob that kept failing reached the error queue: the job fails with the reason, never vanishes.</summary>
public sealed class StartJobFaultConsumer(JobOutcomes outcomes) : IConsumer<Fault<StartJob>>
{
    public async Task Consume(ConsumeContext<Fault<StartJob>> context)
    {
        var reason = "start: " + string.Join("; ", context.Message.Exceptions.Select(e => e.Message));
        var recorded = await outcomes.RecordAsync([JobOutcome.Failed(context.Message.Message.JobId, reason, [])], context.CancellationToken);
        await JobOutcomes.PublishAsync(context, recorded, context.CancellationToken);
    }
}
