using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Jobs.Pipelines;

namespace SpecialistPlatform.Jobs.Intake;

/// <summary>A submission as it arrives, over HTTP or the bus.</summary>
public sealed record JobSubmission(string TenantId, string? Kind, string? Text, IReadOnlyDictionary<string, string>? Metadata, string? IdempotencyKey);

/// <summary>The outcome: the stored job (new, or the one an earlier submission with the same idempotency key made),
/// or what was wrong with the submission.</summary>
public sealed record IntakeResult(Job? Job, bool Replayed, string? Problem, string? ProblemTitle)
{
    public static IntakeResult Invalid(string title, string detail) => new(null, false, detail, title);
}

/// <summary>
/// Validates and stores submissions (through <see cref="JobWriter"/>'s group commit). The job row is its own outbox
/// entry (DispatchedAt null until its routing slip is on the broker), so a crash between storing and dispatching loses
/// nothing: the sweeper finds the row.
/// </summary>
public sealed class JobIntake(PlatformDbContext db, JobWriter writer, IOptions<PipelineOptions> pipelines)
{
    public const int MaxIdempotencyKeyLength = 200;

    public async Task<IntakeResult> SubmitAsync(JobSubmission submission, CancellationToken cancellationToken)
    {
        var options = pipelines.Value;
        if (string.IsNullOrWhiteSpace(submission.Kind))
        {
            return IntakeResult.Invalid("Missing kind", $"'kind' is required; one of: {string.Join(", ", options.Kinds.Keys)}.");
        }

        if (!options.Kinds.ContainsKey(submission.Kind))
        {
            return IntakeResult.Invalid("Unknown kind", $"Kind '{submission.Kind}' is not configured; one of: {string.Join(", ", options.Kinds.Keys)}.");
        }

        if (string.IsNullOrWhiteSpace(submission.Text))
        {
            return IntakeResult.Invalid("Empty text", "'text' is required and must contain more than white space.");
        }

        var bytes = Encoding.UTF8.GetByteCount(submission.Text);
        if (bytes > options.MaxTextBytes)
        {
            return IntakeResult.Invalid("Text too large", $"'text' is {bytes:N0} bytes of UTF-8; the limit is {options.MaxTextBytes:N0} (Pipelines:MaxTextBytes).");
        }

        if (submission.IdempotencyKey is { Length: > MaxIdempotencyKeyLength })
        {
            return IntakeResult.Invalid("Idempotency key too long", $"The idempotency key may have at most {MaxIdempotencyKeyLength} characters.");
        }

        if (submission.IdempotencyKey is { } key && await FindByIdempotencyKeyAsync(submission.TenantId, key, cancellationToken) is { } existing)
        {
            return new IntakeResult(existing, true, null, null);
        }

        var job = new Job
        {
            TenantId = submission.TenantId,
            Kind = submission.Kind,
            Text = submission.Text,
            TextSha256 = Sha256(submission.Text),
            IdempotencyKey = submission.IdempotencyKey,
            MetadataJson = submission.Metadata is null ? null : System.Text.Json.JsonSerializer.Serialize(submission.Metadata),
        };
        if (await writer.StoreAsync(job, cancellationToken))
        {
            return new IntakeResult(job, false, null, null);
        }

        // The key was taken between the lookup above and the insert: two retries of one submission raced.
        var raced = await FindByIdempotencyKeyAsync(submission.TenantId, submission.IdempotencyKey!, cancellationToken)
            ?? throw new InvalidOperationException($"Job {job.Id} was not stored, and no job holds its idempotency key.");
        return new IntakeResult(raced, true, null, null);
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private Task<Job?> FindByIdempotencyKeyAsync(string tenantId, string key, CancellationToken cancellationToken) =>
        db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.TenantId == tenantId && j.IdempotencyKey == key, cancellationToken);
}
