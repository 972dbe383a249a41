using MassTransit;

namespace SpecialistPlatform.Jobs.Steps;

public static class JobStepRegistration
{
    /// <summary>
    /// A step's Courier execute endpoint on its fixed queue. What reaches the retry here is a failure of the whole batch
    /// (a model that cannot be had yet, the database or Redis away): it is tried again with back-off before the slip
    /// faults and its jobs fail with the reason. A failure on one job never gets here (<see cref="JobSteps"/>).
    /// </summary>
    public static void AddJobStep<TActivity, TArguments>(this IBusRegistrationConfigurator bus, string queue)
        where TActivity : class, IExecuteActivity<TArguments>
        where TArguments : class
    {
        bus.AddExecuteActivity<TActivity, TArguments>().Endpoint(endpoint => endpoint.Name = queue);
        bus.AddConfigureEndpointsCallback((name, endpoint) =>
        {
            if (name == queue)
            {
                endpoint.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
            }
        });
    }
}
