using MassTransit;
using RabbitMQ.Client;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.ServiceDefaults;
using SpecialistPlatform.Workflow.Consumers;

namespace SpecialistPlatform.Workflow.Intake;

/// <summary>The intake bus (<see cref="IIntakeBus"/>): raw-JSON submissions in, answers out on topic exchanges
/// routed by tenant.</summary>
public static class IntakeMessaging
{
    public static void AddIntakeMessaging(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.RequireConnectionString(ResourceNames.ConnectionStrings.RabbitMqIntake, value => _ = new Uri(value, UriKind.Absolute));
        builder.Services.AddMassTransit<IIntakeBus>(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConsumer<SubmitJobConsumer>().ExcludeFromConfigureEndpoints();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                // The answer exchanges exist from the start: an outside client may bind to them but not declare them.
                rabbit.DeployPublishTopology = true;
                RouteByTenant<JobAccepted>(rabbit, message => message.TenantId);
                RouteByTenant<JobRejected>(rabbit, message => message.TenantId);
                RouteByTenant<JobFinished>(rabbit, message => message.TenantId);
                RouteByTenant<JobFailed>(rabbit, message => message.TenantId);

                // Any AMQP client: publish a camelCase SubmitJob JSON body, no MassTransit envelope (see README).
                rabbit.ReceiveEndpoint(ResourceNames.Queues.RawJobIntake, endpoint =>
                {
                    endpoint.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: true);
                    endpoint.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
                    endpoint.UseInMemoryOutbox(context);
                    endpoint.ConfigureConsumer<SubmitJobConsumer>(context);
                });
            });
        });
    }

    /// <summary>Answers go to a topic exchange per event type, routed by the tenant: a tenant binds with its own id.</summary>
    private static void RouteByTenant<T>(IRabbitMqBusFactoryConfigurator rabbit, Func<T, string> tenant) where T : class
    {
        rabbit.Publish<T>(publish => publish.ExchangeType = ExchangeType.Topic);
        rabbit.Send<T>(send => send.UseRoutingKeyFormatter(context => tenant(context.Message)));
    }
}
