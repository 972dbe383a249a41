using System.Text.Json;
using Microsoft.Extensions.Logging;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Contracts.Jobs;
using StackExchange.Redis;

namespace SpecialistPlatform.FrontierEscalation.Frontier;

/// <summary>
/// A job's frontier call as it ended, kept for a retry: the result (extracted fields as the frontier answered them,
/// placeholders and all, never the job's values) and the audit record already written or about to be.
/// </summary>
public sealed record KeptEscalation(EscalationResult Result, RecordAudit Record);

/// <summary>
/// Each job's frontier outcome, in Redis by origin and job id, for a day (docs/decisions/0023). It is written before the
/// audit record is sent, so a step or consumer that is retried after the call (the audit send failed, the broker
/// dropped the connection, the service stopped) finds the outcome and reuses it: the frontier is not called again, the
/// text is not sent twice, and the audit record sent again is the same record, which the audit writer drops because
/// it already has (JobId, Step).
/// </summary>
public sealed class EscalationOutcomes(IConnectionMultiplexer redis, ILogger<EscalationOutcomes> logger)
{
    /// <summary>Long enough for MassTransit's retries and redeliveries of a step, short enough that the results of
    /// calls do not pile up in Redis.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The kept outcomes of these jobs, by job id. A Redis failure is thrown: nothing has been sent for them in this
    /// attempt, and the step retries with back-off.
    /// </summary>
    public async Task<Dictionary<Guid, KeptEscalation>> FindAsync(FrontierCallOrigin origin, IReadOnlyList<(string TenantId, Guid JobId)> jobs)
    {
        var found = new Dictionary<Guid, KeptEscalation>();
        if (jobs.Count == 0)
        {
            return found;
        }

        // One key at a time: the tenants' hash tags may put the keys of one batch on different cluster nodes.
        var database = redis.GetDatabase();
        var values = await Task.WhenAll(jobs.Select(job => database.StringGetAsync(Key(origin, job.TenantId, job.JobId))));
        for (var i = 0; i < jobs.Count; i++)
        {
            if (!values[i].IsNullOrEmpty && JsonSerializer.Deserialize<KeptEscalation>(values[i].ToString(), Json) is { } kept)
            {
                found[jobs[i].JobId] = kept;
            }
        }

        return found;
    }

    public async Task<KeptEscalation?> FindAsync(FrontierCallOrigin origin, string tenantId, Guid jobId) =>
        (await FindAsync(origin, [(tenantId, jobId)])).GetValueOrDefault(jobId);

    /// <summary>
    /// Keeps the outcome, retrying while Redis is away. If it stays away the failure is logged and the caller goes on:
    /// the audit record is still sent, and only a retry after a second failure would call the frontier again.
    /// </summary>
    public async Task KeepAsync(FrontierCallOrigin origin, KeptEscalation kept)
    {
        var key = Key(origin, kept.Record.TenantId, kept.Record.JobId);
        var value = JsonSerializer.Serialize(kept, Json);
        try
        {
            await AfterPaymentRetry.Redis.ExecuteAsync(async _ => await redis.GetDatabase().StringSetAsync(key, value, KeptFor));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Could not keep the frontier outcome of job {JobId}; a retry of its step would call the frontier again", kept.Record.JobId);
        }
    }

    // The tenant in braces is a Redis Cluster hash tag, as in the spend ledger's keys.
    private static string Key(FrontierCallOrigin origin, string tenantId, Guid jobId) =>
        $"frontier:{{{tenantId}}}:outcome:{origin.ToString().ToLowerInvariant()}:{jobId:N}";
}
