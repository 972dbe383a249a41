using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RabbitMQ.Client;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.TestInfrastructure;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>No accepted job vanishes, nothing runs twice, and the audit trail tells on anyone who alters it.</summary>
public sealed class ReliabilityTests(PlatformFixture platform)
{
    [Fact]
    public async Task Job_completes_once_when_its_worker_is_killed_and_restarted()
    {
        // SIGKILL the extraction worker, then submit: the job's extraction step waits in its durable queue until
        // the AppHost has restarted the worker, and then runs exactly once.
        var pid = platform.ServicePid(ResourceNames.Services.Extraction);
        PosixProcess.Signal(pid, PosixProcess.SigKill);
        await PosixProcess.WaitForExitAsync(pid, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        var id = await platform.SubmitAsync("invoice", "Invoice INV-9 total £99.00 due 2026-12-01");
        var job = await platform.WaitForJobAsync(id, TimeSpan.FromMinutes(2));

        job.GetProperty("status").GetString().ShouldBe("Completed", job.ToString());
        var audit = await platform.WaitForAuditAsync(id);
        audit.Count(r => r.GetProperty("step").GetString() == "extraction").ShouldBe(1);
        audit.Count(r => r.GetProperty("step").GetString() == "completion").ShouldBe(1);
        await platform.Platform.WaitForRestartAsync(ResourceNames.Services.Extraction, pid, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Altered_audit_record_is_found_by_verify()
    {
        var id = await platform.SubmitAsync("email", "My card was swallowed by the ATM this morning");
        await platform.WaitForJobAsync(id);
        await platform.WaitForAuditAsync(id);
        var before = await VerifyAsync();
        before.GetProperty("intact").GetBoolean().ShouldBeTrue(before.ToString());

        // Only a superuser bypassing the append-only trigger can do this; verify must still notice.
        long altered;
        await using (var connection = new NpgsqlConnection(platform.PostgresAdminConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("""
                SET session_replication_role = replica;
                UPDATE audit_records SET "Decision" = 'card_arrival' WHERE "JobId" = @job AND "Step" = 'intent' RETURNING "Sequence";
                """, connection);
            command.Parameters.AddWithValue("job", id);
            altered = (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }

        var verification = await VerifyAsync();

        verification.GetProperty("intact").GetBoolean().ShouldBeFalse();
        var broken = verification.GetProperty("firstBroken");
        broken.GetProperty("sequence").GetInt64().ShouldBe(altered);
        broken.GetProperty("jobId").GetGuid().ShouldBe(id);
        broken.GetProperty("problem").GetString()!.ShouldContain("altered");

        await RestoreAsync(id);
    }

    [Fact]
    public async Task Services_database_role_cannot_update_or_delete_audit_records()
    {
        new NpgsqlConnectionStringBuilder(platform.ServiceDatabaseConnectionString).Username.ShouldBe(ResourceNames.ServiceDatabaseRole);
        await using var connection = new NpgsqlConnection(platform.ServiceDatabaseConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);

        foreach (var sql in new[] { """UPDATE audit_records SET "Decision" = 'x'""", "DELETE FROM audit_records", "TRUNCATE audit_records" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var error = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
            error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, sql);
        }
    }

    [Fact]
    public async Task Poison_job_fails_with_the_reason_after_its_retries()
    {
        // A job whose kind the workflow no longer knows: StartJob keeps failing, goes to the error queue, and the
        // job becomes Failed with the reason. Stored straight into the outbox, as a job accepted before the kind
        // was removed would be; the gateway's sweeper dispatches it.
        var id = Guid.CreateVersion7();
        await using (var connection = new NpgsqlConnection(platform.PostgresAdminConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand("""
                INSERT INTO jobs ("Id", "TenantId", "Kind", "Status", "Text", "TextSha256", "CreatedAt", "UpdatedAt")
                VALUES (@id, 'dev', 'retired-kind', 'Accepted', 'hello', repeat('0', 64), now(), now())
                """, connection);
            command.Parameters.AddWithValue("id", id);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var job = await platform.WaitForJobAsync(id, TimeSpan.FromMinutes(2));

        job.GetProperty("status").GetString().ShouldBe("Failed");
        job.GetProperty("failureReason").GetString()!.ShouldContain("'retired-kind' is not configured");
    }

    [Fact]
    public async Task Finished_slip_whose_results_cannot_be_read_fails_its_job_alone()
    {
        // A running job whose routing slip "ends" with a result no reader understands. The workflow takes slip ends in
        // batches, each slip with its batch of jobs; this job must fail alone with the reason, not take its slip or its
        // batch of slips to the error queue.
        var job = await InsertRunningJobAsync("a job whose results are unreadable");

        var healthy = await platform.SubmitAsync("email", "Please cancel my card, it was stolen yesterday");
        await PublishRoutingSlipCompletedAsync(
            new { jobId = job.Id, tenantId = job.TenantId, kind = job.Kind, text = job.Text, compliance = "not a compliance result", audit = 42 });

        var failed = await platform.WaitForJobAsync(job.Id);
        failed.GetProperty("status").GetString().ShouldBe("Failed");
        failed.GetProperty("failureReason").GetString()!.ShouldContain("results could not be read");
        (await platform.WaitForJobAsync(healthy)).GetProperty("status").GetString().ShouldBeOneOf("Completed", "NeedsReview");
        var trail = await platform.WaitForAuditAsync(job.Id);
        trail.ShouldContain(record => record.GetProperty("step").GetString() == ResourceNames.Steps.Completion
            && record.GetProperty("decision").GetString() == "failed");
    }

    [Fact]
    public async Task Outcome_claiming_another_tenant_is_not_recorded_and_is_reported_in_the_jobs_own_trail()
    {
        // A slip end (from a service gone wrong: nothing outside reaches the services' virtual host) that says the job
        // is another tenant's, with an audit record in that tenant's name. The stored job decides whose it is, and its
        // tenant's trail tells of the attempt (with nothing from the message).
        var job = await InsertRunningJobAsync("a running job someone else claims");

        var forgedRecord = new { jobId = job.Id, tenantId = "mallory", step = "intent", service = "intent-classifier", inputSha256 = new string('0', 64),
            decision = "forged", latencyMs = 1.0 };
        var slip = Guid.NewGuid();
        await PublishRoutingSlipCompletedAsync(slip, new { jobId = job.Id, tenantId = "mallory", kind = job.Kind, text = job.Text, audit = new[] { forgedRecord } });

        var rejection = await WaitForOutcomeCheckAsync(job.Id, slip, "outcome-rejected");
        rejection.TenantId.ShouldBe(job.TenantId);
        rejection.Detail!.ShouldContain("tenant mismatch");
        rejection.Detail!.ShouldNotContain("mallory");
        await using (var db = platform.AdminDb())
        {
            var stored = await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == job.Id, TestContext.Current.CancellationToken);
            stored.Status.ShouldBe(SpecialistPlatform.Data.Entities.JobStatus.Running);
            (await db.AuditRecords.AsNoTracking().CountAsync(r => r.JobId == job.Id, TestContext.Current.CancellationToken)).ShouldBe(0);
            (await db.AuditRecords.AsNoTracking().CountAsync(r => r.TenantId == "mallory", TestContext.Current.CancellationToken)).ShouldBe(0);
            // Leave nothing running for the stalled-job sweeper.
            await db.Jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(set => set.SetProperty(j => j.Status, SpecialistPlatform.Data.Entities.JobStatus.Failed),
                TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Audit_record_claiming_another_tenant_for_a_job_is_not_written_there_and_the_jobs_tenant_sees_the_rejection()
    {
        // On the services' bus, an AppendAudit that files a record about the dev tenant's job into another tenant's
        // trail, beside a genuine record for the same job. Only the genuine one is written as sent.
        var job = await InsertRunningJobAsync("a job whose audit record someone files elsewhere");
        var otherTenant = await NewTenantAsync();
        await PublishAppendAuditAsync(
            new { jobId = job.Id, tenantId = otherTenant, step = "escalation", service = "frontier-escalation", inputSha256 = new string('0', 64),
                decision = "forged: the secret text", latencyMs = 1.0, detail = "the secret text" },
            new { jobId = job.Id, tenantId = job.TenantId, step = "frontier-shadow", service = "frontier-escalation", inputSha256 = new string('0', 64),
                decision = "genuine", latencyMs = 1.0 });

        SpecialistPlatform.Data.Entities.AuditRecord? rejection = null;
        await PlatformFixture.EventuallyAsync(async () =>
        {
            await using var db = platform.AdminDb();
            rejection = await db.AuditRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Step == ResourceNames.Steps.AuditCheck
                && r.Decision == "audit-rejected" && r.Detail!.Contains($"job={job.Id}"), TestContext.Current.CancellationToken);
            return rejection is not null;
        }, "the audit record naming another tenant was not rejected");

        rejection!.TenantId.ShouldBe(job.TenantId);
        rejection.Detail!.ShouldNotContain("secret");
        rejection.Detail!.ShouldNotContain(otherTenant);
        await using (var db = platform.AdminDb())
        {
            (await db.AuditRecords.AsNoTracking().CountAsync(r => r.TenantId == otherTenant, TestContext.Current.CancellationToken)).ShouldBe(0);
            var written = await db.AuditRecords.AsNoTracking().Where(r => r.JobId == job.Id).ToListAsync(TestContext.Current.CancellationToken);
            written.ShouldHaveSingleItem().Decision.ShouldBe("genuine");
            written[0].TenantId.ShouldBe(job.TenantId);
            await db.Jobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(set => set.SetProperty(j => j.Status, SpecialistPlatform.Data.Entities.JobStatus.Failed),
                TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Forged_outcome_for_a_finished_job_from_a_slip_it_was_not_sent_is_rejected_and_the_real_outcome_stands()
    {
        // A real job, run to its end by the platform; then a slip end for it that a service user could publish, of the
        // right tenant, but from a routing slip the platform never sent for it.
        var id = await platform.SubmitAsync("email", "Please cancel my card, it was stolen yesterday");
        await platform.WaitForJobAsync(id);
        var real = await StoredJobAsync(id);
        real.SlipTrackingNumber.ShouldNotBeNull("the dispatcher records the slip it sends");
        real.IssuedSlipTrackingNumbers.ShouldNotBeNull().ShouldContain(real.SlipTrackingNumber.Value, "the dispatcher remembers every slip it issues");

        var forgedSlip = Guid.NewGuid();
        await PublishRoutingSlipCompletedAsync(forgedSlip,
            new { jobId = id, tenantId = real.TenantId, kind = real.Kind, text = real.Text, failureReason = "compliance: forged" });

        var rejection = await WaitForRejectionAsync(id, forgedSlip);
        rejection.TenantId.ShouldBe(real.TenantId);
        rejection.Detail!.ShouldContain($"due={real.SlipTrackingNumber}");
        rejection.Detail!.ShouldNotContain(real.Text);
        var after = await StoredJobAsync(id);
        (after.Status, after.ResultJson, after.FailureReason).ShouldBe((real.Status, real.ResultJson, real.FailureReason));
    }

    [Fact]
    public async Task Late_end_of_a_slip_replaced_by_a_resend_does_not_overwrite_the_job()
    {
        // The stalled-job sweeper sent the job's slip again: the new slip is the job's due one. The old slip's end
        // arriving late (it failed the job) is not recorded, and told apart from a forgery; the new slip's end finishes the job.
        var (staleSlip, dueSlip) = (Guid.NewGuid(), Guid.NewGuid());
        var job = await InsertRunningJobAsync("a job whose slip was sent again", dueSlip, issuedSlips: [staleSlip, dueSlip]);

        await PublishRoutingSlipCompletedAsync(staleSlip,
            new { jobId = job.Id, tenantId = job.TenantId, kind = job.Kind, text = job.Text, failureReason = "compliance: the stale slip's answer" });
        // A slip the platform sent and replaced: superseded, not a forgery.
        var superseded = await WaitForOutcomeCheckAsync(job.Id, staleSlip, "outcome-superseded");
        superseded.Detail!.ShouldContain($"due={dueSlip}");
        (await StoredJobAsync(job.Id)).Status.ShouldBe(SpecialistPlatform.Data.Entities.JobStatus.Running);

        await PublishRoutingSlipCompletedAsync(dueSlip, new { jobId = job.Id, tenantId = job.TenantId, kind = job.Kind, text = job.Text });
        var finished = await platform.WaitForJobAsync(job.Id);
        finished.GetProperty("status").GetString().ShouldBe("Completed", finished.ToString());
    }

    private async Task<SpecialistPlatform.Data.Entities.Job> StoredJobAsync(Guid id)
    {
        await using var db = platform.AdminDb();
        return await db.Jobs.AsNoTracking().SingleAsync(j => j.Id == id, TestContext.Current.CancellationToken);
    }

    /// <summary>The workflow's record of an outcome it did not record: in the job's tenant's trail, naming job and slip.</summary>
    private Task<SpecialistPlatform.Data.Entities.AuditRecord> WaitForRejectionAsync(Guid jobId, Guid slip) =>
        WaitForOutcomeCheckAsync(jobId, slip, "outcome-rejected");

    /// <summary>The workflow's record (<paramref name="decision"/>) of an outcome it did not record.</summary>
    private async Task<SpecialistPlatform.Data.Entities.AuditRecord> WaitForOutcomeCheckAsync(Guid jobId, Guid slip, string decision)
    {
        SpecialistPlatform.Data.Entities.AuditRecord? rejection = null;
        await PlatformFixture.EventuallyAsync(async () =>
        {
            await using var db = platform.AdminDb();
            rejection = await db.AuditRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Step == ResourceNames.Steps.OutcomeCheck
                && r.Decision == decision && r.Detail!.Contains($"job={jobId}; slip={slip}"), TestContext.Current.CancellationToken);
            return rejection is not null;
        }, $"the outcome from slip {slip} was not recorded as {decision}");
        return rejection!;
    }

    /// <summary>A dev email job the platform believes is running, without a slip of its own: the test plays its slip's end.
    /// With <paramref name="dueSlip"/>, the job is due from that slip, as if the dispatcher had sent it.</summary>
    private async Task<SpecialistPlatform.Data.Entities.Job> InsertRunningJobAsync(string text, Guid? dueSlip = null, Guid[]? issuedSlips = null)
    {
        var job = new SpecialistPlatform.Data.Entities.Job
        {
            TenantId = "dev",
            Kind = "email",
            Text = text,
            TextSha256 = new string('0', 64),
            Status = SpecialistPlatform.Data.Entities.JobStatus.Running,
            DispatchedAt = DateTimeOffset.UtcNow,
            SlipTrackingNumber = dueSlip,
            IssuedSlipTrackingNumbers = issuedSlips ?? (dueSlip is { } due ? [due] : null),
        };
        await using var db = platform.AdminDb();
        db.Jobs.Add(job);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return job;
    }

    /// <summary>An AppendAudit carrying <paramref name="records"/>, published as the platform's operator on the services'
    /// virtual host, straight to the workflow's audit queue (as any service user could).</summary>
    private async Task PublishAppendAuditAsync(params object[] records)
    {
        var factory = new ConnectionFactory { Uri = new Uri(platform.RabbitMqConnectionString) };
        await using var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageId = Guid.NewGuid(),
            messageType = new[] { $"urn:message:{typeof(SpecialistPlatform.Contracts.Audit.AppendAudit).Namespace}:{nameof(SpecialistPlatform.Contracts.Audit.AppendAudit)}" },
            message = new { records },
        });
        await channel.BasicPublishAsync("", ResourceNames.Queues.Audit, mandatory: true,
            new BasicProperties { ContentType = "application/vnd.masstransit+json", DeliveryMode = DeliveryModes.Persistent }, body,
            TestContext.Current.CancellationToken);
    }

    private async Task<string> NewTenantAsync()
    {
        var tenant = $"tenant-{Guid.NewGuid():N}"[..20];
        await using var db = platform.AdminDb();
        await new SpecialistPlatform.Data.Keys.ApiKeyStore(db, TimeProvider.System).CreateAsync(tenant, "audit test", [SpecialistPlatform.Data.Entities.ApiKeyRoles.Auditor],
            null, TestContext.Current.CancellationToken, "Audit test tenant");
        return tenant;
    }

    private Task PublishRoutingSlipCompletedAsync(params object[] jobs) => PublishRoutingSlipCompletedAsync(Guid.NewGuid(), jobs);

    /// <summary>A RoutingSlipCompleted of slip <paramref name="trackingNumber"/> carrying <paramref name="jobs"/>, published
    /// as the platform's operator on the services' virtual host, straight to the workflow's job-events queue.</summary>
    private async Task PublishRoutingSlipCompletedAsync(Guid trackingNumber, params object[] jobs)
    {
        var factory = new ConnectionFactory { Uri = new Uri(platform.RabbitMqConnectionString) };
        await using var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageId = Guid.NewGuid(),
            messageType = new[] { "urn:message:MassTransit.Courier.Contracts:RoutingSlipCompleted" },
            message = new
            {
                trackingNumber,
                timestamp = DateTime.UtcNow,
                duration = "00:00:00.010",
                variables = new Dictionary<string, object> { ["Jobs"] = jobs },
            },
        });
        await channel.BasicPublishAsync("", ResourceNames.Queues.JobEvents, mandatory: true,
            new BasicProperties { ContentType = "application/vnd.masstransit+json", DeliveryMode = DeliveryModes.Persistent }, body,
            TestContext.Current.CancellationToken);
    }

    private async Task<JsonElement> VerifyAsync()
    {
        using var request = platform.Request(HttpMethod.Get, "/api/v1/audit/verify");
        using var response = await platform.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
    }

    /// <summary>Puts the altered record back, so tests that verify the trail later are not affected.</summary>
    private async Task RestoreAsync(Guid id)
    {
        await using var connection = new NpgsqlConnection(platform.PostgresAdminConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("""
            SET session_replication_role = replica;
            UPDATE audit_records r SET "Decision" = j.label FROM (
                SELECT "Result"->'intent'->>'label' AS label FROM (SELECT "ResultJson"::jsonb AS "Result" FROM jobs WHERE "Id" = @job) x) j
            WHERE r."JobId" = @job AND r."Step" = 'intent';
            """, connection);
        command.Parameters.AddWithValue("job", id);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        (await VerifyAsync()).GetProperty("intact").GetBoolean().ShouldBeTrue();
    }
}
