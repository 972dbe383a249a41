using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>The batch personal-data API: through the gateway to the compliance checker and back, over the real platform.</summary>
public sealed class PersonalDataApiTests(PlatformFixture platform)
{
    [Fact]
    public async Task Detects_personal_data_in_every_text_of_a_batch_in_order()
    {
        string[] texts =
        [
            "Please reach Anna Schmidt at anna.schmidt@example.com.",
            "How do I change my PIN?",
            "Card 4111 1111 1111 1111 was declined.",
        ];

        var results = await PostOkAsync("/api/v1/personal-data/detect", new { texts });

        results.GetArrayLength().ShouldBe(3);
        var first = Entities(results[0]);
        first.ShouldContain(("EMAIL_ADDRESS", "anna.schmidt@example.com"));
        first.ShouldContain(("PERSON", "Anna Schmidt"));
        Entities(results[1]).ShouldBeEmpty();
        Entities(results[2]).ShouldBe([("CREDIT_CARD", "4111 1111 1111 1111")]);
        var email = results[0].GetProperty("entities").EnumerateArray().First(e => e.GetProperty("type").GetString() == "EMAIL_ADDRESS");
        texts[0][email.GetProperty("start").GetInt32()..email.GetProperty("end").GetInt32()].ShouldBe("anna.schmidt@example.com");
    }

    [Fact]
    public async Task Applies_the_tenants_policy_for_the_kind_to_each_text()
    {
        // The dev tenant's email policy blocks US social security numbers (see PlatformFixture).
        string[] texts = ["My SSN is 536-22-8726, call Peter Lang.", "Contact Peter Lang at peter@example.org."];

        var results = await PostOkAsync("/api/v1/personal-data/apply", new { texts, kind = "email", includePlaceholders = true });

        results[0].GetProperty("blocked").GetBoolean().ShouldBeTrue();
        results[0].GetProperty("reason").GetString()!.ShouldContain("US_SSN");
        results[1].GetProperty("blocked").GetBoolean().ShouldBeFalse();
        var redacted = results[1].GetProperty("text").GetString()!;
        redacted.ShouldNotContain("Peter Lang");
        redacted.ShouldNotContain("peter@example.org");
        results[1].GetProperty("placeholders").EnumerateObject().Select(p => p.Value.GetString()).ShouldContain("Peter Lang");
    }

    public static TheoryData<string, string, int, string> BadBatches => new()
    {
        { "empty list", """{"texts":[]}""", 400, "Empty batch" },
        { "no texts", """{"kind":"email"}""", 400, "Missing texts" },
        { "null text", """{"texts":["a", null]}""", 400, "Missing text" },
        { "broken JSON", """{"texts":["a""", 400, "Invalid JSON" },
        { "too many texts", "{\"texts\":[" + string.Join(",", Enumerable.Repeat("\"x\"", 1001)) + "]}", 400, "Too many texts" },
        { "oversized text", "{\"texts\":[\"" + new string('a', 100_001) + "\"]}", 413, "Text too large" },
    };

    [Theory]
    [MemberData(nameof(BadBatches))]
    public async Task Bad_batch_gets_a_problem_naming_it(string _, string body, int status, string title)
    {
        using var request = platform.Request(HttpMethod.Post, "/api/v1/personal-data/detect", content: new StringContent(body, Encoding.UTF8, "application/json"));
        using var response = await platform.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(status, text);
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("title").GetString().ShouldBe(title);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Without_an_api_key_the_batch_is_refused()
    {
        using var request = platform.Request(HttpMethod.Post, "/api/v1/personal-data/detect", apiKey: null, JsonContent.Create(new { texts = new[] { "hello" } }));
        using var response = await platform.Http.SendAsync(request, TestContext.Current.CancellationToken);

        ((int)response.StatusCode).ShouldBe(401);
    }

    private async Task<JsonElement> PostOkAsync(string path, object body)
    {
        using var request = platform.Request(HttpMethod.Post, path, content: JsonContent.Create(body));
        using var response = await platform.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(200, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("results").Clone();
    }

    private static List<(string Type, string Value)> Entities(JsonElement result) =>
        [.. result.GetProperty("entities").EnumerateArray().Select(e => (e.GetProperty("type").GetString()!, e.GetProperty("value").GetString()!))];
}
