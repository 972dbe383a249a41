using SpecialistPlatform.Contracts;
using SpecialistPlatform.FrontierEscalation.Activities;
using SpecialistPlatform.FrontierEscalation.Frontier;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.ServiceDefaults;

namespace SpecialistPlatform.FrontierEscalation.Extensions;

/// <summary>The only door to a large model: redacted text only, cost counted.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPipelines();
        builder.AddRedis();
        builder.Services.AddOptions<FrontierOptions>()
            .BindConfiguration(FrontierOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHttpClient<ChatCompletionsClient>((provider, http) =>
            http.Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<FrontierOptions>>().Value.TimeoutSeconds + 5));
        builder.AddMessaging(bus => bus.AddExecuteActivity<EscalateActivity, SpecialistPlatform.Contracts.Steps.Escalate>()
            .Endpoint(e => e.Name = ResourceNames.Queues.Escalate));
    }
}
