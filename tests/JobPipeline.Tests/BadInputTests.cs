using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>
/// Inputs that once answered 500 or were silently misread: characters Postgres cannot store, paging that overflows, an
/// idempotency key reused for a different request, and query values that do not parse. Each gets 4xx problem details
/// that name what was wrong.
/// </summary>
public sealed class BadInputTests(PlatformFixture platform)
{
    public static TheoryData<string, string, string> UnstorableBodies => new()
    {
        // Raw JSON, so the escapes reach the gateway as a client wrote them.
        { "NUL in the text", """{"kind":"email","text":"hello\u0000world"}""", "U+0000 (NUL) at character 5" },
        { "NUL in a metadata value", """{"kind":"email","text":"hi","metadata":{"ref":"a\u0000"}}""", "'metadata.ref' holds U+0000" },
        { "NUL in a metadata key", """{"kind":"email","text":"hi","metadata":{"r\u0000":"a"}}""", "a 'metadata' key holds U+0000" },
    };

    [Theory]
    [MemberData(nameof(UnstorableBodies))]
    public async Task Characters_postgres_cannot_store_get_400_naming_the_character_and_where(string _, string body, string expected)
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/v1/jobs", new StringContent(body, Encoding.UTF8, "application/json"));

        status.ShouldBe(400, problem.ToString());
        problem.GetProperty("title").GetString().ShouldBe("Unsupported character");
        problem.GetProperty("detail").GetString()!.ShouldContain(expected);
    }

    [Theory]
    [InlineData("""{"kind":"email","text":"ab\ud800cd"}""")]
    [InlineData("""{"kind":"email","text":"\udc00"}""")]
    [InlineData("""{"kind":"email","text":"hi","metadata":{"ref":"\ud83d"}}""")]
    public async Task Lone_surrogates_are_refused_by_the_json_reader_with_the_place(string body)
    {
        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/v1/jobs", new StringContent(body, Encoding.UTF8, "application/json"));

        status.ShouldBe(400, problem.ToString());
        problem.GetProperty("title").GetString().ShouldBe("Invalid JSON");
        problem.GetProperty("detail").GetString()!.ShouldContain("surrogate", Case.Insensitive);
        problem.GetProperty("detail").GetString()!.ShouldContain("Path: $.");
    }

    [Fact]
    public async Task Other_control_characters_and_surrogate_pairs_are_stored_as_given()
    {
        const string text = "tab\there\u0001bell\u0007esc\u001b emoji \ud83d\ude00 rtl \u202e end";

        var id = await platform.SubmitAsync("email", text);

        await using var db = platform.AdminDb();
        var stored = await db.Jobs.FindAsync([id], TestContext.Current.CancellationToken);
        stored!.Text.ShouldBe(text);
        (await platform.WaitForJobAsync(id)).GetProperty("status").GetString().ShouldBeOneOf("Completed", "NeedsReview");
    }

    [Theory]
    [InlineData("/api/v1/audit?after=-5", "Invalid paging")]
    [InlineData("/api/v1/audit?before=-1", "Invalid paging")]
    [InlineData("/api/v1/audit?after=2&before=9", "Invalid paging")]
    [InlineData("/api/v1/audit?pageSize=-1", "Invalid paging")]
    [InlineData("/api/v1/audit?pageSize=100000", "Invalid paging")]
    [InlineData("/api/v1/reports?page=2147483647", "Invalid paging")]
    [InlineData("/api/v1/audit?after=abc", "Invalid request")]
    [InlineData("/api/v1/audit?after=99999999999999999999", "Invalid request")]
    [InlineData("/api/v1/audit?from=yesterday", "Invalid request")]
    public async Task Paging_and_query_values_out_of_range_get_400(string path, string title)
    {
        var (status, problem) = await SendAsync(HttpMethod.Get, path);

        status.ShouldBe(400, problem.ToString());
        problem.GetProperty("title").GetString().ShouldBe(title);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task The_last_page_that_an_offset_can_reach_answers_empty()
    {
        // The audit trail pages by cursor now (the console's keyset paging); the reports listing is the one left
        // that pages by offset. Page 10,737,418 of 200 starts at record 2,147,483,400, the last an int offset can reach.
        var (status, page) = await SendAsync(HttpMethod.Get, "/api/v1/reports?page=10737418&pageSize=200");

        status.ShouldBe(200, page.ToString());
        page.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task An_idempotency_key_reused_for_a_different_request_gets_409_and_the_same_request_gets_its_job()
    {
        var key = $"conflict-{Guid.NewGuid():N}";
        var first = await platform.SubmitAsync("email", "Please close my savings account", key);

        var (sameStatus, same) = await SubmitWithKeyAsync(key, new { kind = "email", text = "Please close my savings account" });
        var (otherTextStatus, otherText) = await SubmitWithKeyAsync(key, new { kind = "email", text = "Please open a savings account" });
        var (otherKindStatus, _) = await SubmitWithKeyAsync(key, new { kind = "support-ticket", text = "Please close my savings account" });
        var (otherMetadataStatus, _) = await SubmitWithKeyAsync(key,
            new { kind = "email", text = "Please close my savings account", metadata = new Dictionary<string, string> { ["ref"] = "x" } });

        sameStatus.ShouldBe(202);
        same.GetProperty("jobId").GetGuid().ShouldBe(first);
        otherTextStatus.ShouldBe(409, otherText.ToString());
        otherText.GetProperty("title").GetString().ShouldBe("Idempotency key reused");
        otherText.GetProperty("detail").GetString()!.ShouldContain(first.ToString());
        otherKindStatus.ShouldBe(409);
        otherMetadataStatus.ShouldBe(409);
    }

    [Fact]
    public async Task Metadata_in_another_order_is_the_same_request()
    {
        var key = $"order-{Guid.NewGuid():N}";
        var (firstStatus, first) = await SubmitWithKeyAsync(key,
            new { kind = "email", text = "Card blocked", metadata = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } });
        var (againStatus, again) = await SubmitWithKeyAsync(key,
            new { kind = "email", text = "Card blocked", metadata = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" } });

        firstStatus.ShouldBe(202);
        againStatus.ShouldBe(202, again.ToString());
        again.GetProperty("jobId").GetGuid().ShouldBe(first.GetProperty("jobId").GetGuid());
    }

    private Task<(int Status, JsonElement Body)> SubmitWithKeyAsync(string key, object body) =>
        SendAsync(HttpMethod.Post, "/api/v1/jobs", JsonContent.Create(body), key);

    private async Task<(int Status, JsonElement Body)> SendAsync(HttpMethod method, string path, HttpContent? content = null, string? idempotencyKey = null)
    {
        using var request = platform.Request(method, path, content: content);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await platform.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if ((int)response.StatusCode >= 400)
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", body);
        }

        return ((int)response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }
}
