using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Data.Registry;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>What the registry's audit records say about changes nobody typed: the defaults activated at first start, and
/// promotions that race. With the other registry tests, since a promotion appends to every tenant's trail.</summary>
[Collection(ServingIntentModel.Name)]
public sealed partial class ModelRegistryAuditTests(PlatformFixture platform)
{
    [Fact]
    public async Task Default_router_activated_at_first_start_is_in_every_tenants_trail_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var db = platform.AdminDb();
        var active = await db.ModelVersions.AsNoTracking()
            .SingleAsync(m => m.Task == "intent" && m.Name == "banking77" && m.Status == Data.Entities.ModelStatus.Active, cancellationToken);
        var original = await db.ModelVersions.AsNoTracking().OrderBy(m => m.CreatedAt)
            .FirstAsync(m => m.Task == "intent" && m.Name == "banking77", cancellationToken);
        // The tenants that existed when the default was activated: the record goes to the trails there are at that
        // moment, and the other tests keep creating tenants after it.
        var tenants = await db.Tenants.AsNoTracking().Where(t => t.CreatedAt < original.CreatedAt).Select(t => t.Id).ToListAsync(cancellationToken);
        tenants.ShouldContain("dev");

        List<Data.Entities.AuditRecord> records = [];
        await PlatformFixture.EventuallyAsync(async () =>
        {
            records = await db.AuditRecords.AsNoTracking()
                .Where(r => r.Step == ResourceNames.Steps.ModelRegistry && r.Decision == "model-default-activated" && r.Model == "intent/banking77")
                .ToListAsync(cancellationToken);
            return tenants.All(tenant => records.Any(r => r.TenantId == tenant));
        }, "the default router's activation is not in every trail");

        // Once per tenant: a service that finds its default active already (a restart, a second instance) writes nothing.
        records.GroupBy(r => r.TenantId).ShouldAllBe(perTenant => perTenant.Count() == 1);
        records.ShouldAllBe(r => r.Service == ResourceNames.Services.IntentClassifier && r.Detail!.Contains("replaces=none")
            && r.Detail.Contains($"by=service:{ResourceNames.Services.IntentClassifier}"));
        records.ShouldAllBe(r => r.ModelVersion == original.Version, $"active now: {active.Version}");
    }

    [Fact]
    public async Task Racing_promotions_each_record_the_version_they_really_replaced()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (task, name) = ("race-test", $"m{Guid.NewGuid():N}"[..12]);
        string first, second, third;
        await using (var db = platform.AdminDb())
        {
            var registry = new ModelRegistry(db);
            var activated = await registry.RegisterActiveAsync(task, name, RandomNumberGenerator.GetBytes(64), "{}", null, null, cancellationToken);
            first = activated.Promoted.Version;
            // Activating what is active already changes nothing.
            (await registry.PromoteAsync(task, name, first, Data.Entities.ModelStatus.Active, cancellationToken)).Changed.ShouldBeFalse();
            second = (await registry.RegisterAsync(task, name, RandomNumberGenerator.GetBytes(64), "{}", null, null, cancellationToken)).Version;
            third = (await registry.RegisterAsync(task, name, RandomNumberGenerator.GetBytes(64), "{}", null, null, cancellationToken)).Version;
        }

        // Hold the model's lock while both promotions start, so both are inside their transactions before either changes
        // anything: what each replaced must still be read after the other's change.
        await using var holder = new NpgsqlConnection(platform.PostgresAdminConnectionString);
        await holder.OpenAsync(cancellationToken);
        await using var hold = await holder.BeginTransactionAsync(cancellationToken);
        var lockKey = $"model:{task}:{name}";
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", holder, hold))
        {
            take.Parameters.AddWithValue("key", lockKey);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        var promotions = new[] { second, third }.Select(PromoteAsync).ToArray();
        await PlatformFixture.EventuallyAsync(async () => await WaitingForLockAsync(lockKey) == 2, "the promotions never waited for the model's lock");
        await hold.CommitAsync(cancellationToken);
        (await Task.WhenAll(promotions)).ShouldAllBe(status => status == 200);

        await using var trail = platform.AdminDb();
        var records = await trail.AuditRecords.AsNoTracking()
            .Where(r => r.TenantId == "dev" && r.Step == ResourceNames.Steps.ModelRegistry && r.Model == $"{task}/{name}")
            .OrderBy(r => r.Sequence).ToListAsync(cancellationToken);
        var changes = records.Select(r => (Version: r.ModelVersion, Replaces: Replaces().Match(r.Detail!).Groups[1].Value)).ToList();
        changes.Count.ShouldBe(2);
        // The first change replaced the original, the second the first change: never both the original.
        changes[0].Replaces.ShouldBe(first);
        changes[1].Replaces.ShouldBe(changes[0].Version);

        async Task<int> PromoteAsync(string version)
        {
            using var request = platform.Request(HttpMethod.Post, $"/api/v1/models/{task}/{name}/promote", content: JsonContent.Create(new { version }));
            using var response = await platform.Http.SendAsync(request, cancellationToken);
            return (int)response.StatusCode;
        }

        async Task<long> WaitingForLockAsync(string key)
        {
            await using var command = new NpgsqlCommand("""
                SELECT count(*) FROM pg_locks
                WHERE locktype = 'advisory' AND NOT granted AND objsubid = 1
                    AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(@key, 0)
                """, holder, hold);
            command.Parameters.AddWithValue("key", key);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
    }

    [GeneratedRegex("replaces=([0-9a-f]+|none)")]
    private static partial Regex Replaces();
}
