using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Keys;
using SpecialistPlatform.Data.Registry;
using SpecialistPlatform.MachineLearning.Moderation;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>The shadow's canary share as a registry setting (docs/decisions/0030): only a platform admin sets it, every
/// tenant's trail records it, and the serving services follow it without a restart. With the other registry tests:
/// a canary changes which model decides.</summary>
[Collection(ServingIntentModel.Name)]
public sealed class CanaryShareTests(PlatformFixture platform)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_a_platform_admin_sets_the_canary_share_and_every_tenants_trail_records_it()
    {
        // A model no service follows: the registry's rules and records, without changing what decides jobs.
        var (task, name) = ("canary-test", $"m{Guid.NewGuid():N}"[..12]);
        string active, shadow;
        await using (var db = platform.AdminDb())
        {
            var registry = new ModelRegistry(db);
            active = (await registry.RegisterActiveAsync(task, name, RandomNumberGenerator.GetBytes(64), "{}", null, null, Cancellation)).Promoted.Version;
            shadow = (await registry.RegisterAsync(task, name, RandomNumberGenerator.GetBytes(64), "{}", null, null, Cancellation)).Version;
            await registry.PromoteAsync(task, name, shadow, ModelStatus.Shadow, Cancellation);
        }

        var tenantAdmin = ApiKeys.Generate();
        var otherTenant = "canary-" + Guid.NewGuid().ToString("N")[..8];
        await using (var db = platform.AdminDb())
        {
            await ApiKeys.EnsureAsync(db, otherTenant, otherTenant, tenantAdmin, [ApiKeyRoles.Admin, ApiKeyRoles.Auditor], Cancellation);
        }

        // A tenant's admin may not change what decides every tenant's jobs.
        (await SetAsync(task, name, new { version = shadow, share = 0.25 }, tenantAdmin)).Status.ShouldBe(HttpStatusCode.Forbidden);
        // Only the shadow has a canary share, and a share is a fraction of jobs.
        (await SetAsync(task, name, new { version = active, share = 0.25 })).Status.ShouldBe(HttpStatusCode.Conflict);
        (await SetAsync(task, name, new { version = shadow, share = 1.5 })).Status.ShouldBe(HttpStatusCode.BadRequest);

        var (status, body) = await SetAsync(task, name, new { version = shadow, share = 0.25 });
        status.ShouldBe(HttpStatusCode.OK, body);
        JsonDocument.Parse(body).RootElement.GetProperty("shadow").GetProperty("canaryShare").GetDouble().ShouldBe(0.25);
        (await SetAsync(task, name, new { version = shadow, share = (double?)null })).Status.ShouldBe(HttpStatusCode.OK);

        await using (var db = platform.AdminDb())
        {
            (await db.ModelVersions.SingleAsync(m => m.Task == task && m.Name == name && m.Version == shadow, Cancellation)).CanaryShare.ShouldBeNull();
            var records = await db.AuditRecords.AsNoTracking()
                .Where(r => r.Step == ResourceNames.Steps.ModelRegistry && r.Model == $"{task}/{name}" && r.Decision == "model-canary-share-set")
                .OrderBy(r => r.Sequence).ToListAsync(Cancellation);
            // In the trail of the tenant whose admin was refused too: every tenant's jobs are decided by the registry.
            foreach (var tenant in new[] { "dev", otherTenant })
            {
                var trail = records.Where(r => r.TenantId == tenant).ToList();
                trail.Select(r => r.ModelVersion).ShouldBe([shadow, shadow], $"tenant {tenant}");
                trail[0].Detail!.ShouldContain("share=0.25; previous=default");
                trail[1].Detail!.ShouldContain("share=default; previous=0.25");
                trail.ShouldAllBe(r => r.Service == ResourceNames.Services.Gateway && r.Detail!.Contains("by=key:"));
            }
        }
    }

    [Fact]
    public async Task A_canary_share_set_in_the_registry_decides_jobs_without_a_restart()
    {
        // The active moderation model's weights under another note: a new version that decides as the active one does,
        // so only the version its jobs record tells which decided.
        await using var db = platform.AdminDb();
        var registry = new ModelRegistry(db);
        var original = await db.ModelVersions.AsNoTracking()
            .SingleAsync(m => m.Task == "moderation" && m.Name == "default" && m.Status == ModelStatus.Active, Cancellation);
        var active = ModerationArtifact.Deserialize(await registry.ArtifactAsync(original.Id, Cancellation));
        var variant = new ModerationModel(active.Space, active.Heads,
            active.Metadata with { HyperParametersJson = $$"""{"note": "canary test variant {{Guid.NewGuid():N}}"}""" });
        var shadow = await registry.RegisterAsync("moderation", "default", ModerationArtifact.Serialize(variant), original.MetricsJson, null,
            "canary share test", Cancellation);
        await registry.PromoteAsync("moderation", "default", shadow.Version, ModelStatus.Shadow, Cancellation);
        try
        {
            // The services' setting is no canary: the active version decides every job...
            (await ModerationVersionOfNewJobAsync()).ShouldBe(original.Version);

            // ...until a platform admin gives the shadow every job, through the gateway; the service follows at its next
            // registry refresh, without a restart.
            (await SetAsync("moderation", "default", new { version = shadow.Version, share = 1.0 })).Status.ShouldBe(HttpStatusCode.OK);
            await PlatformFixture.EventuallyAsync(async () => await ModerationVersionOfNewJobAsync() == shadow.Version,
                "the canary share of 1 did not reach the compliance checker");

            // A share of 0 in the registry turns the canary off again.
            (await SetAsync("moderation", "default", new { version = shadow.Version, share = 0.0 })).Status.ShouldBe(HttpStatusCode.OK);
            await PlatformFixture.EventuallyAsync(async () => await ModerationVersionOfNewJobAsync() == original.Version,
                "the canary share of 0 did not reach the compliance checker");
        }
        finally
        {
            await registry.RetireAsync("moderation", "default", shadow.Version, CancellationToken.None);
        }
    }

    private async Task<string> ModerationVersionOfNewJobAsync()
    {
        var job = await platform.WaitForJobAsync(await platform.SubmitAsync("email", "Where is my new card? It has been two weeks."));
        return job.GetProperty("result").GetProperty("moderation").GetProperty("modelVersion").GetString()!;
    }

    private async Task<(HttpStatusCode Status, string Body)> SetAsync(string task, string name, object body, string apiKey = PlatformFixture.DevApiKey)
    {
        using var request = platform.Request(HttpMethod.Put, $"/api/v1/models/{task}/{name}/canary-share", apiKey, JsonContent.Create(body));
        using var response = await platform.Http.SendAsync(request, Cancellation);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancellation));
    }
}
