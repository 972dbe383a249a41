using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.Extraction.Activities;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.ServiceDefaults;

namespace SpecialistPlatform.Extraction.Extensions;

/// <summary>Pulls schema-driven, normalised fields out of text.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPipelines();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddMessaging(bus => bus.AddExecuteActivity<ExtractFieldsActivity, ExtractFields>()
            .Endpoint(e => e.Name = ResourceNames.Queues.ExtractFields));
    }
}
