using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Registry;
using SpecialistPlatform.Extraction.Activities;
using SpecialistPlatform.Extraction.Models;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.Jobs.Steps;
using SpecialistPlatform.ServiceDefaults;

namespace SpecialistPlatform.Extraction.Extensions;

/// <summary>Pulls schema-driven, normalised fields out of text.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPipelines();
        builder.AddPostgres();
        builder.Services.AddPlatformDbContext();
        builder.Services.AddScoped<ModelRegistry>();
        builder.Services.AddOptions<ExtractionOptions>().BindConfiguration(ExtractionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SpanModelHost>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<SpanModelHost>());
        builder.Services.AddHealthChecks().AddCheck<SpanModelHost>("span-models", tags: [ServiceDefaults.Extensions.ReadyTag]);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddMessaging(bus => bus.AddJobStep<ExtractFieldsActivity, ExtractFields>(ResourceNames.Queues.ExtractFields));
    }
}
