using MassTransit;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Data;
using SpecialistPlatform.Jobs.Audit;
using SpecialistPlatform.Jobs.Intake;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.ServiceDefaults;
using SpecialistPlatform.Workflow.Consumers;

namespace SpecialistPlatform.Workflow.Extensions;

/// <summary>Composes jobs: bus intake, routing slips per job kind, job outcomes, and the audit writer.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPipelines();
        builder.AddPostgres();
        builder.Services.AddPlatformDbContext();
        builder.Services.AddJobIntake(ResourceNames.Services.Workflow);
        builder.Services.AddSingleton<JobOutcomes>();
        builder.Services.AddSingleton<AuditTrailWriter>();
        builder.Services.AddHostedService<AuditPartitionMaintenance>();

        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<StartJobConsumer>().Endpoint(e => e.Name = ResourceNames.Queues.StartJob);
            bus.AddConsumer<StartJobFaultConsumer>().Endpoint(e => e.Name = ResourceNames.Queues.JobEvents + "-start-faults");
            // Jobs end in batches (one transaction for up to 100 outcomes and their audit records); at low rates a
            // finished slip waits at most 5 ms for company.
            bus.AddConsumer<RoutingSlipCompletedConsumer>(consumer => consumer.Options<BatchOptions>(batch => batch
                    .SetMessageLimit(100)
                    .SetTimeLimit(TimeSpan.FromMilliseconds(5))
                    .SetConcurrencyLimit(2)))
                .Endpoint(e =>
                {
                    e.Name = ResourceNames.Queues.JobEvents;
                    e.PrefetchCount = 400;
                });
            bus.AddConsumer<RoutingSlipFaultedConsumer>().Endpoint(e => e.Name = ResourceNames.Queues.JobEvents);
            bus.AddConsumer<SubmitJobConsumer>().ExcludeFromConfigureEndpoints();
            bus.AddConsumer<RecordAuditConsumer>(consumer => consumer.Options<BatchOptions>(batch => batch
                    .SetMessageLimit(200)
                    .SetTimeLimit(TimeSpan.FromMilliseconds(20))
                    .SetConcurrencyLimit(1)))
                .Endpoint(e =>
                {
                    e.Name = ResourceNames.Queues.Audit;
                    e.PrefetchCount = 400;
                });
            bus.AddConfigureEndpointsCallback((context, name, endpoint) =>
            {
                // Transient failures (a database restart, a deadlock) get a few tries before a message is given up.
                endpoint.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
                endpoint.UseInMemoryOutbox(context);
            });
        }, (context, rabbit) =>
        {
            rabbit.ReceiveEndpoint(ResourceNames.Queues.SubmitJob, endpoint =>
            {
                endpoint.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
                endpoint.UseInMemoryOutbox(context);
                endpoint.ConfigureConsumer<SubmitJobConsumer>(context);
            });
            // Any AMQP client: publish a camelCase SubmitJob JSON body, no MassTransit envelope (see README).
            rabbit.ReceiveEndpoint(ResourceNames.Queues.RawJobIntake, endpoint =>
            {
                endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
                endpoint.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
                endpoint.UseInMemoryOutbox(context);
                endpoint.ConfigureConsumer<SubmitJobConsumer>(context);
            });
        });
    }
}
