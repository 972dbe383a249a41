using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace SpecialistPlatform.FrontierEscalation.Frontier;

public sealed record FrontierAnswer(string Content, string Model, int InputTokens, int OutputTokens, decimal Cost);

/// <summary>
/// A minimal client for the OpenAI chat completions wire format, which every OpenAI-compatible server speaks.
/// Retries, timeouts and the circuit breaker come from the standard resilience handler in ServiceDefaults.
/// </summary>
public sealed class ChatCompletionsClient(HttpClient http, IOptions<FrontierOptions> options)
{
    public async Task<FrontierAnswer> CompleteAsync(string system, string user, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var endpoint = settings.Endpoint ?? throw new InvalidOperationException("Frontier:Endpoint is not configured.");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint.ToString().TrimEnd('/') + "/chat/completions"))
        {
            Content = JsonContent.Create(new ChatRequest(settings.Model!, [new ChatMessage("system", system), new ChatMessage("user", user)], 0)),
        };
        if (!string.IsNullOrEmpty(settings.ApiKey))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"The frontier endpoint answered {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
        }

        var answer = await response.Content.ReadFromJsonAsync<ChatResponse>(cancellationToken)
            ?? throw new InvalidOperationException("The frontier endpoint answered with an empty body.");
        var content = answer.Choices?.FirstOrDefault()?.Message?.Content
            ?? throw new InvalidOperationException("The frontier endpoint's answer has no message content.");
        var input = answer.Usage?.PromptTokens ?? 0;
        var output = answer.Usage?.CompletionTokens ?? 0;
        var cost = input / 1000m * settings.PricePer1kInputTokens + output / 1000m * settings.PricePer1kOutputTokens;
        return new FrontierAnswer(content, answer.Model ?? settings.Model!, input, output, cost);
    }

    private sealed record ChatRequest(
        [property: JsonPropertyName("model")] string Model,
        [property: JsonPropertyName("messages")] IReadOnlyList<ChatMessage> Messages,
        [property: JsonPropertyName("temperature")] double Temperature);

    private sealed record ChatMessage(
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("content")] string? Content);

    private sealed record ChatResponse(
        [property: JsonPropertyName("model")] string? Model,
        [property: JsonPropertyName("choices")] IReadOnlyList<Choice>? Choices,
        [property: JsonPropertyName("usage")] Usage? Usage);

    private sealed record Choice([property: JsonPropertyName("message")] ChatMessage? Message);

    private sealed record Usage(
        [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
        [property: JsonPropertyName("completion_tokens")] int CompletionTokens);
}
