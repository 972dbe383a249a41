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

    public FakeFrontier Fails(int status)
    {
        _replies.Enqueue(_ => Results.Json(new { error = new { message = $"scripted {status}", type = "test" } }, statusCode: status));
        return this;
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
