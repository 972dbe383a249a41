namespace SpecialistPlatform.ComplianceChecker;

/// <summary>
/// Section <c>Compliance</c>: which policy applies to which tenant and job kind. Each entry names a policy file (see
/// libraries/Compliance.Detection/README.md: per entity type allow, redact, mask, hash, encrypt or block, plus the
/// tenant's own recognizers). The most specific entry wins: tenant and kind, then tenant, then kind; without one the
/// default policy redacts every personal-data type with typed placeholders and leaves dates for extraction.
/// Environment form: Compliance__Policies__0__Tenant=acme, Compliance__Policies__0__Kind=invoice, Compliance__Policies__0__File=/etc/acme.json
/// </summary>
public sealed class ComplianceOptions
{
    public const string Section = "Compliance";

    public List<PolicyBinding> Policies { get; set; } = [];

    /// <summary>
    /// The learned tagger for PERSON, LOCATION, ORGANIZATION and STREET_ADDRESS: "default" (the platform's default model,
    /// trained from the fixed-seed generator at first start and cached, the same one `specialist detect` uses), "none"
    /// (rules only), or a directory written by `specialist train pii`.
    /// </summary>
    public string EntityTagger { get; set; } = "default";

    /// <summary>Where the default tagger is cached; empty for $SPECIALIST_PII_MODEL_CACHE or the user's local data folder.</summary>
    public string? ModelCacheDirectory { get; set; }

    /// <summary>Most texts one batch detection request may carry (the gateway checks the same limit before sending).</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 10_000)]
    public int MaxBatchTexts { get; set; } = 1000;
}

public sealed class PolicyBinding
{
    /// <summary>The tenant it applies to; null for every tenant.</summary>
    public string? Tenant { get; set; }

    /// <summary>The job kind it applies to; null for every kind.</summary>
    public string? Kind { get; set; }

    public string File { get; set; } = "";
}
