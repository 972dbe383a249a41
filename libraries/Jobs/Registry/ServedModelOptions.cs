using System.ComponentModel.DataAnnotations;

namespace SpecialistPlatform.Jobs.Registry;

/// <summary>How a service follows the registry for the model it serves (the router's, the moderation model's): how
/// often it looks for a promotion, how often it writes the shadow's agreement, and the shadow's canary share.</summary>
public abstract class ServedModelOptions
{
    /// <summary>How often the registry is checked for a newly promoted version.</summary>
    [Range(0.1, 3600)]
    public double RegistryRefreshSeconds { get; set; } = 2;

    /// <summary>How often shadow agreement counts are written to the registry.</summary>
    [Range(0.1, 3600)]
    public double ShadowFlushSeconds { get; set; } = 5;

    /// <summary>Share of jobs (0..1, by job id) the shadow version decides as a canary before it is promoted; 0 = it
    /// only runs beside the active version. The default: a share a platform admin sets in the registry for the shadow
    /// wins over it, and is followed without a restart (docs/decisions/0030).</summary>
    [Range(0, 1)]
    public double CanaryShare { get; set; }
}
