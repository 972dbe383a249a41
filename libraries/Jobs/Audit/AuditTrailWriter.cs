using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Rollups;

namespace SpecialistPlatform.Jobs.Audit;

/// <summary>
/// Appends records to each tenant's chain, each sealed by <see cref="AuditChain"/>. A transaction-scoped advisory lock
/// per tenant serialises appends to one chain across writers; records whose (JobId, Step) is already in the trail are
/// skipped, so a redelivered step never writes twice. Batches keep the lock's cost per record small at high rates.
/// Each batch also adds its records to the overview's rollups in the same transaction (<see cref="AuditRollups"/>), so
/// the rollups hold exactly the committed records.
/// </summary>
public sealed class AuditTrailWriter(NpgsqlDataSource dataSource, AuditChain chain, ILogger<AuditTrailWriter> logger)
{
    public async Task<int> AppendAsync(IReadOnlyList<RecordAudit> records, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var written = await AppendAsync(connection, records, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>Appends inside the caller's open transaction (the workflow writes a job's outcome and its records
    /// together); the tenants' chain locks are held until the caller commits.</summary>
    public async Task<int> AppendAsync(NpgsqlConnection connection, IReadOnlyList<RecordAudit> records, CancellationToken cancellationToken)
    {
        var written = 0;
        // Tenants in one order for every writer: two transactions taking two tenants' chain locks never deadlock.
        foreach (var tenant in records.GroupBy(r => r.TenantId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            written += await AppendForTenantAsync(connection, tenant.Key, [.. tenant], cancellationToken);
        }

        return written;
    }

    private async Task<int> AppendForTenantAsync(NpgsqlConnection connection, string tenantId, List<RecordAudit> records, CancellationToken cancellationToken)
    {
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('audit:' || @tenant, 0))", connection))
        {
            lockCommand.Parameters.AddWithValue("tenant", tenantId);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        var alreadyRecorded = await ExistingStepsAsync(connection, [.. records.Select(r => r.JobId).Distinct()], cancellationToken);
        var (sequence, previousHash) = await HeadAsync(connection, tenantId, cancellationToken);
        var sequenceBefore = sequence;

        var batch = new NpgsqlBatch(connection);
        var recordedAt = AuditChain.ToStoredPrecision(DateTimeOffset.UtcNow);
        foreach (var message in records)
        {
            if (!alreadyRecorded.Add((message.JobId, message.Step)))
            {
                continue;
            }

            sequence++;
            var record = new AuditRecord
            {
                TenantId = tenantId,
                Sequence = sequence,
                JobId = message.JobId,
                Step = message.Step,
                Service = message.Service,
                Model = message.Model,
                ModelVersion = message.ModelVersion,
                InputSha256 = message.InputSha256,
                Decision = Truncate(message.Decision, 200),
                Confidence = message.Confidence,
                LatencyMs = message.LatencyMs,
                Cost = decimal.Round(message.Cost, 6),
                Redacted = message.Redacted,
                SentOutside = message.SentOutside,
                Detail = message.Detail,
                OccurredAt = AuditChain.ToStoredPrecision(message.OccurredAt),
                RecordedAt = recordedAt,
                PrevHash = previousHash,
                Hash = "",
            };
            var hash = chain.ComputeMac(record);
            batch.BatchCommands.Add(InsertCommand(record, hash));
            previousHash = hash;
        }

        if (batch.BatchCommands.Count == 0)
        {
            return 0;
        }

        var upsertHead = new NpgsqlBatchCommand("""
            INSERT INTO audit_chain_heads ("TenantId", "Sequence", "Hash") VALUES (@tenant, @sequence, @hash)
            ON CONFLICT ("TenantId") DO UPDATE SET "Sequence" = excluded."Sequence", "Hash" = excluded."Hash"
            """);
        upsertHead.Parameters.AddWithValue("tenant", tenantId);
        upsertHead.Parameters.AddWithValue("sequence", sequence);
        upsertHead.Parameters.AddWithValue("hash", previousHash);
        batch.BatchCommands.Add(upsertHead);

        // This batch's records, and only them: its sequence range under the chain lock, at its one recording time.
        var addToRollups = new NpgsqlBatchCommand(AuditRollups.AddRecordsSql);
        foreach (var value in new object[] { tenantId, recordedAt, recordedAt.AddTicks(10), sequenceBefore, sequence })
        {
            addToRollups.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        batch.BatchCommands.Add(addToRollups);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return (int)(sequence - sequenceBefore);
    }

    private static NpgsqlBatchCommand InsertCommand(AuditRecord r, string hash)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO audit_records ("TenantId", "Sequence", "JobId", "Step", "Service", "Model", "ModelVersion", "InputSha256",
                "Decision", "Confidence", "LatencyMs", "Cost", "Redacted", "SentOutside", "Detail", "OccurredAt", "RecordedAt", "PrevHash", "Hash")
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
            """);
        object?[] values =
        [
            r.TenantId, r.Sequence, r.JobId, r.Step, r.Service, r.Model, r.ModelVersion, r.InputSha256, r.Decision, r.Confidence,
            r.LatencyMs, r.Cost, r.Redacted, r.SentOutside, r.Detail, r.OccurredAt, r.RecordedAt, r.PrevHash, hash,
        ];
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        // Typed nulls: Postgres cannot infer a type from an untyped NULL parameter.
        command.Parameters[5].NpgsqlDbType = NpgsqlDbType.Varchar;
        command.Parameters[6].NpgsqlDbType = NpgsqlDbType.Varchar;
        command.Parameters[9].NpgsqlDbType = NpgsqlDbType.Double;
        command.Parameters[12].NpgsqlDbType = NpgsqlDbType.Text;
        command.Parameters[13].NpgsqlDbType = NpgsqlDbType.Text;
        command.Parameters[14].NpgsqlDbType = NpgsqlDbType.Text;
        return command;
    }

    private static async Task<HashSet<(Guid, string)>> ExistingStepsAsync(NpgsqlConnection connection, Guid[] jobIds, CancellationToken cancellationToken)
    {
        var existing = new HashSet<(Guid, string)>();
        // By job id alone (a job belongs to one tenant): with the tenant in the condition the planner may walk a
        // (TenantId, ...) index over the tenant's whole trail, which it did on a young partition whose statistics said
        // "small", making every audit batch cost as much as the trail was long.
        await using var command = new NpgsqlCommand("""SELECT "JobId", "Step" FROM audit_records WHERE "JobId" = ANY(@jobs)""", connection);
        command.Parameters.AddWithValue("jobs", jobIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            existing.Add((reader.GetGuid(0), reader.GetString(1)));
        }

        return existing;
    }

    private async Task<(long Sequence, string Hash)> HeadAsync(NpgsqlConnection connection, string tenantId, CancellationToken cancellationToken)
    {
        if (await ReadSingleAsync(connection, """SELECT "Sequence", "Hash" FROM audit_chain_heads WHERE "TenantId" = @tenant""", tenantId, cancellationToken) is { } head)
        {
            return head;
        }

        // No head: a new tenant, or someone deleted it. Restarting at 1 would fork the chain; continuing after the last
        // record keeps it whole, and the verifier reports the missing head (and, by the checkpoints, any lost tail)
        // until this append writes a new one.
        if (await ReadSingleAsync(connection,
                """SELECT "Sequence", "Hash" FROM audit_records WHERE "TenantId" = @tenant ORDER BY "Sequence" DESC LIMIT 1""", tenantId, cancellationToken) is { } last)
        {
            logger.LogError("The audit chain head of tenant {Tenant} is missing; continuing after its last record {Sequence}", tenantId, last.Sequence);
            return last;
        }

        return (0, AuditChain.Genesis);
    }

    private static async Task<(long Sequence, string Hash)?> ReadSingleAsync(NpgsqlConnection connection, string sql, string tenantId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tenant", tenantId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
