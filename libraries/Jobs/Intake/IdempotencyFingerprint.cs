using System.Text.Json;
using SpecialistPlatform.Data.Entities;

namespace SpecialistPlatform.Jobs.Intake;

/// <summary>
/// Whether a submission that reuses an idempotency key is the same request as the one that made the job: same kind,
/// same text (by its SHA-256, which the job keeps) and the same metadata, in any key order. A retry of the same request
/// gets the job it made; a different request under the same key is a client error (409), never a silent answer with
/// someone else's job (draft-ietf-httpapi-idempotency-key-header, section 2.7).
/// </summary>
public static class IdempotencyFingerprint
{
    public static bool Matches(Job existing, JobSubmission submission) =>
        string.Equals(existing.Kind, submission.Kind, StringComparison.Ordinal)
        && string.Equals(existing.TextSha256, JobIntake.Sha256(submission.Text ?? ""), StringComparison.Ordinal)
        && SameMetadata(existing.MetadataJson, submission.Metadata);

    private static bool SameMetadata(string? storedJson, IReadOnlyDictionary<string, string>? submitted)
    {
        var stored = storedJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string?>>(storedJson);
        if ((stored?.Count ?? 0) != (submitted?.Count ?? 0))
        {
            return false;
        }

        return submitted is null || submitted.All(pair => stored!.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }
}
