using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SpecialistPlatform.Cli;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Registry;
using SpecialistPlatform.MachineLearning.Moderation;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>The moderation model follows the registry as the router does: shadow beside the active version with its
/// agreement recorded, promotion served within seconds, rollback restoring the previous version.</summary>
[Collection(ServingIntentModel.Name)]
public sealed class ModerationRegistryTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_shadow_moderation_model_is_compared_live_then_promoted_and_rolled_back_without_a_restart()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        // The platform's first start trained (or read from the cache) the default model and made it active.
        var original = await VersionAsync(ModelStatus.Active, cancellationToken);
        (await VersionOfABatchAsync()).ShouldBe(original.Version);

        // The same weights under another note: a new version (its bytes differ) that decides exactly as the active one,
        // so the shadow's agreement must be total.
        await using var db = platform.AdminDb();
        var active = ModerationArtifact.Deserialize(await new ModelRegistry(db).ArtifactAsync(original.Id, cancellationToken));
        var variant = new ModerationModel(active.Space, active.Heads,
            active.Metadata with { HyperParametersJson = """{"note": "registry test variant"}""" });
        var directory = Directory.CreateTempSubdirectory("specialist-moderation-registry-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(directory, "model.bin"), ModerationArtifact.Serialize(variant), cancellationToken);
            await Cli("models", "register", "--task", "moderation", "--name", "default", "--model", directory, "--promote", "shadow",
                "--db", platform.PostgresAdminConnectionString, "--data-dir", platform.DataDirectory);
            var candidate = await VersionAsync(ModelStatus.Shadow, cancellationToken);
            candidate.Version.ShouldNotBe(original.Version);

            // The shadow scores beside the active version, which still decides...
            await Eventually(async () => (await ShadowComparisonsAsync(candidate.Id, cancellationToken)).Compared >= 2, async () =>
                (await VersionOfABatchAsync()).ShouldBe(original.Version));
            var (compared, agreed) = await ShadowComparisonsAsync(candidate.Id, cancellationToken);
            agreed.ShouldBe(compared);

            // ...until it is promoted; then rolled back.
            await Cli("models", "promote", "--task", "moderation", "--name", "default", "--version", candidate.Version, "--db", platform.PostgresAdminConnectionString, "--data-dir", platform.DataDirectory);
            await Eventually(async () => await VersionOfABatchAsync() == candidate.Version);
            await Cli("models", "rollback", "--task", "moderation", "--name", "default", "--db", platform.PostgresAdminConnectionString, "--data-dir", platform.DataDirectory);
            await Eventually(async () => await VersionOfABatchAsync() == original.Version);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The version that scored a jailbreak and an ordinary request through the batch API.</summary>
    private async Task<string> VersionOfABatchAsync()
    {
        using var request = platform.Request(HttpMethod.Post, "/api/v1/moderation",
            content: JsonContent.Create(new { texts = new[] { ModerationTests.Jailbreak, "Where is my new card?" } }));
        using var response = await platform.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        ((int)response.StatusCode).ShouldBe(200, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("results")[0].GetProperty("modelVersion").GetString()!;
    }

    private async Task<ModelVersion> VersionAsync(ModelStatus status, CancellationToken cancellationToken)
    {
        await using var db = platform.AdminDb();
        return await db.ModelVersions.AsNoTracking().SingleAsync(m => m.Task == "moderation" && m.Name == "default" && m.Status == status, cancellationToken);
    }

    private async Task<(int Compared, int Agreed)> ShadowComparisonsAsync(Guid shadowId, CancellationToken cancellationToken)
    {
        await using var db = platform.AdminDb();
        var windows = await db.ShadowComparisons.AsNoTracking().Where(c => c.ShadowModelId == shadowId).ToListAsync(cancellationToken);
        return (windows.Sum(w => w.Compared), windows.Sum(w => w.Agreed));
    }

    private static Task Eventually(Func<Task<bool>> done, Func<Task>? step = null) =>
        PlatformFixture.EventuallyAsync(done, "the registry change did not reach the compliance checker in time", step: step);

    private static async Task Cli(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        (await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken)).ShouldBe(0, $"specialist {string.Join(' ', args)}\n{output}\n{error}");
    }
}
