using Microsoft.Extensions.DependencyInjection;

namespace SpecialistPlatform.Jobs.Intake;

public static class IntakeExtensions
{
    /// <summary>Everything that accepts jobs: validation, group-committed storage, dispatch and batched dispatch marks.</summary>
    /// <param name="service">The accepting service, named in each job's intake audit record.</param>
    public static IServiceCollection AddJobIntake(this IServiceCollection services, string service)
    {
        services.AddScoped<JobIntake>();
        services.AddSingleton<JobWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<JobWriter>());
        services.AddSingleton(provider => ActivatorUtilities.CreateInstance<JobDispatcher>(provider, service));
        services.AddHostedService(provider => provider.GetRequiredService<JobDispatcher>());
        services.AddSingleton<DispatchMarks>();
        services.AddHostedService(provider => provider.GetRequiredService<DispatchMarks>());
        return services;
    }
}
