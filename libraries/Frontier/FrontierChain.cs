using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Anthropic;
using Anthropic.Core;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using OpenAI;
using OpenAI.Chat;
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
/// The configured models in order, as the chat clients of one Semantic Kernel <see cref="Kernel"/>, each behind its own
/// resilience pipeline (<see cref="ResilientChatClient"/>): a per-attempt timeout, retries with jittered exponential
/// back-off on 429, 5xx and timeouts, and a circuit breaker that stops calling a model that keeps failing. A model that
/// fails after its retries, or whose circuit is open, hands the call to the next one. The Kernel renders each task's
/// prompt template and runs the personal-data filter (<see cref="PersonalDataPromptFilter"/>) on the result before any
/// model is called; a blocked prompt goes to no model at all.
/// </summary>
public sealed class FrontierChain : IDisposable
{
    private readonly List<(FrontierModelOptions Options, string ServiceId, IChatClient Client)> _models;
    private readonly Kernel _kernel;
    private readonly ConcurrentDictionary<(FrontierPrompt Prompt, FrontierPrompt? Then), KernelFunction> _functions = new();

    /// <param name="clientFactory">Makes a model's chat client; the provider's own by default (<see cref="CreateClient"/>).</param>
    public FrontierChain(IOptions<FrontierOptions> options, Func<FrontierModelOptions, IChatClient>? clientFactory = null,
        PersonalDataPromptFilter? promptFilter = null)
    {
        _models = options.Value.Models
            .Select((model, i) => (model, $"frontier-{i}", (IChatClient)new ResilientChatClient((clientFactory ?? CreateClient)(model), Pipeline(model))))
            .ToList();
        var builder = Kernel.CreateBuilder();
        foreach (var (_, serviceId, client) in _models)
        {
            builder.Services.AddKeyedSingleton(serviceId, client);
        }

        builder.Services.AddSingleton<IPromptRenderFilter>(promptFilter ?? new PersonalDataPromptFilter());
        _kernel = builder.Build();
    }

    public bool IsConfigured => _models.Count > 0;

    public IReadOnlyList<FrontierModelOptions> Models => [.. _models.Select(m => m.Options)];

    /// <summary>
    /// Renders <paramref name="prompt"/> (with <paramref name="then"/> as a follow-up turn) with <paramref name="variables"/>
    /// through the Kernel and asks the chain's models in order until one answers.
    /// </summary>
    /// <param name="log">Where each answered call and failed attempt is noted as it happens (see <see cref="FrontierCallLog"/>).</param>
    /// <exception cref="PromptBlockedException">The rendered prompt carried personal data; no model was asked.</exception>
    /// <exception cref="FrontierUnavailableException">Every model failed.</exception>
    public async Task<FrontierCall> AskAsync(FrontierTask task, FrontierPrompt? then, IDictionary<string, object?> variables, int maxOutputTokens,
        CancellationToken cancellationToken, FrontierCallLog? log = null)
    {
        var function = _functions.GetOrAdd((task.Prompt, then), key => key.Prompt.ToFunction(key.Then));
        var failures = new List<string>();
        foreach (var (options, serviceId, _) in _models)
        {
            var settings = new FrontierExecutionSettings
            {
                ServiceId = serviceId,
                Schema = task.Schema,
                SchemaName = task.Name,
                MaxOutputTokens = maxOutputTokens,
            };
            try
            {
                if (log is not null)
                {
                    log.RequestInFlight = true;
                }

                var result = await _kernel.InvokeAsync(function, new KernelArguments(variables, new Dictionary<string, PromptExecutionSettings>
                {
                    [serviceId] = settings,
                }), cancellationToken);
                var response = result.GetValue<ChatResponse>() ?? throw new InvalidOperationException($"{options}: the Kernel returned no chat response");
                // Servers that do not count tokens are charged by the usual estimate of four characters a token.
                var input = response.Usage?.InputTokenCount ?? (result.RenderedPrompt?.Length ?? 0) / 4;
                var output = response.Usage?.OutputTokenCount ?? response.Text.Length / 4;
                var call = new FrontierCall(response.Text, options, input, output, options.CostOf(input, output), failures);
                if (log is not null)
                {
                    log.Calls.Add(call);
                    log.RequestInFlight = false;
                }

                return call;
            }
            catch (PromptBlockedException)
            {
                // Nothing was sent, and the next model would get the same prompt.
                if (log is not null)
                {
                    log.RequestInFlight = false;
                }

                throw;
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
    /// validation error fed back (<see cref="FrontierPrompts.AnswerAgain"/>). Returns the valid answer, or the last
    /// problem, and every call made (each is paid for).
    /// </summary>
    /// <exception cref="PromptBlockedException">A rendered prompt carried personal data and was not sent.</exception>
    public async Task<(JsonObject? Answer, AnswerProblem? Problem, List<FrontierCall> Calls)> AskValidatedAsync(
        FrontierTask task, string redactedText, int maxOutputTokens, CancellationToken cancellationToken, FrontierCallLog? log = null)
    {
        var variables = task.Variables(redactedText);
        var calls = new List<FrontierCall>();
        AnswerProblem? problem = null;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var call = await AskAsync(task, attempt == 0 ? null : FrontierPrompts.AnswerAgain, variables, maxOutputTokens, cancellationToken, log);
            calls.Add(call);
            (var answer, problem) = task.Validate(call.Text);
            if (problem is null)
            {
                return (answer, null, calls);
            }

            variables["previous_answer"] = call.Text;
            variables["problem"] = problem.Feedback;
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
        long firstInput = task.RenderedParts(redactedText).Sum(part => (long)Encoding.UTF8.GetByteCount(part))
            + Encoding.UTF8.GetByteCount(task.Schema.GetRawText()) + 2 * tokensPerMessage;
        var secondInput = firstInput + Encoding.UTF8.GetByteCount(FrontierPrompts.AnswerAgain.Template) + 2L * maxOutputTokens + 2 * tokensPerMessage;
        return _models.Count == 0
            ? 0
            : _models.Max(m => m.Options.CostOf(firstInput, maxOutputTokens) + m.Options.CostOf(secondInput, maxOutputTokens));
    }

    public void Dispose()
    {
        foreach (var (_, _, client) in _models)
        {
            client.Dispose();
        }
    }

    /// <summary>
    /// The provider's own chat client: Anthropic's SDK's, or the OpenAI SDK's through Microsoft.Extensions.AI.OpenAI for
    /// any OpenAI-compatible endpoint, with the SDK's retries off (the pipeline retries).
    /// </summary>
    public static IChatClient CreateClient(FrontierModelOptions model) => model.Provider switch
    {
        "anthropic" => new AnthropicClient(new ClientOptions
        {
            ApiKey = model.ApiKey,
            BaseUrl = model.Endpoint?.ToString() ?? "https://api.anthropic.com",
            Timeout = TimeSpan.FromSeconds(model.TimeoutSeconds),
            // Its SDK knows its own error types; it retries them (with back-off) and the pipeline adds the breaker.
            MaxRetries = model.Retries,
        }).AsIChatClient(model.Model),
        _ => new ChatClient(model.Model, new ApiKeyCredential(string.IsNullOrEmpty(model.ApiKey) ? "none" : model.ApiKey), new OpenAIClientOptions
        {
            Endpoint = model.Endpoint,
            NetworkTimeout = TimeSpan.FromSeconds(model.TimeoutSeconds),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        }).AsIChatClient(),
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
        // The Kernel wraps some of a client's exceptions in its own; what the client threw says what went wrong.
        KernelException { InnerException: { } inner } => Describe(inner),
        ClientResultException { Status: > 0 } c => $"HTTP {c.Status}",
        BrokenCircuitException => "circuit open after repeated failures",
        TimeoutRejectedException => "timed out",
        // The type, not the message: a client's message can quote the request, and these strings reach the audit trail.
        _ => e.GetType().Name,
    };
}
