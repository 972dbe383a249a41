using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SpecialistPlatform.TestInfrastructure;

/// <summary>
/// A small frontier server on 127.0.0.1, in process: the test double of an external paid API (the one place a double is
/// right). It speaks OpenAI's chat completions (<see cref="Endpoint"/>) and Anthropic's messages (<see cref="AnthropicEndpoint"/>).
/// Each request is answered by the next scripted reply (the last one repeats), in the shape of the API it came to, and
/// every request body is kept so tests can check what left the building.
/// </summary>
public sealed class FakeFrontier : IAsyncDisposable
{
    private readonly WebApplication _app;
    // Scripted replies are given out in order and the last one repeats. Taking the next one and remembering it as the
    // last is one step under this lock: otherwise a request racing the first one finds the queue empty and no last
    // reply yet, answers 500, and the caller's retry shows up as an extra request.
    private readonly Lock _replyLock = new();
    private readonly Queue<Reply> _replies = new();
    private Reply? _last;
    private int _toolCallIds;

    private FakeFrontier(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>The OpenAI-compatible base address, with its version segment.</summary>
    public Uri Endpoint => new(_app.Urls.Single() + "/v1");

    /// <summary>The Anthropic base address (its SDK adds <c>/v1/messages</c>).</summary>
    public Uri AnthropicEndpoint => new(_app.Urls.Single());

    public static async Task<FakeFrontier> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeFrontier(app);
        app.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            var (body, reply) = await fake.ReceiveAsync(request);
            return reply?.AsOpenAI(body) ?? Results.StatusCode(500);
        });
        app.MapPost("/v1/messages", async (HttpRequest request) =>
        {
            var (body, reply) = await fake.ReceiveAsync(request);
            return reply?.AsAnthropic(body) ?? Results.StatusCode(500);
        });
        await app.StartAsync();
        return fake;
    }

    /// <summary>Answers with this content and token counts.</summary>
    public FakeFrontier Answers(string content, int promptTokens = 100, int completionTokens = 10, string model = "fake-frontier-1") =>
        AnswersFrom(_ => content, promptTokens, completionTokens, model);

    /// <summary>Answers with content computed from the request's JSON body (e.g. a label from the schema it asks for).</summary>
    public FakeFrontier AnswersFrom(Func<JsonElement, string> content, int promptTokens = 100, int completionTokens = 10, string model = "fake-frontier-1")
    {
        Script(new Reply(content, promptTokens, completionTokens, model, null));
        return this;
    }

    /// <summary>
    /// Answers like a chat model that decides to call tools (OpenAI's API only): an assistant message with no content whose
    /// <c>tool_calls</c> name each function (as the caller's kernel advertised it, e.g. <c>plugin-function</c>) with its
    /// JSON arguments, computed from the request's JSON body (e.g. the text of its user message). finish_reason is
    /// <c>tool_calls</c>, so the caller runs the functions and sends their results back in the next request.
    /// </summary>
    public FakeFrontier CallsTools(Func<JsonElement, IReadOnlyList<ToolCall>> calls, int promptTokens = 100, int completionTokens = 10, string model = "fake-frontier-1")
    {
        Script(new Reply(null, promptTokens, completionTokens, model, null)
        {
            ToolCalls = body => [.. calls(body).Select(call => new ToolCall(call.Function, call.Arguments, $"call_{Interlocked.Increment(ref _toolCallIds)}"))],
        });
        return this;
    }

    /// <summary>One function call a scripted model makes: the function's advertised name and its arguments (serialised
    /// as JSON); the call's id is given by the double.</summary>
    public sealed record ToolCall(string Function, object Arguments, string? Id = null);

    public FakeFrontier Fails(int status)
    {
        Script(new Reply(null, 0, 0, "", status));
        return this;
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);

    private void Script(Reply reply)
    {
        lock (_replyLock)
        {
            _replies.Enqueue(reply);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<(string Body, Reply? Reply)> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        Requests.Enqueue(body);
        lock (_replyLock)
        {
            return (body, _replies.TryDequeue(out var next) ? _last = next : _last);
        }
    }

    private sealed record Reply(Func<JsonElement, string>? Content, int PromptTokens, int CompletionTokens, string Model, int? FailStatus)
    {
        public Func<JsonElement, IReadOnlyList<ToolCall>>? ToolCalls { get; init; }

        public IResult AsOpenAI(string body) => ToolCalls is not null
            ? Results.Json(new
            {
                id = "chatcmpl-test",
                @object = "chat.completion",
                created = 1_700_000_000,
                model = Model,
                choices = new[]
                {
                    new
                    {
                        index = 0,
                        message = new
                        {
                            role = "assistant",
                            content = (string?)null,
                            tool_calls = ToolCalls(JsonDocument.Parse(body).RootElement).Select(call => new
                            {
                                id = call.Id,
                                type = "function",
                                function = new { name = call.Function, arguments = JsonSerializer.Serialize(call.Arguments) },
                            }).ToArray(),
                        },
                        finish_reason = "tool_calls",
                    },
                },
                usage = new { prompt_tokens = PromptTokens, completion_tokens = CompletionTokens, total_tokens = PromptTokens + CompletionTokens },
            })
            : Content is null
            ? Results.Json(new { error = new { message = $"scripted {FailStatus}", type = "test" } }, statusCode: FailStatus)
            : Results.Json(new
            {
                id = "chatcmpl-test",
                @object = "chat.completion",
                created = 1_700_000_000,
                model = Model,
                choices = new[] { new { index = 0, message = new { role = "assistant", content = Content(JsonDocument.Parse(body).RootElement) }, finish_reason = "stop" } },
                usage = new { prompt_tokens = PromptTokens, completion_tokens = CompletionTokens, total_tokens = PromptTokens + CompletionTokens },
            });

        public IResult AsAnthropic(string body) => ToolCalls is not null
            ? Results.Json(new { type = "error", error = new { type = "api_error", message = "scripted tool calls are OpenAI-only" } }, statusCode: 500)
            : Content is null
            ? Results.Json(new { type = "error", error = new { type = "api_error", message = $"scripted {FailStatus}" } }, statusCode: FailStatus)
            : Results.Json(new
            {
                id = "msg_test",
                type = "message",
                role = "assistant",
                model = Model,
                content = new[] { new { type = "text", text = Content(JsonDocument.Parse(body).RootElement) } },
                stop_reason = "end_turn",
                stop_sequence = (string?)null,
                usage = new { input_tokens = PromptTokens, output_tokens = CompletionTokens, cache_creation_input_tokens = 0, cache_read_input_tokens = 0 },
            });
    }
}
