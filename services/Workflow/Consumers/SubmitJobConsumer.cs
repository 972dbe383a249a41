using MassTransit;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Contracts.Intake;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Data;
using SpecialistPlatform.Jobs.Intake;

namespace SpecialistPlatform.Workflow.Consumers;

/// <summary>
/// Bus intake from the intake virtual host: the tenant is the one the broker logged the publisher in as (the AMQP
/// <c>user_id</c> property, which the broker refuses to let a client set to anyone else: the login name
/// <c>&lt;tenant&gt;.&lt;key id&gt;</c>, <see cref="BrokerLogins"/>), then the same validation and
/// store-and-dispatch as the gateway. Answers with JobAccepted or JobRejected, routed to that tenant alone.
/// </summary>
public sealed class SubmitJobConsumer(PlatformDbContext db, JobIntake intake, JobDispatcher dispatcher, ILogger<SubmitJobConsumer> logger)
    : IConsumer<SubmitJob>
{
    public async Task Consume(ConsumeContext<SubmitJob> context)
    {
        var message = context.Message;
        var userId = context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var amqp) ? amqp.Properties.UserId : null;
        // A tenant-only user_id can only come from a login made before logins named their key (such logins are refused
        // now), i.e. a message already queued at the upgrade; the broker checked it against that login all the same.
        var tenantId = BrokerLogins.TenantOf(userId) ?? (TenantIds.IsValid(userId) ? userId : null);
        if (!TenantIds.IsValid(tenantId) || !await db.Tenants.AnyAsync(t => t.Id == tenantId, context.CancellationToken))
        {
            // Nobody to answer: an answer is routed by tenant. Dropped, not kept: the message may be anything.
            logger.LogWarning("A submission without a valid user_id property was dropped (user_id {UserId})", userId);
            return;
        }

        if (!string.IsNullOrEmpty(message.ApiKey))
        {
            await Reject(context, tenantId!, "Do not put an API key in the message: log in to the broker with it (user name: <tenant id>.<key id>) and set user_id to that user name.");
            return;
        }

        // Without a key of its own, the message id stands in for one: a redelivered message finds its job.
        var idempotencyKey = message.IdempotencyKey ?? (context.MessageId is { } id ? $"message:{id}" : null);
        var result = await intake.SubmitAsync(
            new JobSubmission(tenantId!, message.Kind, message.Text, message.Metadata, idempotencyKey), context.CancellationToken);
        if (result.Job is not { } job)
        {
            await Reject(context, tenantId!, $"{result.Problem!.Title}: {result.Problem.Detail}");
            return;
        }

        if (!result.Replayed || job.DispatchedAt is null)
        {
            dispatcher.Enqueue(job);
        }

        await context.Publish(new JobAccepted(job.Id, job.TenantId, job.Kind, message.ClientReference, job.CreatedAt));
    }

    private static Task Reject(ConsumeContext<SubmitJob> context, string tenantId, string reason) =>
        context.Publish(new JobRejected(tenantId, context.Message.ClientReference, reason, DateTimeOffset.UtcNow));
}
