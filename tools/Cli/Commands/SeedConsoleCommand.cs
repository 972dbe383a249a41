using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using SpecialistPlatform.Cli.Platform;
using SpecialistPlatform.Contracts.Intake;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Keys;
using SpecialistPlatform.Data.Rollups;
using SpecialistPlatform.Jobs.Audit;
using SpecialistPlatform.Jobs.Intake;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>
/// specialist seed console [--tenant seed] [--jobs 100000] [--audit 1000000] [--days 28]: a tenant with many finished jobs
/// and a long audit trail, written with COPY, to measure the console and the gateway at scale. The records continue the
/// tenant's chain and are sealed with the platform's chain key, so verification still holds; the jobs are marked
/// dispatched and final, so no service picks them up. Prints an API key (submitter, auditor, admin) for the tenant.
/// </summary>
internal static class SeedConsoleCommand
{
    private static readonly string[] Kinds = ["support-ticket", "email", "invoice", "restaurant-booking"];
    private static readonly string[] Intents = ["card_arrival", "lost_or_stolen_card", "transfer_not_received_by_recipient", "exchange_rate", "pin_blocked", "refund_not_showing_up"];
    private static readonly string[] Texts =
    [
        "My card has not arrived yet, it was ordered two weeks ago. Please send it to {0} Market Street.",
        "I sent money to my brother on {0} March and he still has not received it.",
        "Invoice {0}: 3 items, total 1,240.50 EUR, due 2026-12-31. Contact billing@example.com.",
        "Table for {0} people on Friday at 7pm, name Jane Smith, phone 555-0134.",
        "Why was I charged a fee when I exchanged {0} dollars to euros last week?",
        "My PIN is blocked after three tries at the ATM, reference {0}, please help me unblock it.",
    ];

    public static Command Build()
    {
        var tenant = new Option<string>("--tenant") { Description = "The tenant to fill (created when missing).", DefaultValueFactory = _ => "seed" };
        var jobs = new Option<int>("--jobs") { Description = "Jobs to add.", DefaultValueFactory = _ => 100_000 };
        var audit = new Option<int>("--audit") { Description = "Audit records to add, spread over the jobs (at least one per job).", DefaultValueFactory = _ => 1_000_000 };
        var days = new Option<int>("--days") { Description = "The jobs' submission times spread over this many days before now.", DefaultValueFactory = _ => 28 };
        var keyFile = new Option<string?>("--key-file") { Description = "The audit chain key; default: audit-chain-key in the data folder." };
        var seedValue = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 19 };
        var database = new PlatformDatabase();
        var console = new Command("console", "Add many jobs and audit records to one tenant (COPY), to measure the console and the gateway at scale.")
        {
            tenant, jobs, audit, days, keyFile, seedValue, database.Db, database.DataDir,
        };
        console.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var tenantId = parseResult.GetRequiredValue(tenant);
            var jobCount = parseResult.GetValue(jobs);
            var recordCount = parseResult.GetValue(audit);
            var dayCount = parseResult.GetValue(days);
            if (jobCount < 1 || recordCount < jobCount || dayCount < 1)
            {
                throw new UsageException("--jobs must be at least 1, --audit at least --jobs, and --days at least 1.");
            }

            if (!TenantIds.IsValid(tenantId))
            {
                throw new UsageException($"'{tenantId}' cannot be a tenant id: {TenantIds.Rule}.");
            }

            var keyPath = parseResult.GetValue(keyFile) ?? Path.Combine(parseResult.GetRequiredValue(database.DataDir), "audit-chain-key");
            var chain = new AuditChain(Convert.FromBase64String(await AuditCommand.ReadChainKeyAsync(keyPath, cancellationToken)));
            var output = parseResult.InvocationConfiguration.Output;

            await using var db = database.Open(parseResult);
            var apiKey = ApiKeys.Generate();
            await ApiKeys.EnsureAsync(db, tenantId, tenantId, apiKey, [ApiKeyRoles.Submitter, ApiKeyRoles.Auditor, ApiKeyRoles.Admin], cancellationToken);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await connection.OpenAsync(cancellationToken);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var written = await SeedAsync(connection, chain, tenantId, jobCount, recordCount, TimeSpan.FromDays(dayCount), new Random(parseResult.GetValue(seedValue)), cancellationToken);
            // Fresh statistics for the planner, and a visibility map, without which no index-only scan is possible.
            foreach (var table in new[] { "jobs", "audit_records", "audit_step_rollups", "audit_escalation_reason_rollups" })
            {
                await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection);
                await vacuum.ExecuteNonQueryAsync(cancellationToken);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Tenant {tenantId}: {jobCount:N0} jobs and {written:N0} audit records added in {started.Elapsed.TotalSeconds:0.0} s."));
            await output.WriteLineAsync($"API key for {tenantId} (submitter, auditor, admin; shown once): {apiKey}");
            return 0;
        }));
        return new Command("seed", "Fill the platform's database for measurements.") { console };
    }

    private static async Task<long> SeedAsync(
        NpgsqlConnection connection, AuditChain chain, string tenant, int jobCount, int recordCount, TimeSpan span, Random random, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // One writer at a time per tenant chain, as the audit writer does it.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('audit:' || $1, 0))", connection, transaction))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = tenant });
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var (sequence, previousHash) = await HeadAsync(connection, transaction, tenant, cancellationToken);
        var sequenceBefore = sequence;
        var now = AuditChain.ToStoredPrecision(DateTimeOffset.UtcNow);
        var plans = new List<(Guid Id, string Kind, DateTimeOffset CreatedAt, string Text, JobStatus Status, JobResult Result, bool Escalated)>(jobCount);
        for (var i = 0; i < jobCount; i++)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            var createdAt = AuditChain.ToStoredPrecision(now - span * ((jobCount - i) / (double)jobCount));
            var text = string.Format(CultureInfo.InvariantCulture, Texts[random.Next(Texts.Length)], random.Next(2, 9999));
            var escalated = random.NextDouble() < 0.06;
            var roll = random.NextDouble();
            var status = roll < 0.9 ? JobStatus.Completed : roll < 0.98 ? JobStatus.NeedsReview : JobStatus.Failed;
            var intent = kind is "support-ticket" or "email" ? new IntentResult(Intents[random.Next(Intents.Length)], 0.5 + random.NextDouble() / 2, "seed00000001", false) : null;
            var result = new JobResult
            {
                Intent = intent,
                Compliance = new ComplianceResult([], "allow", text),
                Escalation = escalated ? new EscalationResult(true, "escalated", "gpt-4o-mini", 0.000412m, null, InputTokens: 1800, OutputTokens: 240) : null,
            };
            plans.Add((Guid.CreateVersion7(createdAt), kind, createdAt, text, status, result, escalated));
        }

        await using (var importer = await connection.BeginBinaryImportAsync("""
            COPY jobs ("Id", "TenantId", "Kind", "Status", "IdempotencyKey", "Text", "TextSha256", "MetadataJson", "ResultJson", "FailureReason",
                       "CreatedAt", "UpdatedAt", "DispatchedAt", "StallRedispatches") FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            for (var i = 0; i < plans.Count; i++)
            {
                var job = plans[i];
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(job.Id, NpgsqlDbType.Uuid, cancellationToken);
                await importer.WriteAsync(tenant, NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(job.Kind, NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(job.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync($"seed-{job.Id:N}", NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteAsync(job.Text, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(JobIntake.Sha256(job.Text), NpgsqlDbType.Varchar, cancellationToken);
                await importer.WriteNullAsync(cancellationToken);
                await importer.WriteAsync(JsonSerializer.Serialize(job.Result, JsonSerializerOptions.Web), NpgsqlDbType.Jsonb, cancellationToken);
                if (job.Status == JobStatus.Failed)
                {
                    await importer.WriteAsync("compliance: blocked by policy (seeded)", NpgsqlDbType.Text, cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }

                await importer.WriteAsync(job.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(job.CreatedAt.AddSeconds(1), NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(job.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await importer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        long written = 0;
        await using (var importer = await connection.BeginBinaryImportAsync("""
            COPY audit_records ("TenantId", "Sequence", "JobId", "Step", "Service", "Model", "ModelVersion", "InputSha256", "Decision", "Confidence",
                                "LatencyMs", "Cost", "Redacted", "SentOutside", "Detail", "OccurredAt", "RecordedAt", "PrevHash", "Hash") FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            // Each job gets its share of the records, in its steps' order; the remainder goes to the first jobs.
            var perJob = recordCount / jobCount;
            var extra = recordCount % jobCount;
            for (var i = 0; i < plans.Count; i++)
            {
                var job = plans[i];
                var steps = StepsOf(job.Kind, job.Escalated, perJob + (i < extra ? 1 : 0));
                var at = job.CreatedAt;
                foreach (var (step, service, model, decision, cost, sentOutside, detail) in steps)
                {
                    at = at.AddMilliseconds(5 + random.Next(40));
                    var record = new AuditRecord
                    {
                        TenantId = tenant,
                        Sequence = ++sequence,
                        JobId = job.Id,
                        Step = step,
                        Service = service,
                        Model = model,
                        ModelVersion = model is null ? null : "seed00000001",
                        InputSha256 = JobIntake.Sha256(job.Text),
                        Decision = decision,
                        Confidence = model is null ? null : Math.Round(0.5 + random.NextDouble() / 2, 4),
                        LatencyMs = Math.Round(step == "escalation" ? 600 + random.NextDouble() * 900 : 2 + random.NextDouble() * 30, 3),
                        Cost = cost,
                        Redacted = step == "compliance" && random.NextDouble() < 0.3 ? "PERSON:1,PHONE_NUMBER:1" : null,
                        SentOutside = sentOutside,
                        Detail = detail,
                        OccurredAt = at,
                        RecordedAt = at,
                        PrevHash = previousHash,
                        Hash = "",
                    };
                    var hash = chain.ComputeMac(record);
                    previousHash = hash;
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(tenant, NpgsqlDbType.Varchar, cancellationToken);
                    await importer.WriteAsync(record.Sequence, NpgsqlDbType.Bigint, cancellationToken);
                    await importer.WriteAsync(record.JobId, NpgsqlDbType.Uuid, cancellationToken);
                    await importer.WriteAsync(record.Step, NpgsqlDbType.Varchar, cancellationToken);
                    await importer.WriteAsync(record.Service, NpgsqlDbType.Varchar, cancellationToken);
                    await WriteNullableAsync(importer, record.Model, NpgsqlDbType.Varchar, cancellationToken);
                    await WriteNullableAsync(importer, record.ModelVersion, NpgsqlDbType.Varchar, cancellationToken);
                    await importer.WriteAsync(record.InputSha256, NpgsqlDbType.Char, cancellationToken);
                    await importer.WriteAsync(record.Decision, NpgsqlDbType.Varchar, cancellationToken);
                    if (record.Confidence is { } confidence)
                    {
                        await importer.WriteAsync(confidence, NpgsqlDbType.Double, cancellationToken);
                    }
                    else
                    {
                        await importer.WriteNullAsync(cancellationToken);
                    }

                    await importer.WriteAsync(record.LatencyMs, NpgsqlDbType.Double, cancellationToken);
                    await importer.WriteAsync(record.Cost, NpgsqlDbType.Numeric, cancellationToken);
                    await WriteNullableAsync(importer, record.Redacted, NpgsqlDbType.Text, cancellationToken);
                    await WriteNullableAsync(importer, record.SentOutside, NpgsqlDbType.Text, cancellationToken);
                    await WriteNullableAsync(importer, record.Detail, NpgsqlDbType.Text, cancellationToken);
                    await importer.WriteAsync(record.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await importer.WriteAsync(record.RecordedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await importer.WriteAsync(record.PrevHash, NpgsqlDbType.Char, cancellationToken);
                    await importer.WriteAsync(hash, NpgsqlDbType.Char, cancellationToken);
                    written++;
                }
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var head = new NpgsqlCommand("""
            INSERT INTO audit_chain_heads ("TenantId", "Sequence", "Hash") VALUES ($1, $2, $3)
            ON CONFLICT ("TenantId") DO UPDATE SET "Sequence" = excluded."Sequence", "Hash" = excluded."Hash"
            """, connection, transaction))
        {
            head.Parameters.Add(new NpgsqlParameter { Value = tenant });
            head.Parameters.Add(new NpgsqlParameter { Value = sequence });
            head.Parameters.Add(new NpgsqlParameter { Value = previousHash });
            await head.ExecuteNonQueryAsync(cancellationToken);
        }

        // COPY bypasses the audit writer, so the overview's rollups are filled here, from the records just copied, in
        // the same transaction and under the same chain lock.
        await using (var rollups = new NpgsqlCommand(AuditRollups.AddRecordsSql, connection, transaction))
        {
            foreach (var value in AuditRollups.AddRecordsParameters(tenant, sequenceBefore, sequence))
            {
                rollups.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            await rollups.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>
    /// A job's records as its pipeline writes them (intake, compliance, moderation, the kind's specialist steps, an
    /// escalation when it escalated, completion), trimmed or padded with further shadow comparisons to <paramref name="count"/>.
    /// </summary>
    private static List<(string Step, string Service, string? Model, string Decision, decimal Cost, string? SentOutside, string? Detail)> StepsOf(
        string kind, bool escalated, int count)
    {
        var steps = new List<(string, string, string?, string, decimal, string?, string?)>
        {
            ("intake", "gateway", null, "accepted", 0m, null, "routing slip seed with 1 job(s)"),
            ("compliance", "compliance-checker", "pii-tagger", "redact", 0m, null, null),
            ("moderation", "compliance-checker", "moderation", "none", 0m, null, null),
        };
        if (kind is "support-ticket" or "email")
        {
            steps.Add(("intent", "intent-classifier", "banking77", escalated ? "escalate" : "decided", 0m, null,
                escalated ? "intent: confidence 0.41 for 'card_arrival' is below 0.60" : null));
        }

        if (kind is "support-ticket" or "invoice" or "restaurant-booking")
        {
            steps.Add(("extraction", "extraction", kind == "restaurant-booking" ? "restaurant8k" : "rules", "extracted", 0m, null, null));
        }

        if (escalated)
        {
            steps.Add(("escalation", "frontier-escalation", "gpt-4o-mini", "escalated", 0.000412m,
                "origin=escalation; model=openai:gpt-4o-mini; calls=1; failed=0; sha256=seed; bytes=412; tokens=1800+240",
                "intent: confidence # for '#' is below #"));
        }

        steps.Add(("completion", "workflow", null, "Completed", 0m, null, null));
        while (steps.Count < count)
        {
            steps.Insert(steps.Count - 1, ("frontier-shadow", "frontier-escalation", "gpt-4o-mini", "agreed", 0.000105m,
                "origin=shadow; model=openai:gpt-4o-mini; calls=1; failed=0; sha256=seed; bytes=300; tokens=410+20", null));
        }

        return steps.Count > count ? [.. steps.Take(count - 1), steps[^1]] : steps;
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(value, type, cancellationToken);
        }
    }

    private static async Task<(long Sequence, string Hash)> HeadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenant, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""SELECT "Sequence", "Hash" FROM audit_chain_heads WHERE "TenantId" = $1""", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditChain.Genesis);
    }
}
