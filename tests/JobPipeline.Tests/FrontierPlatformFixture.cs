using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpecialistPlatform.TestInfrastructure;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>
/// A second platform whose frontier chain points at an OpenAI-compatible test double on loopback (the one place a
/// double is right: an external paid API), with the dev tenant opted into shadow comparison of every support ticket
/// and shadow windows of a few seconds, so escalation and shadow evaluation run end to end.
/// </summary>
public sealed class FrontierPlatformFixture : PlatformFixture
{
    public const string CardArrival = "card_arrival";
    public const decimal PricePer1kInput = 0.01m, PricePer1kOutput = 0.03m;
    public const int PromptTokens = 200, CompletionTokens = 20;
    private FakeFrontier? _frontier;

    public FakeFrontier Frontier => _frontier ?? throw new InvalidOperationException("The frontier double is not started.");

    public override async ValueTask InitializeAsync()
    {
        _frontier = (await FakeFrontier.StartAsync()).AnswersFrom(AnswerLikeAFrontierModel, PromptTokens, CompletionTokens);
        await base.InitializeAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_frontier is not null)
        {
            await _frontier.DisposeAsync();
        }
    }

    protected override IReadOnlyDictionary<string, string> PlatformSettings() => new Dictionary<string, string>
    {
        ["Frontier:Models:0:Provider"] = "openai",
        ["Frontier:Models:0:Endpoint"] = Frontier.Endpoint.ToString(),
        ["Frontier:Models:0:Model"] = "fake-frontier-1",
        ["Frontier:Models:0:ApiKey"] = "sk-test-not-a-real-key",
        ["Frontier:Models:0:PricePer1kInputTokens"] = PricePer1kInput.ToString(CultureInfo.InvariantCulture),
        ["Frontier:Models:0:PricePer1kOutputTokens"] = PricePer1kOutput.ToString(CultureInfo.InvariantCulture),
        ["Frontier:ShadowWindow"] = "00:00:03",
        ["Pipelines:FrontierShadowTenants:0"] = "dev",
        ["Pipelines:Kinds:support-ticket:FrontierShadowShare"] = "1",
    };

    /// <summary>
    /// Answers the way a capable model would, from the JSON schema the request asks for: a classification gets
    /// card_arrival when it is one of the offered labels, an extraction gets every required field, a summary a sentence.
    /// </summary>
    private static string AnswerLikeAFrontierModel(JsonElement request)
    {
        var format = request.GetProperty("response_format").GetProperty("json_schema");
        var properties = format.GetProperty("schema").GetProperty("properties");
        var answer = new JsonObject();
        switch (format.GetProperty("name").GetString())
        {
            case "classification":
                var labels = properties.GetProperty("label").GetProperty("enum").EnumerateArray().Select(l => l.GetString()!).ToList();
                answer["label"] = labels.Contains(CardArrival) ? CardArrival : labels[0];
                break;
            case "extraction":
                foreach (var field in properties.EnumerateObject())
                {
                    var required = field.Value.GetProperty("description").GetString()!.Contains("required", StringComparison.Ordinal);
                    answer[field.Name] = !required ? null : field.Name == "total" ? "GBP 120.00" : "REF-1";
                }
                break;
            default:
                answer["summary"] = "The sender asks about a payment.";
                break;
        }

        return answer.ToJsonString();
    }
}
