using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Data;
using SpecialistPlatform.Evaluation.ShadowWindows;
using SpecialistPlatform.Frontier;
using SpecialistPlatform.FrontierEscalation.Activities;
using SpecialistPlatform.FrontierEscalation.Consumers;
using SpecialistPlatform.FrontierEscalation.Frontier;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.Jobs.Steps;
using SpecialistPlatform.ServiceDefaults;

namespace SpecialistPlatform.FrontierEscalation.Extensions;

/// <summary>The only door to a large model: redacted text only, answers validated, cost counted against budgets.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPipelines();
        builder.AddRedis();
        builder.AddPostgres();
        builder.Services.AddPlatformDbContext();
        builder.Services.AddFrontier();
        builder.Services.AddScoped<ShadowWindowCloser>();
        builder.Services.AddHostedService<ShadowWindowService>();
        builder.AddMessaging(bus =>
        {
            bus.AddJobStep<EscalateActivity, EscalateJobs>(ResourceNames.Queues.Escalate);
            bus.AddConsumer<CompareWithFrontierConsumer>().Endpoint(e => e.Name = ResourceNames.Queues.CompareWithFrontier);
        });
    }

    /// <summary>The frontier chain (a Semantic Kernel with the personal-data filter), the spend ledger and the escalator;
    /// needs Redis and the pipelines' options.</summary>
    public static IServiceCollection AddFrontier(this IServiceCollection services)
    {
        services.AddOptions<FrontierOptions>()
            .BindConfiguration(FrontierOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        // The last check before a prompt leaves: the chain's Kernel runs it on every rendered prompt.
        services.AddSingleton(_ => new PersonalDataPromptFilter());
        services.AddSingleton<FrontierChain>();
        services.AddSingleton<SpendLedger>();
        services.AddSingleton<Escalator>();
        services.AddSingleton<EscalationOutcomes>();
        services.AddSingleton<EscalationStep>();
        return services;
    }
}
