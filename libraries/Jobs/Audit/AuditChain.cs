using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SpecialistPlatform.Data.Entities;

namespace SpecialistPlatform.Jobs.Audit;

/// <summary>
/// How a record's hash is computed: SHA-256 over its fields in a fixed order and invariant formatting, plus the
/// previous record's hash. The writer and the verifier share this one definition.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of a tenant's first record.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string ComputeHash(AuditRecord record)
    {
        var canonical = string.Join('\n',
            record.TenantId,
            record.Sequence.ToString(CultureInfo.InvariantCulture),
            record.JobId.ToString("D"),
            record.Step,
            record.Service,
            record.Model ?? "",
            record.ModelVersion ?? "",
            record.InputSha256,
            record.Decision,
            record.Confidence?.ToString("R", CultureInfo.InvariantCulture) ?? "",
            record.LatencyMs.ToString("R", CultureInfo.InvariantCulture),
            record.Cost.ToString("F6", CultureInfo.InvariantCulture),
            record.Redacted ?? "",
            record.SentOutside ?? "",
            record.Detail ?? "",
            Timestamp(record.OccurredAt),
            Timestamp(record.RecordedAt),
            record.PrevHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Postgres keeps microseconds; hashing anything finer would make every stored record look altered.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset value) =>
        new DateTimeOffset(value.UtcTicks - value.UtcTicks % 10, TimeSpan.Zero);

    private static string Timestamp(DateTimeOffset value) =>
        ToStoredPrecision(value).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
