using System.ComponentModel.DataAnnotations;

namespace SpecialistPlatform.Frontier;

/// <summary>
/// Section <c>Frontier</c>: the chain of frontier models tried in order (the next one answers when one fails or its
/// circuit is open), what each costs, and how much each tenant may spend. With no model configured, escalated jobs go
/// to NeedsReview saying so. Keys are secrets: give them through the environment (Frontier__Models__0__ApiKey); they
/// are never logged.
/// </summary>
public sealed class FrontierOptions : IValidatableObject
{
    public const string Section = "Frontier";

    public List<FrontierModelOptions> Models { get; set; } = [];

    /// <summary>Spending limits in the prices' currency; a tenant without its own entry gets <see cref="DefaultBudget"/>.</summary>
    public BudgetOptions DefaultBudget { get; set; } = new();

    public Dictionary<string, BudgetOptions> TenantBudgets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Most frontier calls per tenant per minute, counted in Redis across every instance; 0 = no limit.</summary>
    [Range(0, 1_000_000)]
    public int CallsPerMinutePerTenant { get; set; } = 600;

    /// <summary>Upper bound on an answer's tokens; also what a call's cost is estimated with before it is made.</summary>
    [Range(16, 100_000)]
    public int MaxOutputTokens { get; set; } = 512;

    /// <summary>Length of a shadow-evaluation window: when one ends, each tenant's comparisons in it are summarised into
    /// an evaluation run (agreement, per-class numbers, cost and latency against the frontier) that the gateway serves as
    /// a report.</summary>
    public TimeSpan ShadowWindow { get; set; } = TimeSpan.FromHours(1);

    public bool IsConfigured => Models.Count > 0;

    public BudgetOptions BudgetFor(string tenantId) => TenantBudgets.GetValueOrDefault(tenantId) ?? DefaultBudget;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ShadowWindow < TimeSpan.FromSeconds(1) || ShadowWindow > TimeSpan.FromDays(31))
        {
            yield return new ValidationResult($"Frontier:ShadowWindow must be between 00:00:01 and 31.00:00:00, not {ShadowWindow}.");
        }

        for (var i = 0; i < Models.Count; i++)
        {
            var model = Models[i];
            if (model.Provider is not ("openai" or "anthropic"))
            {
                yield return new ValidationResult($"Frontier:Models:{i}:Provider must be 'openai' (any OpenAI-compatible endpoint) or 'anthropic'.");
            }

            if (model.Provider == "openai" && model.Endpoint is not { IsAbsoluteUri: true })
            {
                yield return new ValidationResult($"Frontier:Models:{i}:Endpoint must be an absolute URI such as https://api.openai.com/v1.");
            }

            // Redacted text and the API key would cross the network in clear; a local server (vLLM, llama.cpp) may use http.
            if (model.Endpoint is { IsAbsoluteUri: true } endpoint && endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback)
            {
                yield return new ValidationResult($"Frontier:Models:{i}:Endpoint {endpoint} is plain http:// to another machine; use https:// (http is allowed only on loopback).");
            }

            if (string.IsNullOrWhiteSpace(model.Model))
            {
                yield return new ValidationResult($"Frontier:Models:{i}:Model is required.");
            }

            if (model.PricePer1kInputTokens < 0 || model.PricePer1kOutputTokens < 0 || model.TimeoutSeconds is < 1 or > 600)
            {
                yield return new ValidationResult($"Frontier:Models:{i}: prices must be >= 0 and TimeoutSeconds within 1..600.");
            }
        }
    }
}

/// <summary>One frontier model: provider, address, model name, key, prices per 1,000 tokens, timeout.</summary>
public sealed class FrontierModelOptions
{
    /// <summary>"openai" for any OpenAI-compatible endpoint (OpenAI, Azure OpenAI, vLLM, llama.cpp, Ollama), or "anthropic".</summary>
    public string Provider { get; set; } = "openai";

    /// <summary>Base address with its version segment, e.g. https://api.openai.com/v1 or http://127.0.0.1:8000/v1.</summary>
    public Uri? Endpoint { get; set; }

    public string Model { get; set; } = "";
    public string? ApiKey { get; set; }
    public decimal PricePer1kInputTokens { get; set; }
    public decimal PricePer1kOutputTokens { get; set; }
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Attempts after the first on 429, 5xx and timeouts, with jittered exponential back-off.</summary>
    public int Retries { get; set; } = 2;

    public decimal CostOf(long inputTokens, long outputTokens) =>
        inputTokens / 1000m * PricePer1kInputTokens + outputTokens / 1000m * PricePer1kOutputTokens;

    public override string ToString() => $"{Provider}:{Model}";
}

/// <summary>Per-tenant spending limits; 0 means no limit.</summary>
public sealed class BudgetOptions
{
    public decimal Daily { get; set; }
    public decimal Monthly { get; set; }
}
