using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SpecialistPlatform.Jobs.Audit;

/// <summary>
/// A signed statement, kept outside the database, that a tenant's chain held <see cref="RecordCount"/> records ending
/// at <see cref="Sequence"/> whose MAC was <see cref="HeadMac"/> at <see cref="CreatedAt"/>. A later trail that is
/// shorter, or whose record at that sequence differs, was cut or rewritten.
/// </summary>
public sealed record AuditCheckpoint(string TenantId, long Sequence, string HeadMac, long RecordCount, DateTimeOffset CreatedAt, string Signature)
{
    public const string Format = "specialist-audit-checkpoint/v1";

    /// <summary>What the signature covers: the tenant length-prefixed, then fields that cannot contain the separator.</summary>
    public string Canonical() => string.Join('|',
        Format,
        $"{TenantId.Length.ToString(CultureInfo.InvariantCulture)}:{TenantId}",
        Sequence.ToString(CultureInfo.InvariantCulture),
        HeadMac,
        RecordCount.ToString(CultureInfo.InvariantCulture),
        CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));

    public static AuditCheckpoint Sign(AuditChain chain, string tenantId, long sequence, string headMac, long recordCount, DateTimeOffset createdAt)
    {
        var unsigned = new AuditCheckpoint(tenantId, sequence, headMac, recordCount, AuditChain.ToStoredPrecision(createdAt), "");
        return unsigned with { Signature = chain.SignCheckpoint(unsigned.Canonical()) };
    }

    public bool IsSignedBy(AuditChain chain) =>
        Signature is { Length: 64 } && HeadMac is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(chain.SignCheckpoint(Canonical())), Encoding.ASCII.GetBytes(Signature));
}
