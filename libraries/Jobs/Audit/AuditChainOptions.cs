using System.ComponentModel.DataAnnotations;

namespace SpecialistPlatform.Jobs.Audit;

/// <summary>
/// The audit chain's secret and where its checkpoints go (section <c>Audit</c>). The AppHost generates the key on
/// first start, keeps it in its data folder (mode 0600) and passes it as a secret parameter; the database never
/// holds it, so write access to the database alone cannot forge a record (docs/decisions/0018).
/// </summary>
public sealed class AuditChainOptions : IValidatableObject
{
    public const string Section = "Audit";
    public const int MinimumKeyBytes = 32;

    /// <summary>Base64 of at least 32 random bytes. Required: a service that writes or verifies the trail does not
    /// start without it, in every environment (an unkeyed chain would only look protected).</summary>
    [Required(ErrorMessage = "Audit:ChainKey is required (base64 of 32 random bytes); the AppHost passes the one in its data folder.")]
    public string ChainKey { get; set; } = "";

    /// <summary>The folder signed checkpoints are written to, one sub-folder per tenant; copy it off the machine.</summary>
    [Required(ErrorMessage = "Audit:CheckpointDirectory is required; the AppHost passes <data>/audit-checkpoints.")]
    public string CheckpointDirectory { get; set; } = "";

    /// <summary>How often the workflow checkpoints every tenant whose chain grew.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    public byte[] KeyBytes() => Convert.FromBase64String(ChainKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CheckpointInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Audit:CheckpointInterval must be positive.", [nameof(CheckpointInterval)]);
        }

        // An empty key is the [Required] attribute's to report.
        if (ChainKey.Length > 0 && !IsKey(ChainKey))
        {
            yield return new ValidationResult($"Audit:ChainKey must be base64 of at least {MinimumKeyBytes} bytes.", [nameof(ChainKey)]);
        }
    }

    private static bool IsKey(string text)
    {
        try
        {
            return Convert.FromBase64String(text).Length >= MinimumKeyBytes;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
