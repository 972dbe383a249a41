using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SpecialistPlatform.Jobs.Pipelines;

public static class PipelineExtensions
{
    /// <summary>Reads pipelines.json (shipped beside every service) and validates it when the service starts.</summary>
    public static void AddPipelines(this IHostApplicationBuilder builder)
    {
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            Path = "pipelines.json",
            Optional = false,
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
        });
        builder.Services.AddOptions<PipelineOptions>()
            .BindConfiguration(PipelineOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }
}
