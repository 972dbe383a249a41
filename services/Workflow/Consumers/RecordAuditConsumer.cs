using System.Text;
using MassTransit;
using Npgsql;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Jobs.Audit;

namespace SpecialistPlatform.Workflow.Consumers;

/// <summary>
/// Writes audit records in batches: one transaction and one chain-head update per tenant per batch. A record that
/// names a job enters only the trail of that job's stored tenant: the message's word for the tenant is checked against
/// the jobs table (one query per batch), since any service user on the services' virtual host could publish here. A
/// mismatching record is not written; a <see cref="AuditRejected"/> record in the job's real tenant's trail tells of
/// it, with nothing from the message. Records about no job (key changes, registry changes: their JobId is the event's
/// own id, found in no job row) are written as claimed, as before.
/// </summary>
public sealed class RecordAuditConsumer(NpgsqlDataSource dataSource, AuditTrailWriter writer, ILogger<RecordAuditConsumer> logger)
    : IConsumer<Batch<AppendAudit>>
{
    /// <summary>The decision of the record (step <see cref="ResourceNames.Steps.AuditCheck"/>) that tells of an audit
    /// record not written because it named another tenant than its job's.</summary>
    public const string AuditRejected = "audit-rejected";

    public async Task Consume(ConsumeContext<Batch<AppendAudit>> context)
    {
        var cancellationToken = context.CancellationToken;
        var records = context.Message.SelectMany(m => m.Message.Records).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var jobs = await StoredJobsAsync(connection, [.. records.Select(r => r.JobId).Distinct()], cancellationToken);
        var accepted = new List<RecordAudit>(records.Count);
        foreach (var record in records)
        {
            if (!jobs.TryGetValue(record.JobId, out var job) || job.TenantId == record.TenantId)
            {
                accepted.Add(record);
                continue;
            }

            logger.LogWarning("An audit record for job {JobId} (step {Step}, from {Service}) names tenant {Claimed}, but the job is {Tenant}'s; not written",
                record.JobId, record.Step, record.Service, record.TenantId, job.TenantId);
            accepted.Add(Rejection(record, job));
        }

        await writer.AppendAsync(connection, accepted, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private sealed record StoredJob(string TenantId, string TextSha256);

    private static async Task<Dictionary<Guid, StoredJob>> StoredJobsAsync(NpgsqlConnection connection, Guid[] ids, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""SELECT "Id", "TenantId", "TextSha256" FROM jobs WHERE "Id" = ANY(@ids)""", connection);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var jobs = new Dictionary<Guid, StoredJob>(ids.Length);
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs[reader.GetGuid(0)] = new StoredJob(reader.GetString(1), reader.GetString(2));
        }

        return jobs;
    }

    /// <summary>The record of a rejected one, in the job's own tenant's trail: the job and the reason only, nothing the
    /// message said (its step, detail or claimed tenant are not the platform's word). Its id is named by the job, the
    /// claimed tenant and the step, so a redelivery writes one record and each different forgery its own.</summary>
    private static RecordAudit Rejection(RecordAudit record, StoredJob job) => new()
    {
        JobId = NameBasedIds.Of(Encoding.UTF8.GetBytes($"audit-check\n{record.JobId:N}\n{record.TenantId}\n{record.Step}")),
        TenantId = job.TenantId,
        Step = ResourceNames.Steps.AuditCheck,
        Service = ResourceNames.Services.Workflow,
        InputSha256 = job.TextSha256,
        Decision = AuditRejected,
        Detail = $"job={record.JobId}; an audit record for the job named another tenant; not written",
        LatencyMs = 0,
        OccurredAt = DateTimeOffset.UtcNow,
    };
}
