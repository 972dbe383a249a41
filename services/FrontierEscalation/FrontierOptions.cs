using System.ComponentModel.DataAnnotations;

namespace SpecialistPlatform.FrontierEscalation;

/// <summary>
/// The frontier model: any OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI's compatible route,
/// vLLM, llama.cpp server, Ollama). Section <c>Frontier</c>; with no <see cref="Endpoint"/>, escalated jobs go to
/// NeedsReview saying so. The key is a secret: give it through the environment (Frontier__ApiKey), never log it.
/// </summary>
public sealed class FrontierOptions : IValidatableObject
{
    public const string Section = "Frontier";

    /// <summary>Base address including the version segment, e.g. https://api.openai.com/v1 or http://127.0.0.1:8000/v1.</summary>
    public Uri? Endpoint { get; set; }

    public string? Model { get; set; }
    public string? ApiKey { get; set; }

    [Range(0, 1000)]
    public decimal PricePer1kInputTokens { get; set; }

    [Range(0, 1000)]
    public decimal PricePer1kOutputTokens { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    public bool IsConfigured => Endpoint is not null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint is not null && !Endpoint.IsAbsoluteUri)
        {
            yield return new ValidationResult("Frontier:Endpoint must be an absolute URI, e.g. https://api.openai.com/v1.");
        }

        if (Endpoint is not null && string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult("Frontier:Model is required when Frontier:Endpoint is set.");
        }
    }
}
