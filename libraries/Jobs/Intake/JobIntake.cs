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
public sealed record IntakeResult(Job? Job, bool Replayed, IntakeProblem? Problem)
{
    public static IntakeResult Invalid(string title, string detail) => new(null, false, new IntakeProblem(IntakeProblemKind.Invalid, title, detail));

    public static IntakeResult TooLarge(string title, string detail) => new(null, false, new IntakeProblem(IntakeProblemKind.TooLarge, title, detail));

    public static IntakeResult Stored(Job job) => new(job, false, null);

    /// <summary>An earlier submission with the same key: its job if the request was the same, a conflict if not.</summary>
    public static IntakeResult Replay(Job existing, JobSubmission submission) =>
        IdempotencyFingerprint.Matches(existing, submission)
            ? new(existing, true, null)
            : new(null, false, new IntakeProblem(IntakeProblemKind.Conflict, "Idempotency key reused",
                $"The idempotency key '{submission.IdempotencyKey}' was used for job {existing.Id} with a different kind, text or metadata. " +
                "Send the same request to get that job again, or use a new key for a new job."));
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
            return IntakeResult.TooLarge("Text too large", $"'text' is {bytes:N0} bytes of UTF-8; the limit is {options.MaxTextBytes:N0} (Pipelines:MaxTextBytes).");
        }

        if (Unstorable(submission) is { } unstorable)
        {
            return IntakeResult.Invalid("Unsupported character", $"{unstorable}. Postgres cannot store it; remove it or replace it and send again.");
        }

        if (submission.IdempotencyKey is { Length: > MaxIdempotencyKeyLength })
        {
            return IntakeResult.Invalid("Idempotency key too long", $"The idempotency key may have at most {MaxIdempotencyKeyLength} characters.");
        }

        if (submission.IdempotencyKey is { } key && await FindByIdempotencyKeyAsync(submission.TenantId, key, cancellationToken) is { } existing)
        {
            return IntakeResult.Replay(existing, submission);
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
            return IntakeResult.Stored(job);
        }

        // The key was taken between the lookup above and the insert: two retries of one submission raced.
        var raced = await FindByIdempotencyKeyAsync(submission.TenantId, submission.IdempotencyKey!, cancellationToken)
            ?? throw new InvalidOperationException($"Job {job.Id} was not stored, and no job holds its idempotency key.");
        return IntakeResult.Replay(raced, submission);
    }

    /// <summary>The first character of the text, the metadata or the idempotency key that cannot be stored, named with
    /// the field it is in.</summary>
    private static string? Unstorable(JobSubmission submission)
    {
        if (StorableText.FindUnstorable(submission.Text!) is { } inText)
        {
            return $"'text' holds {inText}";
        }

        foreach (var (name, value) in submission.Metadata ?? new Dictionary<string, string>())
        {
            if (StorableText.FindUnstorable(name) is { } inName)
            {
                return $"a 'metadata' key holds {inName}";
            }

            if (value is not null && StorableText.FindUnstorable(value) is { } inValue)
            {
                return $"'metadata.{name}' holds {inValue}";
            }
        }

        return submission.IdempotencyKey is { } key && StorableText.FindUnstorable(key) is { } inKey ? $"the idempotency key holds {inKey}" : null;
    }

    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private Task<Job?> FindByIdempotencyKeyAsync(string tenantId, string key, CancellationToken cancellationToken) =>
        db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.TenantId == tenantId && j.IdempotencyKey == key, cancellationToken);
}
