using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Client.Exceptions;
using SpecialistPlatform.Client.Models;

namespace SpecialistPlatform.Client;

/// <summary>
/// The gateway's HTTP API as methods: submit jobs (with an Idempotency-Key, so a retry never makes a second job), wait
/// for them, read their results and audit trail, and use the synchronous personal-data and moderation APIs. Every
/// refusal is thrown as a <see cref="SpecialistPlatformException"/> subclass naming the problem the gateway gave.
/// Register it with <see cref="ServiceCollectionExtensions.AddSpecialistPlatformClient(Microsoft.Extensions.DependencyInjection.IServiceCollection, Uri, string)"/>.
/// </summary>
public sealed class SpecialistPlatformClient(HttpClient http, IOptions<SpecialistPlatformClientOptions> options)
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    private const string ReplayedHeader = "Idempotent-Replayed";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly SpecialistPlatformClientOptions _options = options.Value;

    /// <summary>Stores a job and returns at once (202). With the same <paramref name="idempotencyKey"/> a retried
    /// submission answers with the same job (<see cref="SubmittedJob.Replayed"/>); the same key with different content
    /// throws <see cref="IdempotencyConflictException"/>.</summary>
    public async Task<SubmittedJob> SubmitJobAsync(JobSubmission submission, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(submission);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v1/jobs")
        {
            Content = JsonContent.Create(submission, options: Json),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var accepted = await ReadAsync<SubmittedJob>(response, cancellationToken);
        return accepted with { Replayed = response.Headers.TryGetValues(ReplayedHeader, out var values) && values.Contains("true") };
    }

    /// <summary>The job as it is now; <see cref="NotFoundException"/> when the tenant has no such job.</summary>
    public Task<Job> GetJobAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        GetAsync<Job>($"api/v1/jobs/{jobId}", cancellationToken);

    /// <summary>
    /// Polls the job until it is Completed, NeedsReview or Failed and returns it. Pauses grow from
    /// <see cref="SpecialistPlatformClientOptions.PollInterval"/> to <see cref="SpecialistPlatformClientOptions.MaxPollInterval"/>;
    /// after <paramref name="timeout"/> (default <see cref="SpecialistPlatformClientOptions.WaitTimeout"/>) it throws
    /// <see cref="JobWaitTimeoutException"/> with the last status seen.
    /// </summary>
    public async Task<Job> WaitForJobAsync(Guid jobId, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var limit = timeout ?? _options.WaitTimeout;
        var clock = Stopwatch.StartNew();
        var pause = _options.PollInterval;
        while (true)
        {
            var job = await GetJobAsync(jobId, cancellationToken);
            if (job.IsFinal)
            {
                return job;
            }

            var left = limit - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new JobWaitTimeoutException(jobId, job.Status, clock.Elapsed);
            }

            await Task.Delay(pause < left ? pause : left, cancellationToken);
            pause = TimeSpan.FromTicks(Math.Min(_options.MaxPollInterval.Ticks, pause.Ticks * 3 / 2));
        }
    }

    /// <summary>Submits the job and waits for its final state: <see cref="SubmitJobAsync"/> then <see cref="WaitForJobAsync"/>.</summary>
    public async Task<Job> RunJobAsync(JobSubmission submission, string? idempotencyKey = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var accepted = await SubmitJobAsync(submission, idempotencyKey, cancellationToken);
        return await WaitForJobAsync(accepted.JobId, timeout, cancellationToken);
    }

    /// <summary>The job's audit records in chain order (needs the auditor role). Records of later steps (an escalation)
    /// may still be on their way while the job is final.</summary>
    public async Task<IReadOnlyList<AuditRecord>> GetJobAuditAsync(Guid jobId, CancellationToken cancellationToken = default) =>
        await GetAsync<List<AuditRecord>>($"api/v1/jobs/{jobId}/audit", cancellationToken);

    /// <summary>One page of the tenant's audit trail, filtered by <paramref name="query"/> (needs the auditor role).</summary>
    public Task<AuditPage> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parameters = new List<string>();
        Add("from", query.From?.ToString("O", CultureInfo.InvariantCulture));
        Add("to", query.To?.ToString("O", CultureInfo.InvariantCulture));
        Add("step", query.Step);
        Add("decision", query.Decision);
        Add("model", query.Model);
        Add("after", query.After?.ToString(CultureInfo.InvariantCulture));
        Add("before", query.Before?.ToString(CultureInfo.InvariantCulture));
        Add("pageSize", query.PageSize?.ToString(CultureInfo.InvariantCulture));
        var path = parameters.Count == 0 ? "api/v1/audit" : "api/v1/audit?" + string.Join('&', parameters);
        return GetAsync<AuditPage>(path, cancellationToken);

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parameters.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
    }

    /// <summary>Finds personal data in each text (type, offsets, score and value per entity), one result per text in order.</summary>
    public async Task<IReadOnlyList<PersonalDataResult>> DetectPersonalDataAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        (await PostAsync<PersonalDataBatch>("api/v1/personal-data/detect", new { texts }, cancellationToken)).Results;

    /// <summary>Applies the tenant's policy for <paramref name="kind"/> (its default policy when null) to each text:
    /// the text as the policy leaves it, whether the policy blocks it, and per entity the action taken.</summary>
    public async Task<IReadOnlyList<PersonalDataResult>> ApplyPersonalDataPolicyAsync(
        IReadOnlyList<string> texts, string? kind = null, bool includePlaceholders = false, CancellationToken cancellationToken = default) =>
        (await PostAsync<PersonalDataBatch>("api/v1/personal-data/apply", new { texts, kind, includePlaceholders }, cancellationToken)).Results;

    /// <summary>Scores each text in every moderation category and says what the tenant's policy for <paramref name="kind"/> would do.</summary>
    public async Task<IReadOnlyList<ModerationResult>> ModerateAsync(IReadOnlyList<string> texts, string? kind = null, CancellationToken cancellationToken = default) =>
        (await PostAsync<ModerationBatch>("api/v1/moderation", new { texts, kind }, cancellationToken)).Results;

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private async Task<T> PostAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(path, body, Json, cancellationToken);
        return await ReadAsync<T>(response, cancellationToken);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await ProblemResponses.ToExceptionAsync(response, cancellationToken);
        }

        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new SpecialistPlatformException(response.StatusCode, "Empty answer", $"The gateway answered {response.RequestMessage?.RequestUri} with no body.");
    }

    private sealed record PersonalDataBatch(IReadOnlyList<PersonalDataResult> Results);

    private sealed record ModerationBatch(IReadOnlyList<ModerationResult> Results);
}
