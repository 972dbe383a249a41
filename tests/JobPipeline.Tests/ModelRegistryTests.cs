using System.Reflection;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Cli;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>Tests that change the model registry (which serves, and a record in every tenant's audit trail), and the
/// tests that depend on which model serves or on a trail's head staying still, run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ServingIntentModel
{
    public const string Name = "serving intent model";
}

/// <summary>The registry as an ML engineer drives it: train, register as shadow, promote, roll back, all while the
/// platform runs jobs, through the `specialist` CLI.</summary>
[Collection(ServingIntentModel.Name)]
public sealed class ModelRegistryTests(PlatformFixture platform)
{
    private const string Text = "My new card still has not arrived, it has been ten days";

    [Fact]
    public async Task Shadow_is_compared_on_live_traffic_promotion_serves_within_seconds_and_rollback_restores()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // The platform's first start trained the default router and made it active.
        var original = await ActiveVersionAsync(cancellationToken);
        (await IntentVersionOfNewJobAsync()).ShouldBe(original.Version);
        var started = DateTimeOffset.UtcNow.AddSeconds(-1);
        // Tests beside this one create tenants while it runs; a tenant created after a change has no record of it.
        List<string> tenantsBefore;
        await using (var before = Open())
        {
            tenantsBefore = await before.Tenants.Select(t => t.Id).ToListAsync(cancellationToken);
        }

        var directory = Directory.CreateTempSubdirectory("specialist-registry-").FullName;
        try
        {
            (await Cli("train", "intent", "--data", Path.Combine(RepositoryRoot, "data", "banking77", "train.csv"), "--label-column", "category",
                "--out", directory, "--seed", "7", "--preset", "linear-ensemble")).ShouldBe(0);
            (await Cli("models", "register", "--name", "banking77", "--model", directory, "--promote", "shadow", "--db", platform.PostgresAdminConnectionString, "--data-dir", platform.DataDirectory))
                .ShouldBe(0);
            var candidate = await VersionAsync(ModelStatus.Shadow, cancellationToken);
            candidate.Version.ShouldNotBe(original.Version);

            // The shadow runs beside the active version: the jobs still get the active version's decision...
            await Eventually(async () => (await ComparedByShadowAsync(candidate.Id, cancellationToken)) >= 3, async () =>
                (await IntentVersionOfNewJobAsync()).ShouldBe(original.Version));

            // ...until it is promoted: then new jobs are routed by it, without a restart.
            (await Cli("models", "promote", "--name", "banking77", "--version", candidate.Version, "--db", platform.PostgresAdminConnectionString, "--data-dir", platform.DataDirectory)).ShouldBe(0);
            await Eventually(async () => await IntentVersionOfNewJobAsync() == candidate.Version);
            (await VersionAsync(ModelStatus.Retired, cancellationToken)).Id.ShouldBe(original.Id);

            (await Cli("models", "rollback", "--name", "banking77", "--db", platform.PostgresAdminConnectionString, "--data-dir", platform.DataDirectory)).ShouldBe(0);
            await Eventually(async () => await IntentVersionOfNewJobAsync() == original.Version);

            // Each change is in every tenant's trail (written by the same chain writer as the jobs' records), by whoever made it.
            await using var db = Open();
            var tenants = await db.Tenants.Select(t => t.Id).ToListAsync(cancellationToken);
            var changes = await db.AuditRecords.AsNoTracking().Where(r => r.Step == "model-registry" && r.Model == "intent/banking77" && r.RecordedAt >= started)
                .OrderBy(r => r.TenantId).ThenBy(r => r.Sequence).ToListAsync(cancellationToken);
            var changedTenants = changes.Select(r => r.TenantId).Distinct().ToList();
            changedTenants.ShouldBeSubsetOf(tenants);
            tenantsBefore.ShouldBeSubsetOf(changedTenants);
            var devChanges = changes.Where(r => r.TenantId == "dev").ToList();
            devChanges.Select(r => (r.Decision, r.ModelVersion)).ShouldBe([
                ("model-promoted", candidate.Version), ("model-promoted", candidate.Version), ("model-rolled-back", original.Version)]);
            devChanges[0].Detail!.ShouldContain("to=shadow; replaces=none");
            devChanges[1].Detail!.ShouldContain($"to=active; replaces={original.Version}");
            devChanges[2].Detail!.ShouldContain($"retired={candidate.Version}");
            devChanges.ShouldAllBe(r => r.Service == "cli" && r.Detail!.Contains($"by=os-user:{Environment.UserName}"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Models_api_lists_versions_for_auditors_and_refuses_bad_promotions()
    {
        using (var list = platform.Request(HttpMethod.Get, "/api/v1/models?task=intent"))
        using (var response = await platform.Http.SendAsync(list, TestContext.Current.CancellationToken))
        {
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
            var models = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
            models.EnumerateArray().ShouldContain(m => m.GetProperty("name").GetString() == "banking77" && m.GetProperty("status").GetString() == "Active");
        }

        (await PromoteAsync(new { version = "000000000000" })).ShouldBe((404, "banking77"));
        (await PromoteAsync(new { version = "000000000000", to = "retired" })).ShouldBe((400, "active"));
        using var anonymous = platform.Request(HttpMethod.Get, "/api/v1/models", apiKey: null);
        (await platform.Http.SendAsync(anonymous, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Unauthorized);

        async Task<(int Status, string Mentions)> PromoteAsync(object body)
        {
            using var request = platform.Request(HttpMethod.Post, "/api/v1/models/intent/banking77/promote", content: System.Net.Http.Json.JsonContent.Create(body));
            using var response = await platform.Http.SendAsync(request, TestContext.Current.CancellationToken);
            var detail = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
                .RootElement.GetProperty("detail").GetString()!;
            return ((int)response.StatusCode, detail.Contains("banking77") ? "banking77" : detail.Contains("active") ? "active" : detail);
        }
    }

    private async Task<string> IntentVersionOfNewJobAsync()
    {
        var job = await platform.WaitForJobAsync(await platform.SubmitAsync("email", Text));
        return job.GetProperty("result").GetProperty("intent").GetProperty("modelVersion").GetString()!;
    }

    private static Task Eventually(Func<Task<bool>> done, Func<Task>? step = null) =>
        PlatformFixture.EventuallyAsync(done, "the registry change did not reach the service in time", step: step);

    private async Task<ModelVersion> ActiveVersionAsync(CancellationToken cancellationToken) => await VersionAsync(ModelStatus.Active, cancellationToken);

    private async Task<ModelVersion> VersionAsync(ModelStatus status, CancellationToken cancellationToken)
    {
        await using var db = Open();
        return await db.ModelVersions.AsNoTracking().SingleAsync(m => m.Task == "intent" && m.Name == "banking77" && m.Status == status, cancellationToken);
    }

    private async Task<int> ComparedByShadowAsync(Guid shadowId, CancellationToken cancellationToken)
    {
        await using var db = Open();
        return await db.ShadowComparisons.Where(c => c.ShadowModelId == shadowId).SumAsync(c => c.Compared, cancellationToken);
    }

    private PlatformDbContext Open() => platform.AdminDb();

    private static async Task<int> Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        exit.ShouldBe(0, $"specialist {string.Join(' ', args)}\n{output}\n{error}");
        return exit;
    }

    private static string RepositoryRoot => typeof(ModelRegistryTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;
}
