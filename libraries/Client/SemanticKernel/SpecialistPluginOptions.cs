namespace SpecialistPlatform.Client.SemanticKernel;

/// <summary>Which of the platform's job kinds and policies the plugin's functions use. The defaults match the
/// platform's bundled pipelines (libraries/Jobs/pipelines.json); a deployment with its own kinds names them here.</summary>
public sealed class SpecialistPluginOptions
{
    /// <summary>The kind classify_intent submits: one whose pipeline routes (compliance → intent).</summary>
    public string IntentKind { get; set; } = "email";

    /// <summary>The kind escalate_through_platform submits, and extract_fields' default: the full support pipeline
    /// (compliance → intent → extraction of the routed intent's schema, escalation when unsure).</summary>
    public string TicketKind { get; set; } = "support-ticket";

    /// <summary>The job kind whose personal-data and moderation policy redact_personal_data and check_moderation apply;
    /// null: the tenant's default policy.</summary>
    public string? PolicyKind { get; set; }

    /// <summary>How long a function waits for its job before telling the model the job is still running.</summary>
    public TimeSpan JobTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
