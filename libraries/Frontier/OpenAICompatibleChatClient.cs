using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using OpenAIChatMessage = OpenAI.Chat.ChatMessage;

namespace SpecialistPlatform.Frontier;

/// <summary>
/// <see cref="IChatClient"/> over the OpenAI SDK for any OpenAI-compatible endpoint (OpenAI, Azure OpenAI's v1 route,
/// vLLM, llama.cpp server, Ollama, ONNX Runtime GenAI servers). The SDK's own retries are off: retries, timeouts and
/// the circuit breaker live in one place, <see cref="FrontierChain"/>. (Microsoft.Extensions.AI.OpenAI, which ships
/// this adapter, is not on this machine's NuGet source.)
/// </summary>
public sealed class OpenAICompatibleChatClient : IChatClient
{
    private readonly ChatClient _client;
    private readonly string _model;

    public OpenAICompatibleChatClient(FrontierModelOptions options)
    {
        _model = options.Model;
        _client = new ChatClient(options.Model, new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "none" : options.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = options.Endpoint,
                NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            });
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var completion = (await _client.CompleteChatAsync(messages.Select(ToOpenAI), ToOpenAI(options), cancellationToken)).Value;
        var text = string.Concat(completion.Content.Select(part => part.Text));
        return new ChatResponse(new AiChatMessage(ChatRole.Assistant, text))
        {
            ModelId = completion.Model ?? _model,
            Usage = completion.Usage is { } usage
                ? new UsageDetails { InputTokenCount = usage.InputTokenCount, OutputTokenCount = usage.OutputTokenCount, TotalTokenCount = usage.TotalTokenCount }
                : null,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AiChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Escalation validates whole answers, so it never streams; a caller that does gets the answer as one update.
        var response = await GetResponseAsync(messages, options, cancellationToken);
        yield return new ChatResponseUpdate(ChatRole.Assistant, response.Text) { ModelId = response.ModelId };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private static OpenAIChatMessage ToOpenAI(AiChatMessage message) => message.Role.Value switch
    {
        "system" => new SystemChatMessage(message.Text),
        "assistant" => new AssistantChatMessage(message.Text),
        _ => new UserChatMessage(message.Text),
    };

    private static ChatCompletionOptions ToOpenAI(ChatOptions? options)
    {
        var result = new ChatCompletionOptions { Temperature = options?.Temperature ?? 0f, MaxOutputTokenCount = options?.MaxOutputTokens };
        if (options?.ResponseFormat is ChatResponseFormatJson { Schema: { } schema } json)
        {
            result.ResponseFormat = OpenAI.Chat.ChatResponseFormat.CreateJsonSchemaFormat(
                json.SchemaName ?? "answer", BinaryData.FromString(schema.GetRawText()), json.SchemaDescription, jsonSchemaIsStrict: true);
        }
        else if (options?.ResponseFormat is ChatResponseFormatJson)
        {
            result.ResponseFormat = OpenAI.Chat.ChatResponseFormat.CreateJsonObjectFormat();
        }

        return result;
    }
}
