using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SpecialistPlatform.TestInfrastructure;

/// <summary>
/// A small OpenAI-compatible chat completions server on 127.0.0.1, in process: the test double of an external paid API
/// (the one place a double is right). Each request is answered by the next scripted reply (the last one repeats), and
/// every request body is kept so tests can check what left the building.
/// </summary>
public sealed class FakeFrontier : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<string, IResult>> _replies = new();
    private Func<string, IResult>? _last;
    private int _toolCallIds;

    private FakeFrontier(WebApplication app) => _app = app;

    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri Endpoint => new(_app.Urls.Single() + "/v1");

    public static async Task<FakeFrontier> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeFrontier(app);
        app.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            fake.Requests.Enqueue(body);
            var reply = fake._replies.TryDequeue(out var next) ? fake._last = next : fake._last;
            return reply?.Invoke(body) ?? Results.StatusCode(500);
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
        _replies.Enqueue(body => Results.Json(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_700_000_000,
            model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = content(JsonDocument.Parse(body).RootElement) }, finish_reason = "stop" } },
            usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
        }));
        return this;
    }

    /// <summary>
    /// Answers like a chat model that decides to call tools: an assistant message with no content whose OpenAI
    /// <c>tool_calls</c> name each function (as the caller's kernel advertised it, e.g. <c>plugin-function</c>) with its
    /// JSON arguments, computed from the request's JSON body (e.g. the text of its user message). finish_reason is
    /// <c>tool_calls</c>, so the caller runs the functions and sends their results back in the next request.
    /// </summary>
    public FakeFrontier CallsTools(Func<JsonElement, IReadOnlyList<ToolCall>> calls, int promptTokens = 100, int completionTokens = 10, string model = "fake-frontier-1")
    {
        _replies.Enqueue(body => Results.Json(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_700_000_000,
            model,
            choices = new[]
            {
                new
                {
                    index = 0,
                    message = new
                    {
                        role = "assistant",
                        content = (string?)null,
                        tool_calls = calls(JsonDocument.Parse(body).RootElement).Select(call => new
                        {
                            id = $"call_{Interlocked.Increment(ref _toolCallIds)}",
                            type = "function",
                            function = new { name = call.Function, arguments = JsonSerializer.Serialize(call.Arguments) },
                        }).ToArray(),
                    },
                    finish_reason = "tool_calls",
                },
            },
            usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
        }));
        return this;
    }

    /// <summary>One function call a scripted model makes: the function's advertised name and its arguments (serialised as JSON).</summary>
    public sealed record ToolCall(string Function, object Arguments);

    public FakeFrontier Fails(int status)
    {
        _replies.Enqueue(_ => Results.Json(new { error = new { message = $"scripted {status}", type = "test" } }, statusCode: status));
        return this;
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
