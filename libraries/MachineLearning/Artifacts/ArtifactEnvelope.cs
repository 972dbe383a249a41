using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SpecialistPlatform.MachineLearning.Artifacts;

/// <summary>Which kind of model file an envelope holds: its magic and the words its error messages use.</summary>
/// <param name="Noun">"model" or "tagger": "Model file is truncated", "Incompatible tagger format version 3".</param>
/// <param name="Description">What the file is, for a wrong magic: "Not a span tagger file".</param>
internal sealed record ArtifactKind(string Magic, string Noun, string Description, ushort OldestReadableVersion, ushort FormatVersion)
{
    public string File => char.ToUpperInvariant(Noun[0]) + Noun[1..] + " file";
}

/// <summary>
/// The frame every model file shares (all integers little-endian):
/// <code>
/// offset 0   8 bytes  magic
/// offset 8   uint16   format version
/// offset 10  uint16   reserved, 0
/// offset 12  int64    payload length L
/// offset 20  L bytes  payload (the kind's own layout)
/// offset 20+L 32 bytes SHA-256 of bytes [0, 20+L)
/// </code>
/// Opening checks the length, magic, version and checksum before a byte of the payload is read, and says which
/// check failed in a <see cref="ModelFormatException"/>.
/// </summary>
internal static class ArtifactEnvelope
{
    public const int PreambleLength = 20;
    public const int ChecksumLength = 32;

    public delegate void PayloadWriter(Span<byte> payload);

    public static byte[] Wrap(ArtifactKind kind, long payloadLength, PayloadWriter writePayload)
    {
        if (PreambleLength + payloadLength + ChecksumLength > Array.MaxLength)
        {
            throw new InvalidOperationException("The model is too large for one file.");
        }

        var file = new byte[PreambleLength + payloadLength + ChecksumLength];
        System.Text.Encoding.ASCII.GetBytes(kind.Magic, file);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), kind.FormatVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(10), 0);
        BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(12), payloadLength);
        writePayload(file.AsSpan(PreambleLength, (int)payloadLength));
        SHA256.HashData(file.AsSpan(0, PreambleLength + (int)payloadLength), file.AsSpan(PreambleLength + (int)payloadLength));
        return file;
    }

    /// <param name="mistakes">Magics of files a caller may hand over by mistake, each with the error that names it.</param>
    /// <returns>The payload, after every check of the frame passed.</returns>
    public static ReadOnlySpan<byte> Open(ReadOnlySpan<byte> file, ArtifactKind kind, out ushort version, params ReadOnlySpan<(string Magic, string Error)> mistakes)
    {
        if (file.Length < PreambleLength + ChecksumLength)
        {
            throw new ModelFormatException($"{kind.File} is truncated: {file.Length} bytes is shorter than the {PreambleLength + ChecksumLength}-byte minimum.");
        }

        var magic = System.Text.Encoding.ASCII.GetString(file[..8]);
        if (magic != kind.Magic)
        {
            foreach (var (otherMagic, error) in mistakes)
            {
                if (magic == otherMagic)
                {
                    throw new ModelFormatException(error);
                }
            }

            throw new ModelFormatException($"Not a {kind.Description} file: the magic bytes are wrong.");
        }

        version = BinaryPrimitives.ReadUInt16LittleEndian(file[8..]);
        if (version < kind.OldestReadableVersion || version > kind.FormatVersion)
        {
            var reads = kind.OldestReadableVersion == kind.FormatVersion
                ? $"version {kind.FormatVersion} only"
                : $"versions {kind.OldestReadableVersion} to {kind.FormatVersion}";
            throw new ModelFormatException($"Incompatible {kind.Noun} format version {version}: this build reads {reads}; "
                + (version > kind.FormatVersion ? "the file was written by a newer build." : "retrain it."));
        }

        var payloadLength = BinaryPrimitives.ReadInt64LittleEndian(file[12..]);
        var expected = PreambleLength + payloadLength + ChecksumLength;
        if (payloadLength < 4 || expected != file.Length)
        {
            throw new ModelFormatException(expected > file.Length || payloadLength < 0
                ? $"{kind.File} is truncated: the header promises {expected} bytes but the file has {file.Length}."
                : $"{kind.File} has the wrong length: the header promises {expected} bytes but the file has {file.Length}.");
        }

        Span<byte> actual = stackalloc byte[ChecksumLength];
        SHA256.HashData(file[..(PreambleLength + (int)payloadLength)], actual);
        if (!actual.SequenceEqual(file[(PreambleLength + (int)payloadLength)..]))
        {
            throw new ModelFormatException($"{kind.File} is corrupt: its SHA-256 checksum does not match its contents.");
        }

        return file.Slice(PreambleLength, (int)payloadLength);
    }
}
