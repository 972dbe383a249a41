using SpecialistPlatform.Contracts;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Registry;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.IntentClassifier.Activities;
using SpecialistPlatform.IntentClassifier.Models;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.Jobs.Registry;
using SpecialistPlatform.Jobs.Steps;
using SpecialistPlatform.ServiceDefaults;

namespace SpecialistPlatform.IntentClassifier.Extensions;

/// <summary>The router: which intent a text is, how sure, and whether it is out of scope.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPipelines();
        builder.Services.AddOptions<IntentClassifierOptions>()
            .BindConfiguration(IntentClassifierOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddPostgres();
        builder.Services.AddPlatformDbContext();
        builder.Services.AddScoped<ModelRegistry>();
        builder.Services.AddSingleton<IntentModelHost>();
        builder.Services.AddShadowAgreement<IntentClassifierOptions>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<IntentModelHost>());
        builder.Services.AddHealthChecks().AddCheck<IntentModelHost>("intent-model", tags: [ServiceDefaults.Extensions.ReadyTag]);
        builder.AddMessaging(bus => bus.AddJobStep<ClassifyIntentActivity, ClassifyIntent>(ResourceNames.Queues.ClassifyIntent));
    }
}
