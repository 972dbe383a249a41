using Microsoft.Extensions.Configuration;

namespace SpecialistPlatform.AppHost;

/// <summary>What every platform process gets from the AppHost besides its references.</summary>
public static class PlatformEnvironment
{
    /// <summary>Settings for the services themselves, e.g. <c>Platform:ServiceSettings:Frontier:Models:0:Model</c>:
    /// each becomes that service setting (<c>Frontier__Models__0__Model</c>) in every service.</summary>
    public const string ServiceSettingsSection = "Platform:ServiceSettings";

    public static IResourceBuilder<ProjectResource> WithPlatformEnvironment(this IResourceBuilder<ProjectResource> project, PlatformSettings settings)
    {
        var forwarded = project.ApplicationBuilder.Configuration.GetSection(ServiceSettingsSection).AsEnumerable(makePathsRelative: true)
            .Where(setting => setting.Value is not null)
            .ToList();
        return project.WithEnvironment(context =>
        {
            context.EnvironmentVariables["ASPNETCORE_ENVIRONMENT"] = settings.Environment;
            context.EnvironmentVariables["DOTNET_ENVIRONMENT"] = settings.Environment;
            // Every service and server shares a few cores here: an idle thread-pool worker that spins for work burns
            // CPU another process needs (docs/decisions/0010-co-located-cpu-and-audit-in-the-slip.md).
            context.EnvironmentVariables["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0";
            if (!settings.Telemetry)
            {
                // ServiceDefaults collects nothing when no OTLP endpoint is set; Aspire sets it for every project.
                context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
            }

            foreach (var (key, value) in forwarded)
            {
                context.EnvironmentVariables[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
            }
        });
    }
}
