using MassTransit;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Data;
using SpecialistPlatform.Jobs.Audit;
using SpecialistPlatform.Jobs.Intake;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.ServiceDefaults;
using SpecialistPlatform.Workflow.Consumers;
using SpecialistPlatform.Workflow.Intake;

namespace SpecialistPlatform.Workflow.Extensions;

/// <summary>Composes jobs: bus intake (its own virtual host), routing slips per job kind, job outcomes, and the audit writer.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPipelines();
        builder.AddPostgres();
        builder.Services.AddPlatformDbContext();
        builder.Services.AddJobIntake(ResourceNames.Services.Workflow);
        builder.Services.AddSingleton<JobOutcomes>();
        builder.Services.AddAuditChain();
        builder.Services.AddHostedService<AuditPartitionMaintenance>();
        builder.Services.AddHostedService<AuditCheckpointSchedule>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<JobProgress>();
        builder.Services.AddSingleton<StalledJobSweeper>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<StalledJobSweeper>());

        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<StartJobConsumer>().Endpoint(e => e.Name = ResourceNames.Queues.StartJob);
            bus.AddConsumer<StartJobFaultConsumer>().Endpoint(e => e.Name = ResourceNames.Queues.JobEvents + "-start-faults");
            // Jobs end in batches (one transaction for up to 100 outcomes and their audit records); at low rates a
            // finished slip waits at most 5 ms for company.
            bus.AddBatchConsumer<RoutingSlipCompletedConsumer>(ResourceNames.Queues.JobEvents, 100, TimeSpan.FromMilliseconds(5), concurrency: 2);
            bus.AddConsumer<RoutingSlipFaultedConsumer>().Endpoint(e => e.Name = ResourceNames.Queues.JobEvents);
            bus.AddConsumer<IntakeAnswerRelay>().Endpoint(e => e.Name = ResourceNames.Queues.IntakeAnswers);
            bus.AddBatchConsumer<RecordAuditConsumer>(ResourceNames.Queues.Audit, 200, TimeSpan.FromMilliseconds(20), concurrency: 1);
            bus.AddConfigureEndpointsCallback((context, name, endpoint) =>
            {
                // Transient failures (a database restart, a deadlock) get a few tries before a message is given up.
                endpoint.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
                endpoint.UseInMemoryOutbox(context);
            });
        });
        builder.AddIntakeMessaging();
    }

    /// <summary>A consumer of <c>Batch&lt;T&gt;</c> on the given queue: up to <paramref name="messageLimit"/> messages,
    /// waiting at most <paramref name="timeLimit"/> for a batch to fill; prefetch covers every batch in flight.</summary>
    private static void AddBatchConsumer<TConsumer>(this IBusRegistrationConfigurator bus, string queue, int messageLimit, TimeSpan timeLimit, int concurrency)
        where TConsumer : class, IConsumer
    {
        bus.AddConsumer<TConsumer>(consumer => consumer.Options<BatchOptions>(batch => batch
                .SetMessageLimit(messageLimit)
                .SetTimeLimit(timeLimit)
                .SetConcurrencyLimit(concurrency)))
            .Endpoint(e =>
            {
                e.Name = queue;
                e.PrefetchCount = Math.Max(400, messageLimit * concurrency * 2);
            });
    }
}
