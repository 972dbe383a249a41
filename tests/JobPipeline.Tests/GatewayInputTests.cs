using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Keys;
using SpecialistPlatform.Jobs.Intake;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>Every bad input gets problem details that say what was wrong, never a 500.</summary>
public sealed class GatewayInputTests(PlatformFixture platform)
{
    public static TheoryData<string, string, int, string> BadBodies => new()
    {
        { "unknown kind", """{"kind":"horoscope","text":"hello"}""", 400, "Unknown kind" },
        { "missing kind", """{"text":"hello"}""", 400, "Missing kind" },
        { "empty text", """{"kind":"email","text":"   "}""", 400, "Empty text" },
        { "broken JSON", """{"kind":"email","text":"hel""", 400, "Invalid JSON" },
        { "not an object", """["email","hello"]""", 400, "Invalid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_submission_gets_a_problem_naming_it(string _, string body, int status, string title)
    {
        var problem = await PostAsync(new StringContent(body, Encoding.UTF8, "application/json"), status);

        problem.GetProperty("title").GetString().ShouldBe(title);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Invalid_utf8_gets_a_problem()
    {
        var bytes = "{\"kind\":\"email\",\"text\":\"caf"u8.ToArray().Concat(new byte[] { 0xC3, 0x28 }).Concat("\"}"u8.ToArray()).ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");

        var problem = await PostAsync(content, 400);

        problem.GetProperty("title").GetString().ShouldBe("Invalid JSON");
    }

    [Fact]
    public async Task Text_over_the_limit_gets_413_with_the_limit()
    {
        var text = new string('a', 1024 * 1024 + 1);

        var problem = await PostAsync(JsonContent.Create(new { kind = "email", text }), 413);

        problem.GetProperty("detail").GetString()!.ShouldContain("1,048,576");
    }

    [Fact]
    public async Task Wrong_content_type_gets_415()
    {
        await PostAsync(new StringContent("kind=email", Encoding.UTF8, "application/x-www-form-urlencoded"), 415);
    }

    [Fact]
    public async Task Missing_key_gets_401_and_wrong_key_gets_401()
    {
        using var missing = platform.Request(HttpMethod.Post, "/api/v1/jobs", apiKey: null, JsonContent.Create(new { kind = "email", text = "hi" }));
        using var wrong = platform.Request(HttpMethod.Post, "/api/v1/jobs", apiKey: "sp_not_a_key", JsonContent.Create(new { kind = "email", text = "hi" }));

        using var missingResponse = await platform.Http.SendAsync(missing, TestContext.Current.CancellationToken);
        using var wrongResponse = await platform.Http.SendAsync(wrong, TestContext.Current.CancellationToken);

        missingResponse.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrongResponse.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        missingResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await wrongResponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("X-Api-Key");
    }

    [Fact]
    public async Task Submitter_key_cannot_read_the_audit_trail_and_tenants_see_only_their_own_jobs()
    {
        var otherKey = ApiKeys.Generate();
        await using (var db = AdminDb())
        {
            await ApiKeys.EnsureAsync(db, "other-tenant", "Other", otherKey, [ApiKeyRoles.Submitter], TestContext.Current.CancellationToken);
        }

        var devJob = await platform.SubmitAsync("email", "Where is my new card?");
        using var audit = platform.Request(HttpMethod.Get, "/api/v1/audit", otherKey);
        using var someoneElsesJob = platform.Request(HttpMethod.Get, $"/api/v1/jobs/{devJob}", otherKey);

        using var auditResponse = await platform.Http.SendAsync(audit, TestContext.Current.CancellationToken);
        using var jobResponse = await platform.Http.SendAsync(someoneElsesJob, TestContext.Current.CancellationToken);

        auditResponse.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        jobResponse.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_job_gets_404_problem()
    {
        using var request = platform.Request(HttpMethod.Get, $"/api/v1/jobs/{Guid.NewGuid()}");
        using var response = await platform.Http.SendAsync(request, TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private PlatformDbContext AdminDb() => platform.AdminDb();

    private async Task<JsonElement> PostAsync(HttpContent content, int expectedStatus)
    {
        using var request = platform.Request(HttpMethod.Post, "/api/v1/jobs", content: content);
        using var response = await platform.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(expectedStatus, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
