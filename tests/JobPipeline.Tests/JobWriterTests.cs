using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Jobs.Intake;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>The gateway's group commit, against the platform's real Postgres: many concurrent submissions share
/// inserts, one bad job fails alone, and a taken idempotency key stores nothing. Its jobs belong to a tenant of their
/// own: the gateway's sweeper runs them like any undispatched job, and no other test reads that tenant.</summary>
public sealed class JobWriterTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string Tenant = "job-writer-tests";
    private NpgsqlDataSource _dataSource = null!;
    private JobWriter _writer = null!;

    public async ValueTask InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(platform.PostgresAdminConnectionString);
        await using (var command = _dataSource.CreateCommand(
            $"INSERT INTO tenants (\"Id\", \"Name\", \"CreatedAt\") VALUES ('{Tenant}', 'Job writer tests', now()) ON CONFLICT DO NOTHING"))
        {
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        _writer = new JobWriter(_dataSource, NullLogger<JobWriter>.Instance);
        await _writer.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        _writer.Dispose();
        await _dataSource.DisposeAsync();
    }

    private static Job NewJob(string tenant = Tenant, string? idempotencyKey = null) => new()
    {
        TenantId = tenant,
        Kind = "email",
        Text = $"group commit test {Guid.NewGuid()}",
        TextSha256 = new string('a', 64),
        IdempotencyKey = idempotencyKey,
        MetadataJson = """{"source":"JobWriterTests"}""",
    };

    [Fact]
    public async Task Concurrent_submissions_are_all_stored_and_a_bad_one_fails_alone()
    {
        var good = Enumerable.Range(0, 200).Select(_ => NewJob()).ToList();
        var bad = NewJob(tenant: "no-such-tenant");
        var goodStores = good.Select(job => _writer.StoreAsync(job, TestContext.Current.CancellationToken)).ToList();
        var badStore = _writer.StoreAsync(bad, TestContext.Current.CancellationToken);

        (await Task.WhenAll(goodStores)).ShouldAllBe(stored => stored);
        var error = await Should.ThrowAsync<PostgresException>(() => badStore);
        error.SqlState.ShouldBe(PostgresErrorCodes.ForeignKeyViolation);

        await using var db = platform.AdminDb();
        var ids = good.Select(j => j.Id).ToList();
        var rows = await db.Jobs.AsNoTracking().Where(j => ids.Contains(j.Id)).ToListAsync(TestContext.Current.CancellationToken);
        rows.Count.ShouldBe(good.Count);
        rows.ShouldAllBe(j => j.Status == JobStatus.Accepted && j.DispatchedAt == null && j.MetadataJson != null);
        rows.Single(j => j.Id == good[7].Id).Text.ShouldBe(good[7].Text);
        (await db.Jobs.AnyAsync(j => j.Id == bad.Id, TestContext.Current.CancellationToken)).ShouldBeFalse();
    }

    [Fact]
    public async Task Racing_submissions_with_one_idempotency_key_store_one_job()
    {
        var key = $"race-{Guid.NewGuid()}";
        var racing = Enumerable.Range(0, 5).Select(_ => NewJob(idempotencyKey: key)).ToList();

        var stored = await Task.WhenAll(racing.Select(job => _writer.StoreAsync(job, TestContext.Current.CancellationToken)));

        stored.Count(s => s).ShouldBe(1);
        await using var db = platform.AdminDb();
        var rows = await db.Jobs.AsNoTracking().Where(j => j.TenantId == Tenant && j.IdempotencyKey == key).ToListAsync(TestContext.Current.CancellationToken);
        rows.Single().Id.ShouldBe(racing[Array.IndexOf(stored, true)].Id);
    }
}
