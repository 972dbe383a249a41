using System.Security.Cryptography;

namespace SpecialistPlatform.Workflow;

/// <summary>Name-based UUIDs (version 8, RFC 9562, from SHA-256): the same name always gives the same id, so a record
/// about an event (a rejected outcome, a rejected audit record) is written once however often its message is redelivered,
/// while the audit trail's (JobId, Step) stays unique.</summary>
public static class NameBasedIds
{
    public static Guid Of(ReadOnlySpan<byte> name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(name, hash);
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16]);
    }
}
