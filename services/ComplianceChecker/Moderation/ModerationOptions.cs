using System.ComponentModel.DataAnnotations;

namespace SpecialistPlatform.ComplianceChecker.Moderation;

/// <summary>
/// Section <c>Moderation</c>: which moderation model the compliance step serves (docs/decisions/0025). What a flagged
/// category does is the tenant's policy (Compliance:Policies, the policy file's "moderation" object), not this.
/// </summary>
public sealed class ModerationOptions : Jobs.Registry.ServedModelOptions
{
    public const string Section = "Moderation";

    /// <summary>
    /// "registry" (the default): the registry's active moderation model named <see cref="ModelName"/> decides, its
    /// shadow runs beside it; when the registry has none, the default model is trained from the public data (and
    /// cached) and registered as active. "none": moderation is off, every job says so, and a warning is logged at start.
    /// </summary>
    [Required]
    public string Model { get; set; } = "registry";

    /// <summary>The registry name (task "moderation").</summary>
    [Required]
    public string ModelName { get; set; } = "default";

    /// <summary>The shared datasets folder the default model is trained from (moderation/ and prompt-injection/);
    /// empty for $SPECIALIST_DATASETS, else the first shared/datasets above the working directory or the program.</summary>
    public string? Datasets { get; set; }

    /// <summary>Where the trained default model is cached, keyed by its data, settings and trainer code; empty for
    /// $SPECIALIST_MODERATION_MODEL_CACHE, else the user's local data folder.</summary>
    public string? ModelCacheDirectory { get; set; }

    public bool Enabled => !string.Equals(Model, "none", StringComparison.OrdinalIgnoreCase);
}
