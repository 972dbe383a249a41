using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Keys;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>The audit listing pages by keyset (the record's sequence), so an auditor paging through a trail that is
/// still being written sees every record once: none skipped, none repeated, whatever is appended meanwhile. A tenant of
/// its own, so the trail holds only what the test appends (and the registry's changes, which go to every tenant).</summary>
public sealed class AuditPagingTests(PlatformFixture platform)
{
    private const string Text = "My new card still has not arrived, it has been ten days";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Paging_by_cursor_returns_every_record_exactly_once_while_records_are_appended()
    {
        var tenant = "paging-" + Guid.NewGuid().ToString("N")[..8];
        var key = ApiKeys.Generate();
        await using (var db = platform.AdminDb())
        {
            await ApiKeys.EnsureAsync(db, tenant, tenant, key, [ApiKeyRoles.Submitter, ApiKeyRoles.Auditor], Cancellation);
        }

        for (var i = 0; i < 3; i++)
        {
            await RunToTheTrailAsync(key);
        }

        // Forward, three records a page; after each page a job runs to its end, so its records are appended to the trail
        // being paged (behind the cursor, and ahead of it) before the next page is asked for.
        var appendedJobs = new List<Guid>();
        var seen = new List<JsonElement>();
        var pages = new List<JsonElement>();
        long? after = null;
        while (true)
        {
            var page = await PageAsync(key, after: after);
            pages.Add(page);
            seen.AddRange(page.GetProperty("records").EnumerateArray());
            if (appendedJobs.Count < 4)
            {
                appendedJobs.Add(await RunToTheTrailAsync(key));
            }

            if (page.GetProperty("next").ValueKind == JsonValueKind.Null)
            {
                break;
            }

            after = page.GetProperty("next").GetInt64();
        }

        var sequences = seen.Select(r => r.GetProperty("sequence").GetInt64()).ToList();
        sequences.ShouldBe(sequences.Order().Distinct(), "each record once, in the trail's order");
        // Every job appended while paging is in what the pages returned: the cursor does not skip what lands after it.
        var jobsSeen = seen.Select(r => r.GetProperty("jobId").GetGuid()).ToHashSet();
        appendedJobs.ShouldAllBe(job => jobsSeen.Contains(job));

        // And what the pages returned is the trail as the database holds it, up to the last record read.
        await using (var db = platform.AdminDb())
        {
            var last = sequences[^1];
            var stored = await db.AuditRecords.AsNoTracking()
                .Where(r => r.TenantId == tenant && r.Sequence <= last)
                .OrderBy(r => r.Sequence).Select(r => r.Sequence).ToListAsync(Cancellation);
            sequences.ShouldBe(stored);
        }

        // Back from the last page by the previous cursors: the same records, page for page.
        var back = new List<long>();
        var current = pages[^1];
        while (current.GetProperty("previous").ValueKind != JsonValueKind.Null)
        {
            current = await PageAsync(key, before: current.GetProperty("previous").GetInt64());
            back.InsertRange(0, current.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("sequence").GetInt64()));
        }

        back.ShouldBe(sequences.Take(sequences.Count - pages[^1].GetProperty("records").GetArrayLength()));
    }

    private async Task<JsonElement> PageAsync(string key, long? after = null, long? before = null)
    {
        var path = "/api/v1/audit?pageSize=3" + (after is { } a ? $"&after={a}" : "") + (before is { } b ? $"&before={b}" : "");
        using var request = platform.Request(HttpMethod.Get, path, key);
        using var response = await platform.Http.SendAsync(request, Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        ((int)response.StatusCode).ShouldBe(200, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Submits a job as the tenant and waits until its completion record is in the tenant's trail.</summary>
    private async Task<Guid> RunToTheTrailAsync(string key)
    {
        var job = await platform.SubmitAsync("email", Text, apiKey: key);
        await PlatformFixture.EventuallyAsync(async () =>
        {
            using var request = platform.Request(HttpMethod.Get, $"/api/v1/jobs/{job}/audit", key);
            using var response = await platform.Http.SendAsync(request, Cancellation);
            return response.IsSuccessStatusCode && JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation)).RootElement
                .EnumerateArray().Any(r => r.GetProperty("step").GetString() == "completion");
        }, $"job {job} has no completion record");
        return job;
    }
}
