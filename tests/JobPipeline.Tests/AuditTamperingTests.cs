using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;
using SpecialistPlatform.Cli;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Keys;
using SpecialistPlatform.Jobs.Audit;
using SpecialistPlatform.Jobs.Intake;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>
/// Someone with the database's superuser (and not the chain key) edits, deletes or cuts the audit trail with SQL;
/// verify names the first bad sequence and the kind of problem. Each test tampers with a tenant of its own, so the
/// other tests' trails stay intact. They run one at a time with the registry tests, because a model promotion or
/// rollback appends a record to every tenant's trail (decision 0020), which would move the chain head between a
/// test's reading of it and its tampering.
/// </summary>
[Collection(ServingIntentModel.Name)]
public sealed class AuditTamperingTests(PlatformFixture platform)
{
    private const int JobsPerTenant = 3;

    [Fact]
    public async Task Edited_record_is_found_by_verify_and_no_checkpoint_is_signed_over_it()
    {
        var tenant = await TenantWithTrailAsync();

        await tenant.SqlAsync("""UPDATE audit_records SET "Detail" = 'nothing to see' WHERE "TenantId" = @tenant AND "Sequence" = 2""");

        var broken = await tenant.FirstBrokenAsync();
        broken.GetProperty("sequence").GetInt64().ShouldBe(2);
        broken.GetProperty("kind").GetString().ShouldBe("Altered");
        using var checkpoint = await tenant.SendAsync(HttpMethod.Post, "/api/v1/audit/checkpoints");
        checkpoint.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Record_deleted_from_the_middle_is_found_by_verify()
    {
        var tenant = await TenantWithTrailAsync();

        await tenant.SqlAsync("""DELETE FROM audit_records WHERE "TenantId" = @tenant AND "Sequence" = 3""");

        var broken = await tenant.FirstBrokenAsync();
        broken.GetProperty("sequence").GetInt64().ShouldBe(3);
        broken.GetProperty("kind").GetString().ShouldBe("Missing");
    }

    [Fact]
    public async Task Tail_cut_off_with_its_head_moved_back_is_found_against_the_newest_checkpoint()
    {
        var tenant = await TenantWithTrailAsync();
        var last = await tenant.LastSequenceAsync();
        using (var taken = await tenant.SendAsync(HttpMethod.Post, "/api/v1/audit/checkpoints"))
        {
            var body = await taken.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            taken.StatusCode.ShouldBe(HttpStatusCode.OK, body);
            JsonDocument.Parse(body).RootElement.GetProperty("sequence").GetInt64().ShouldBe(last);
        }

        var files = Directory.GetFiles(tenant.CheckpointFolder(platform.DataDirectory), "*.json");
        files.ShouldNotBeEmpty();
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(files[0]).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // What passed verify before the key and the checkpoints: drop the last two records and point the head at the
        // new last one, so the chain and its head agree with each other.
        var keep = last - 2;
        await tenant.SqlAsync($"""
            DELETE FROM audit_records WHERE "TenantId" = @tenant AND "Sequence" > {keep};
            UPDATE audit_chain_heads h SET "Sequence" = r."Sequence", "Hash" = r."Hash"
                FROM audit_records r WHERE h."TenantId" = @tenant AND r."TenantId" = @tenant AND r."Sequence" = {keep};
            """);

        var broken = await tenant.FirstBrokenAsync();
        broken.GetProperty("sequence").GetInt64().ShouldBe(keep + 1);
        broken.GetProperty("kind").GetString().ShouldBe("TailTruncated");

        // The CLI reaches the same verdict from the key file and the checkpoint folder, without the gateway.
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliApp.RunAsync(
            ["audit", "verify", "--tenant", tenant.Id, "--data-dir", platform.DataDirectory, "--db", platform.PostgresAdminConnectionString],
            output, error, TestContext.Current.CancellationToken);
        exit.ShouldBe(2, $"{output}\n{error}");
        var fromCli = JsonDocument.Parse(output.ToString()).RootElement.GetProperty("firstBroken");
        fromCli.GetProperty("sequence").GetInt64().ShouldBe(keep + 1);
        fromCli.GetProperty("kind").GetString().ShouldBe("TailTruncated");
    }

    [Fact]
    public async Task Deleted_chain_head_is_found_by_verify_and_the_chain_goes_on_instead_of_restarting()
    {
        var tenant = await TenantWithTrailAsync();
        var last = await tenant.LastSequenceAsync();

        await tenant.SqlAsync("""DELETE FROM audit_chain_heads WHERE "TenantId" = @tenant""");

        var broken = await tenant.FirstBrokenAsync();
        broken.GetProperty("sequence").GetInt64().ShouldBe(last + 1);
        broken.GetProperty("kind").GetString().ShouldBe("HeadMissing");

        // The next job's records follow the last record (never a second record 1), and write a head again.
        await tenant.SubmitAndWaitAsync(1, expectedCompletions: JobsPerTenant + 1);
        var sequences = await tenant.SequencesAsync();
        sequences.ShouldBe(Enumerable.Range(1, sequences.Count).Select(s => (long)s).ToList());
        (await tenant.VerifyAsync()).GetProperty("intact").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Workflow_checkpoints_a_grown_chain_on_its_schedule()
    {
        var tenant = await TenantWithTrailAsync();
        var last = await tenant.LastSequenceAsync();

        // The fixture sets Audit:CheckpointInterval to a few seconds.
        await PlatformFixture.EventuallyAsync(async () =>
        {
            var verification = await tenant.VerifyAsync();
            return verification.GetProperty("newestCheckpoint") is { ValueKind: JsonValueKind.Object } newest
                   && newest.GetProperty("sequence").GetInt64() >= last;
        }, "the workflow signs a checkpoint of the tenant's chain head");
    }

    [Fact]
    public async Task Records_sealed_before_the_key_verify_as_legacy_and_the_first_keyed_record_protects_them()
    {
        // A record as the unkeyed scheme wrote it before the key existed, then the tenant's next job, sealed with the key.
        var tenant = await NewTenantAsync();
        var legacy = new AuditRecord
        {
            TenantId = tenant.Id, Sequence = 1, JobId = Guid.CreateVersion7(), Step = "intake", Service = "gateway",
            InputSha256 = new string('a', 64), Decision = "accepted", LatencyMs = 1, Cost = 0m,
            OccurredAt = AuditChain.ToStoredPrecision(DateTimeOffset.UtcNow), RecordedAt = AuditChain.ToStoredPrecision(DateTimeOffset.UtcNow),
            PrevHash = AuditChain.Genesis, Hash = "",
        };
        var legacyHash = AuditChain.ComputeLegacyHash(legacy);
        await tenant.SqlAsync("""
            INSERT INTO audit_records ("TenantId", "Sequence", "JobId", "Step", "Service", "InputSha256", "Decision", "LatencyMs", "Cost",
                "OccurredAt", "RecordedAt", "PrevHash", "Hash")
            VALUES (@tenant, 1, @job, 'intake', 'gateway', @input, 'accepted', 1, 0, @occurred, @recorded, @genesis, @hash);
            INSERT INTO audit_chain_heads ("TenantId", "Sequence", "Hash") VALUES (@tenant, 1, @hash);
            """, ("job", legacy.JobId), ("input", legacy.InputSha256), ("occurred", legacy.OccurredAt), ("recorded", legacy.RecordedAt),
            ("genesis", AuditChain.Genesis), ("hash", legacyHash));
        await tenant.SubmitAndWaitAsync(1, expectedCompletions: 1);

        var verification = await tenant.VerifyAsync();
        verification.GetProperty("intact").GetBoolean().ShouldBeTrue(verification.ToString());
        verification.GetProperty("legacyRecords").GetInt64().ShouldBe(1);

        // Rewriting the unkeyed record and recomputing its plain hash is easy; the keyed record after it still names the old one.
        var rewritten = new AuditRecord
        {
            TenantId = legacy.TenantId, Sequence = 1, JobId = legacy.JobId, Step = legacy.Step, Service = legacy.Service,
            InputSha256 = legacy.InputSha256, Decision = "rejected", LatencyMs = 1, Cost = 0m,
            OccurredAt = legacy.OccurredAt, RecordedAt = legacy.RecordedAt, PrevHash = AuditChain.Genesis, Hash = "",
        };
        await tenant.SqlAsync("""UPDATE audit_records SET "Decision" = 'rejected', "Hash" = @hash WHERE "TenantId" = @tenant AND "Sequence" = 1""",
            ("hash", AuditChain.ComputeLegacyHash(rewritten)));

        var broken = await tenant.FirstBrokenAsync();
        // If the schedule happened to sign the chain while it held the unkeyed record alone, that checkpoint names the
        // rewritten record itself; otherwise the keyed record after it is the first that no longer fits.
        var checkpointedAlone = Directory.Exists(tenant.CheckpointFolder(platform.DataDirectory))
            && Directory.GetFiles(tenant.CheckpointFolder(platform.DataDirectory), $"{1:D20}-*.json").Length > 0;
        (broken.GetProperty("sequence").GetInt64(), broken.GetProperty("kind").GetString())
            .ShouldBe(checkpointedAlone ? (1L, "CheckpointMismatch") : (2L, "Relinked"));
    }

    private async Task<AuditTenant> NewTenantAsync()
    {
        var tenant = new AuditTenant(platform, "audit-" + Guid.NewGuid().ToString("N")[..12], ApiKeys.Generate());
        await using var db = platform.AdminDb();
        await ApiKeys.EnsureAsync(db, tenant.Id, tenant.Id, tenant.ApiKey, [ApiKeyRoles.Submitter, ApiKeyRoles.Auditor], TestContext.Current.CancellationToken);
        return tenant;
    }

    private async Task<AuditTenant> TenantWithTrailAsync()
    {
        var tenant = await NewTenantAsync();
        await tenant.SubmitAndWaitAsync(JobsPerTenant, expectedCompletions: JobsPerTenant);
        var before = await tenant.VerifyAsync();
        before.GetProperty("intact").GetBoolean().ShouldBeTrue(before.ToString());
        before.GetProperty("legacyRecords").GetInt64().ShouldBe(0);
        return tenant;
    }

    private sealed class AuditTenant(PlatformFixture platform, string id, string apiKey)
    {
        public string Id => id;
        public string ApiKey => apiKey;

        public string CheckpointFolder(string dataDirectory) =>
            Path.Combine(dataDirectory, "audit-checkpoints", Convert.ToHexStringLower(Encoding.UTF8.GetBytes(id)));

        /// <summary>Complete invoices: compliance and extraction, no escalation, so a job's records all come with its outcome.</summary>
        public async Task SubmitAndWaitAsync(int jobs, int expectedCompletions)
        {
            for (var i = 0; i < jobs; i++)
            {
                await platform.SubmitAsync("invoice", $"Invoice INV-{Random.Shared.Next(100, 999)} total £{i + 10}.00 due 2026-12-01", apiKey: apiKey);
            }

            await PlatformFixture.EventuallyAsync(
                async () => await CountAsync("""SELECT count(*) FROM audit_records WHERE "TenantId" = @tenant AND "Step" = 'completion'""") == expectedCompletions,
                $"every job of tenant {id} has its completion record", TimeSpan.FromMinutes(2));
        }

        public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path)
        {
            using var request = platform.Request(method, path, apiKey);
            return await platform.Http.SendAsync(request, TestContext.Current.CancellationToken);
        }

        public async Task<JsonElement> VerifyAsync()
        {
            using var response = await SendAsync(HttpMethod.Get, "/api/v1/audit/verify");
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
            return JsonDocument.Parse(body).RootElement.Clone();
        }

        public async Task<JsonElement> FirstBrokenAsync()
        {
            var verification = await VerifyAsync();
            verification.GetProperty("intact").GetBoolean().ShouldBeFalse(verification.ToString());
            return verification.GetProperty("firstBroken");
        }

        /// <summary>As the database superuser, past the append-only trigger: what an insider with the database could do.</summary>
        public async Task SqlAsync(string sql, params (string Name, object Value)[] parameters)
        {
            await using var connection = new NpgsqlConnection(platform.PostgresAdminConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("SET session_replication_role = replica;\n" + sql, connection);
            command.Parameters.AddWithValue("tenant", id);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            (await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBeGreaterThan(0, sql);
        }

        public async Task<long> LastSequenceAsync() => (await SequencesAsync())[^1];

        public async Task<List<long>> SequencesAsync()
        {
            await using var connection = new NpgsqlConnection(platform.PostgresAdminConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("""SELECT "Sequence" FROM audit_records WHERE "TenantId" = @tenant ORDER BY "Sequence" """, connection);
            command.Parameters.AddWithValue("tenant", id);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            var sequences = new List<long>();
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                sequences.Add(reader.GetInt64(0));
            }

            return sequences;
        }

        private async Task<long> CountAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(platform.PostgresAdminConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("tenant", id);
            return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }
    }
}
