using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SpecialistPlatform.Client;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SpecialistPlatformClient"/> as a typed HttpClient that calls the gateway at
    /// <paramref name="gatewayUri"/> with <paramref name="apiKey"/>. Returns the HttpClient's builder, so a resilience
    /// handler or a proxy can be added the usual way.
    /// </summary>
    public static IHttpClientBuilder AddSpecialistPlatformClient(this IServiceCollection services, Uri gatewayUri, string apiKey) =>
        services.AddSpecialistPlatformClient(options =>
        {
            options.GatewayUri = gatewayUri;
            options.ApiKey = apiKey;
        });

    /// <summary>Registers <see cref="SpecialistPlatformClient"/> with every option set by <paramref name="configure"/>
    /// (bind them from configuration there). A missing address or key fails at the client's first resolution, naming the setting.</summary>
    public static IHttpClientBuilder AddSpecialistPlatformClient(this IServiceCollection services, Action<SpecialistPlatformClientOptions> configure)
    {
        services.AddOptions<SpecialistPlatformClientOptions>()
            .Configure(configure)
            .Validate(o => o.GatewayUri is { IsAbsoluteUri: true }, "SpecialistPlatformClientOptions.GatewayUri must be the gateway's absolute address, e.g. https://specialists.example.com/.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ApiKey), "SpecialistPlatformClientOptions.ApiKey must hold one of the tenant's API keys.")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.MaxPollInterval >= o.PollInterval, "PollInterval must be positive and MaxPollInterval at least as long.")
            .Validate(o => o.WaitTimeout > TimeSpan.Zero && o.RequestTimeout > TimeSpan.Zero, "WaitTimeout and RequestTimeout must be positive.")
            .ValidateOnStart();

        return services.AddHttpClient<SpecialistPlatformClient>((provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<SpecialistPlatformClientOptions>>().Value;
            // A base address without a trailing slash would drop its last path segment when relative paths are resolved.
            var baseAddress = options.GatewayUri!.ToString();
            http.BaseAddress = new Uri(baseAddress.EndsWith('/') ? baseAddress : baseAddress + "/");
            http.DefaultRequestHeaders.Add(SpecialistPlatformClient.ApiKeyHeader, options.ApiKey);
            http.Timeout = options.RequestTimeout;
        });
    }
}
