using Microsoft.Extensions.AI;
using Polly;

namespace SpecialistPlatform.Frontier;

/// <summary>
/// One model's chat client behind its resilience pipeline (timeout per attempt, retries, circuit breaker: see
/// <see cref="FrontierChain"/>), as the Kernel's chat-completion service for that model. Kept below the Kernel, so a retry
/// resends the request the Kernel rendered and filtered once, rather than rendering it again.
/// </summary>
public sealed class ResilientChatClient(IChatClient inner, ResiliencePipeline pipeline) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var request = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        return await pipeline.ExecuteAsync(
            async token => await base.GetResponseAsync(request, options, token), cancellationToken);
    }

    /// <summary>Escalation validates whole answers, so it never streams: a streamed request would bypass the pipeline.</summary>
    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The frontier chain does not stream.");
}
