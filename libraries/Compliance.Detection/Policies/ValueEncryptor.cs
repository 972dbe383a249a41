using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Policies;

/// <summary>
/// Turns a value into a self-describing token <c>&lt;ENC:TYPE:base64url(nonce | ciphertext | tag)&gt;</c> with
/// AES-256-GCM; the entity type is authenticated as associated data, so a token cannot be relabelled.
/// Decrypting with another key (or a tampered token) throws <see cref="CryptographicException"/>.
/// </summary>
public sealed partial class ValueEncryptor
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public ValueEncryptor(byte[] key)
    {
        if (key is not { Length: 32 })
            throw new ArgumentException("AES-256-GCM needs a 32-byte key.", nameof(key));
        _key = key;
    }

    [GeneratedRegex(@"<ENC:(?<type>[A-Za-z0-9_]+):(?<data>[A-Za-z0-9_\-]+)>", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Token();

    public string Encrypt(string type, string value)
    {
        var plain = Encoding.UTF8.GetBytes(value);
        var buffer = new byte[NonceSize + plain.Length + TagSize];
        var nonce = buffer.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, buffer.AsSpan(NonceSize, plain.Length), buffer.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(type));
        return $"<ENC:{type}:{Base64Url.EncodeToString(buffer)}>";
    }

    /// <summary>The type and value inside one token.</summary>
    public (string Type, string Value) Decrypt(string token)
    {
        var match = Token().Match(token.Trim());
        if (!match.Success || match.Length != token.Trim().Length)
            throw new FormatException("Not an encryption token.");
        return (match.Groups["type"].Value, DecryptData(match.Groups["type"].Value, match.Groups["data"].Value));
    }

    /// <summary>Replaces every token in <paramref name="text"/> by its value (for an authorised reader).</summary>
    public string DecryptAll(string text) =>
        Token().Replace(text, m => DecryptData(m.Groups["type"].Value, m.Groups["data"].Value));

    private string DecryptData(string type, string data)
    {
        byte[] buffer;
        try
        {
            buffer = Base64Url.DecodeFromChars(data);
        }
        catch (FormatException ex)
        {
            throw new CryptographicException("Malformed encryption token.", ex);
        }
        if (buffer.Length < NonceSize + TagSize)
            throw new CryptographicException("Encryption token too short.");
        var cipherLength = buffer.Length - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        using var aes = new AesGcm(_key, TagSize);
        try
        {
            aes.Decrypt(buffer.AsSpan(0, NonceSize), buffer.AsSpan(NonceSize, cipherLength), buffer.AsSpan(NonceSize + cipherLength), plain, Encoding.UTF8.GetBytes(type));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new CryptographicException($"The {type} token does not decrypt with this key (wrong key, or the token was altered).", ex);
        }
        return Encoding.UTF8.GetString(plain);
    }
}
