using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpecialistPlatform.FrontierEscalation.Extensions;
using SpecialistPlatform.Jobs.Pipelines;
using StackExchange.Redis;

namespace SpecialistPlatform.FrontierEscalation.Tests;

/// <summary>The frontier-escalation service's own registrations (<c>AddFrontier</c>) over the shipped pipelines.json,
/// the given settings and a real Redis: what the escalation tests resolve the escalator and the step from.</summary>
internal static class FrontierServices
{
    public static ServiceProvider Build(string redisConnection, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "pipelines.json"))
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section);
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redisConnection));
        services.AddFrontier();
        return services.BuildServiceProvider();
    }
}
