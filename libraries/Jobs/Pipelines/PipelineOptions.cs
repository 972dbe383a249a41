using System.ComponentModel.DataAnnotations;
using SpecialistPlatform.Contracts;

namespace SpecialistPlatform.Jobs.Pipelines;

/// <summary>
/// Job kinds and their pipelines, from the <c>Pipelines</c> configuration section (pipelines.json, overridable
/// like any setting, e.g. <c>Pipelines__Kinds__invoice__Steps__0</c>). Validated at start by every service.
/// </summary>
public sealed class PipelineOptions : IValidatableObject
{
    public const string Section = "Pipelines";

    public static readonly IReadOnlyList<string> KnownSteps =
        [ResourceNames.Steps.Compliance, ResourceNames.Steps.Intent, ResourceNames.Steps.Extraction];

    public static readonly IReadOnlyList<string> KnownFieldTypes =
        ["string", "reference", "date", "time", "money", "number", "integer", "email", "phone", "iban"];

    /// <summary>Largest accepted text, in UTF-8 bytes.</summary>
    [Range(1, 64 * 1024 * 1024)]
    public int MaxTextBytes { get; set; } = 1024 * 1024;

    public Dictionary<string, JobKindOptions> Kinds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Most jobs one routing slip carries (docs/decisions/0013); jobs of a kind dispatched together share a slip.</summary>
    [Range(1, 1000)]
    public int MaxJobsPerSlip { get; set; } = 100;

    /// <summary>How long a stored job waits for company before its slip is sent: a few milliseconds of latency buy
    /// fewer, fuller slips under load. Zero sends whatever is waiting at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan DispatchLinger { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>How long a dispatched job may go without finishing (or reaching its escalation) before the workflow's
    /// stalled-job sweeper sends its routing slip again: the bound on how long a lost message (a slip end in a
    /// dead-letter queue, a step killed at the wrong moment) can hold a job. Longer than any healthy job takes, frontier
    /// calls included; a slow job sent twice is only wasted work, since steps and outcomes handle repeats.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a stalled job is sent again before it fails with the reason.</summary>
    [Range(0, 100)]
    public int MaxStallRedispatches { get; set; } = 3;

    /// <summary>Intent label → schema name for kinds whose schema follows the routed intent; "*" is the fallback.</summary>
    public Dictionary<string, string> IntentSchemas { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, SchemaOptions> Schemas { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Tenants whose policy allows shadow comparison with the frontier (redacted text leaves the building for
    /// jobs the specialists handled alone). Nobody by default.</summary>
    public List<string> FrontierShadowTenants { get; set; } = [];

    /// <summary>Whether this job is one of the share of a kind's jobs also sent to the frontier, off the critical path, to
    /// measure the specialists against it. Chosen by job id, so a redelivered job is chosen (or not) again.</summary>
    public bool IsFrontierShadowed(Guid jobId, string tenantId, string kind) =>
        Kinds.TryGetValue(kind, out var options) && FrontierShadowTenants.Contains(tenantId)
        && JobShare.Contains(jobId, options.FrontierShadowShare, JobShare.FrontierShadowBytes);

    public string? SchemaFor(JobKindOptions kind, string? intentLabel) =>
        kind.Schema
        ?? (intentLabel is not null && IntentSchemas.TryGetValue(intentLabel, out var byIntent) ? byIntent : null)
        ?? IntentSchemas.GetValueOrDefault("*");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kinds.Count == 0)
        {
            yield return new ValidationResult("Pipelines:Kinds is empty: at least one job kind must be configured.");
        }

        foreach (var (name, kind) in Kinds)
        {
            if (kind.Steps.Count == 0)
            {
                yield return new ValidationResult($"Pipelines:Kinds:{name}:Steps is empty.");
            }

            foreach (var step in kind.Steps.Where(step => !KnownSteps.Contains(step)))
            {
                yield return new ValidationResult(
                    $"Pipelines:Kinds:{name}:Steps has unknown step '{step}'; known: {string.Join(", ", KnownSteps)}.");
            }

            if (kind.Steps.FirstOrDefault() != ResourceNames.Steps.Compliance)
            {
                yield return new ValidationResult(
                    $"Pipelines:Kinds:{name}:Steps must start with '{ResourceNames.Steps.Compliance}': nothing may be escalated before it is redacted.");
            }

            if (kind.Schema is { } schema && !Schemas.ContainsKey(schema))
            {
                yield return new ValidationResult($"Pipelines:Kinds:{name}:Schema names unknown schema '{schema}'.");
            }
        }

        foreach (var (intent, schema) in IntentSchemas.Where(pair => !Schemas.ContainsKey(pair.Value)))
        {
            yield return new ValidationResult($"Pipelines:IntentSchemas:{intent} names unknown schema '{schema}'.");
        }

        foreach (var (name, schema) in Schemas)
        {
            if (schema.Model is null && schema.Fields.FirstOrDefault(f => f.Slot is not null) is { } slotField)
            {
                yield return new ValidationResult($"Pipelines:Schemas:{name}: field '{slotField.Name}' reads slot '{slotField.Slot}' but the schema names no Model.");
            }

            foreach (var field in schema.Fields.Where(field => !KnownFieldTypes.Contains(field.Type)))
            {
                yield return new ValidationResult(
                    $"Pipelines:Schemas:{name}: field '{field.Name}' has unknown type '{field.Type}'; known: {string.Join(", ", KnownFieldTypes)}.");
            }
        }
    }
}

public sealed class JobKindOptions
{
    public string? Description { get; set; }
    public List<string> Steps { get; set; } = [];

    /// <summary>The kind's fixed extraction schema; null means "the schema of the routed intent".</summary>
    public string? Schema { get; set; }

    /// <summary>Escalate when the intent's calibrated confidence is below this.</summary>
    public double EscalateBelowConfidence { get; set; } = 0.5;

    public bool EscalateOutOfScope { get; set; } = true;

    /// <summary>Share of this kind's jobs (0..1) the frontier also classifies, for tenants in FrontierShadowTenants.</summary>
    [Range(0, 1)]
    public double FrontierShadowShare { get; set; }
}

public sealed class SchemaOptions
{
    /// <summary>Registry name of the learned span tagger (task "extract") that finds this schema's slot fields.</summary>
    public string? Model { get; set; }

    public List<FieldOptions> Fields { get; set; } = [];
}

public sealed class FieldOptions
{
    public string Name { get; set; } = "";
    public string Type { get; set; } = "string";
    public bool Required { get; set; }

    /// <summary>The span tagger's slot label this field is read from; null means the typed rules find it.</summary>
    public string? Slot { get; set; }

    /// <summary>Words that announce this field ("invoice number", "due"): a value near one is preferred.</summary>
    public List<string> Keywords { get; set; } = [];
}
