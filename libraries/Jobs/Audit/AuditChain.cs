using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SpecialistPlatform.Data.Entities;

namespace SpecialistPlatform.Jobs.Audit;

/// <summary>
/// How a record is sealed: an HMAC-SHA256, under a key the database does not hold, over the record's fields in a
/// fixed order, each length-prefixed (so no text can move from one field to the next without changing the MAC),
/// plus the previous record's MAC. The writer, the verifier and the checkpoints share this one definition.
/// </summary>
public sealed class AuditChain
{
    /// <summary>The "previous hash" of a tenant's first record.</summary>
    public static readonly string Genesis = new('0', 64);

    // One master key, two purposes: a record MAC can never be replayed as a checkpoint signature or the reverse.
    private readonly byte[] _recordKey;
    private readonly byte[] _checkpointKey;

    public AuditChain(byte[] masterKey)
    {
        if (masterKey.Length < AuditChainOptions.MinimumKeyBytes)
        {
            throw new ArgumentException($"The audit chain key must be at least {AuditChainOptions.MinimumKeyBytes} bytes.", nameof(masterKey));
        }

        _recordKey = HMACSHA256.HashData(masterKey, "specialist-audit/record-mac/v2"u8);
        _checkpointKey = HMACSHA256.HashData(masterKey, "specialist-audit/checkpoint-signature/v1"u8);
    }

    public string ComputeMac(AuditRecord record)
    {
        using var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _recordKey);
        foreach (var field in Fields(record))
        {
            AppendField(mac, field);
        }

        return Convert.ToHexStringLower(mac.GetHashAndReset());
    }

    public string SignCheckpoint(string canonicalCheckpoint) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_checkpointKey, Encoding.UTF8.GetBytes(canonicalCheckpoint)));

    /// <summary>
    /// The scheme before 2026-12 (plain SHA-256 over newline-joined fields). Kept only so records written then can be
    /// recognised and reported as unkeyed: anyone with write access to the database could have recomputed them.
    /// </summary>
    public static string ComputeLegacyHash(AuditRecord record)
    {
        var joined = string.Join('\n', LegacyFields(record));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)));
    }

    /// <summary>Postgres keeps microseconds; sealing anything finer would make every stored record look altered.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset value) =>
        new DateTimeOffset(value.UtcTicks - value.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>A version tag first, then every field; null is encoded apart from the empty string.</summary>
    private static IEnumerable<string?> Fields(AuditRecord record) =>
    [
        "specialist-audit-record/v2",
        record.TenantId,
        record.Sequence.ToString(CultureInfo.InvariantCulture),
        record.JobId.ToString("D"),
        record.Step,
        record.Service,
        record.Model,
        record.ModelVersion,
        record.InputSha256,
        record.Decision,
        record.Confidence?.ToString("R", CultureInfo.InvariantCulture),
        record.LatencyMs.ToString("R", CultureInfo.InvariantCulture),
        record.Cost.ToString("F6", CultureInfo.InvariantCulture),
        record.Redacted,
        record.SentOutside,
        record.Detail,
        Timestamp(record.OccurredAt),
        Timestamp(record.RecordedAt),
        record.PrevHash,
    ];

    private static void AppendField(IncrementalHash mac, string? value)
    {
        Span<byte> header = stackalloc byte[5];
        if (value is null)
        {
            header[0] = 0;
            BinaryPrimitives.WriteInt32BigEndian(header[1..], 0);
            mac.AppendData(header);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        header[0] = 1;
        BinaryPrimitives.WriteInt32BigEndian(header[1..], bytes.Length);
        mac.AppendData(header);
        mac.AppendData(bytes);
    }

    private static IEnumerable<string> LegacyFields(AuditRecord record) =>
    [
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
        record.PrevHash,
    ];

    private static string Timestamp(DateTimeOffset value) =>
        ToStoredPrecision(value).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
