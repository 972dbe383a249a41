using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace SpecialistPlatform.Jobs.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The keyed chain, its checkpoints and its verifier, for a service that writes or verifies the trail.
    /// Without a valid <c>Audit:ChainKey</c> the service stops at start with the reason.</summary>
    public static IServiceCollection AddAuditChain(this IServiceCollection services)
    {
        services.AddOptions<AuditChainOptions>().BindConfiguration(AuditChainOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => new AuditChain(provider.GetRequiredService<IOptions<AuditChainOptions>>().Value.KeyBytes()));
        services.AddSingleton<AuditCheckpointStore>();
        services.AddScoped<AuditTrailVerifier>();
        services.AddScoped<AuditCheckpointer>();
        services.AddSingleton<AuditTrailWriter>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
