using MassTransit;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Keys;
using SpecialistPlatform.Jobs.Intake;

namespace SpecialistPlatform.Workflow.Consumers;

/// <summary>
/// Bus intake, for the MassTransit contract and the raw-JSON queue alike: the same key check and validation as the
/// gateway, then the same store-and-dispatch. Answers with JobAccepted or JobRejected events.
/// </summary>
public sealed class SubmitJobConsumer(PlatformDbContext db, JobIntake intake, JobDispatcher dispatcher) : IConsumer<SubmitJob>
{
    public async Task Consume(ConsumeContext<SubmitJob> context)
    {
        var message = context.Message;
        var key = string.IsNullOrWhiteSpace(message.ApiKey) ? null : await ApiKeys.FindAsync(db, message.ApiKey, context.CancellationToken);
        if (key is null || !key.Roles.Any(role => role is ApiKeyRoles.Submitter or ApiKeyRoles.Admin))
        {
            await context.Publish(new JobRejected(message.ClientReference,
                key is null ? "The apiKey is missing or not valid." : "This API key may not submit jobs.", DateTimeOffset.UtcNow));
            return;
        }

        // Without a key of its own, the message id stands in for one: a redelivered message finds its job.
        var idempotencyKey = message.IdempotencyKey ?? (context.MessageId is { } id ? $"message:{id}" : null);
        var result = await intake.SubmitAsync(
            new JobSubmission(key.TenantId, message.Kind, message.Text, message.Metadata, idempotencyKey), context.CancellationToken);
        if (result.Job is not { } job)
        {
            await context.Publish(new JobRejected(message.ClientReference, $"{result.Problem!.Title}: {result.Problem.Detail}", DateTimeOffset.UtcNow));
            return;
        }

        if (!result.Replayed || job.DispatchedAt is null)
        {
            dispatcher.Enqueue(job);
        }

        await context.Publish(new JobAccepted(job.Id, job.TenantId, job.Kind, message.ClientReference, job.CreatedAt));
    }
}
