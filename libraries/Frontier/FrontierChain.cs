using System.ClientModel;
using System.Text;
using System.Text.Json.Nodes;
using Anthropic;
using Anthropic.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace SpecialistPlatform.Frontier;

/// <summary>One answered call: which model answered, the tokens it counted and what they cost.</summary>
public sealed record FrontierCall(string Text, FrontierModelOptions Model, long InputTokens, long OutputTokens, decimal Cost, IReadOnlyList<string> Failures);

/// <summary>
/// Every request of one escalation as it is made, kept by the caller: the calls that answered (each paid for), the
/// attempts that failed (the text may have reached those too) and whether a request was under way. When an escalation is
/// interrupted midway (cancellation, a bug after an answer) the caller still knows what left and what it cost, which the
/// return values of <see cref="FrontierChain.AskValidatedAsync"/> cannot tell it once an exception has passed them by.
/// </summary>
public sealed class FrontierCallLog
{
    public List<FrontierCall> Calls { get; } = [];
    public List<string> Failures { get; } = [];

    /// <summary>A request was sent and neither answered nor failed: its cost is not known.</summary>
    public bool RequestInFlight { get; internal set; }

    /// <summary>Whether anything was sent or tried: from here on the text may have left the building.</summary>
    public bool AnythingSent => Calls.Count > 0 || Failures.Count > 0 || RequestInFlight;
}

/// <summary>Every model of the chain failed; the message lists why, model by model.</summary>
public sealed class FrontierUnavailableException(IReadOnlyList<string> failures)
    : Exception("no frontier model answered: " + string.Join("; ", failures))
{
    public IReadOnlyList<string> Failures { get; } = failures;
}

/// <summary>
/// The configured models in order, each behind its own resilience pipeline: a per-attempt timeout, retries with
/// jittered exponential back-off on 429, 5xx and timeouts, and a circuit breaker that stops calling a model that keeps
/// failing. A model that fails after its retries, or whose circuit is open, hands the call to the next one.
/// </summary>
public sealed class FrontierChain : IDisposable
{
    private readonly List<(FrontierModelOptions Options, IChatClient Client, ResiliencePipeline Pipeline)> _models;

    public FrontierChain(IOptions<FrontierOptions> options, Func<FrontierModelOptions, IChatClient>? clientFactory = null)
    {
        _models = options.Value.Models
            .Select(model => (model, (clientFactory ?? CreateClient)(model), Pipeline(model)))
            .ToList();
    }

    public bool IsConfigured => _models.Count > 0;

    public IReadOnlyList<FrontierModelOptions> Models => [.. _models.Select(m => m.Options)];

    /// <param name="log">Where each answered call and failed attempt is noted as it happens (see <see cref="FrontierCallLog"/>).</param>
    public async Task<FrontierCall> AskAsync(IList<ChatMessage> messages, ChatOptions chatOptions, CancellationToken cancellationToken,
        FrontierCallLog? log = null)
    {
        var failures = new List<string>();
        foreach (var (options, client, pipeline) in _models)
        {
            try
            {
                if (log is not null)
                {
                    log.RequestInFlight = true;
                }

                var response = await pipeline.ExecuteAsync(
                    async token => await client.GetResponseAsync(messages, chatOptions, token), cancellationToken);
                // Servers that do not count tokens are charged by the usual estimate of four characters a token.
                var input = response.Usage?.InputTokenCount ?? messages.Sum(m => m.Text.Length) / 4;
                var output = response.Usage?.OutputTokenCount ?? response.Text.Length / 4;
                var call = new FrontierCall(response.Text, options, input, output, options.CostOf(input, output), failures);
                if (log is not null)
                {
                    log.Calls.Add(call);
                    log.RequestInFlight = false;
                }

                return call;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var failure = $"{options}: {Describe(e)}";
                failures.Add(failure);
                if (log is not null)
                {
                    log.Failures.Add(failure);
                    log.RequestInFlight = false;
                }
            }
        }

        throw new FrontierUnavailableException(failures);
    }

    /// <summary>
    /// Asks one task about a redacted text and validates the answer; an invalid answer gets exactly one retry with the
    /// validation error fed back. Returns the valid answer, or the last problem, and every call made (each is paid for).
    /// </summary>
    public async Task<(JsonObject? Answer, AnswerProblem? Problem, List<FrontierCall> Calls)> AskValidatedAsync(
        FrontierTask task, string redactedText, int maxOutputTokens, CancellationToken cancellationToken, FrontierCallLog? log = null)
    {
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, FrontierTask.SystemPrompt),
            new(ChatRole.User, UserPrompt(task, redactedText)),
        };
        var chatOptions = new ChatOptions
        {
            Temperature = 0,
            MaxOutputTokens = maxOutputTokens,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(task.Schema, task.Name, task.Prompt),
        };
        var calls = new List<FrontierCall>();
        AnswerProblem? problem = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var call = await AskAsync(messages, chatOptions, cancellationToken, log);
            calls.Add(call);
            (var answer, problem) = task.Validate(call.Text);
            if (problem is null)
            {
                return (answer, null, calls);
            }

            messages.Add(new ChatMessage(ChatRole.Assistant, call.Text));
            messages.Add(new ChatMessage(ChatRole.User, $"That answer is not valid: {problem.Feedback}. Answer again with JSON that fixes this."));
        }

        return (null, problem, calls);
    }

    /// <summary>
    /// The most <see cref="AskValidatedAsync"/> can cost on any model of the chain, known before anything is sent, so a
    /// budget can be reserved that the call cannot exceed. Both attempts count; every input is counted as one token per
    /// UTF-8 byte (a byte-level tokenizer never makes more tokens than bytes) plus a margin per message, and every answer
    /// at the output limit, fed back in the second attempt with a validation message no longer than itself. This is far
    /// above what a call usually costs; the difference goes back to the budget when the call settles.
    /// </summary>
    public decimal WorstCaseCost(FrontierTask task, string redactedText, int maxOutputTokens)
    {
        const int tokensPerMessage = 16;
        long firstInput = Encoding.UTF8.GetByteCount(FrontierTask.SystemPrompt) + Encoding.UTF8.GetByteCount(UserPrompt(task, redactedText))
            + Encoding.UTF8.GetByteCount(task.Schema.GetRawText()) + 2 * tokensPerMessage;
        var secondInput = firstInput + 2L * maxOutputTokens + 2 * tokensPerMessage;
        return _models.Count == 0
            ? 0
            : _models.Max(m => m.Options.CostOf(firstInput, maxOutputTokens) + m.Options.CostOf(secondInput, maxOutputTokens));
    }

    public void Dispose()
    {
        foreach (var (_, client, _) in _models)
        {
            client.Dispose();
        }
    }

    /// <summary>The task, then the customer's text as delimited data (<see cref="FrontierTask.DelimitedText"/>).</summary>
    private static string UserPrompt(FrontierTask task, string redactedText) => task.Prompt + "\n\n" + FrontierTask.DelimitedText(redactedText);

    private static IChatClient CreateClient(FrontierModelOptions model) => model.Provider switch
    {
        "anthropic" => new AnthropicClient(new ClientOptions
        {
            ApiKey = model.ApiKey,
            BaseUrl = model.Endpoint?.ToString() ?? "https://api.anthropic.com",
            Timeout = TimeSpan.FromSeconds(model.TimeoutSeconds),
            // Its SDK knows its own error types; it retries them (with back-off) and the pipeline adds the breaker.
            MaxRetries = model.Retries,
        }).AsIChatClient(model.Model),
        _ => new OpenAICompatibleChatClient(model),
    };

    private static ResiliencePipeline Pipeline(FrontierModelOptions model)
    {
        var transient = new PredicateBuilder()
            .Handle<ClientResultException>(e => e.Status is 408 or 429 or >= 500)
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>();
        var builder = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(30),
            });
        if (model.Provider != "anthropic" && model.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = model.Retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
            });
        }

        return builder.AddTimeout(TimeSpan.FromSeconds(model.TimeoutSeconds)).Build();
    }

    private static string Describe(Exception e) => e switch
    {
        ClientResultException { Status: > 0 } c => $"HTTP {c.Status}",
        BrokenCircuitException => "circuit open after repeated failures",
        TimeoutRejectedException => "timed out",
        // The type, not the message: a client's message can quote the request, and these strings reach the audit trail.
        _ => e.GetType().Name,
    };
}
