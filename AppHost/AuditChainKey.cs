using System.Security.Cryptography;

namespace SpecialistPlatform.AppHost;

/// <summary>
/// The key that seals the audit chain and signs its checkpoints: the one kept in the data folder (mode 0600) from an
/// earlier start, else 32 new random bytes. The database never holds it (docs/decisions/0018). A key file that cannot
/// be read as a key stops the AppHost: replacing it would leave every record sealed so far unverifiable.
/// </summary>
public static class AuditChainKey
{
    public const string FileName = "audit-chain-key";
    private const int KeyBytes = 32;

    public static string Choose(PlatformSettings settings)
    {
        var file = Path.Combine(settings.DataDirectory, FileName);
        if (File.Exists(file))
        {
            var kept = File.ReadAllText(file).Trim();
            return IsKey(kept) ? kept
                : throw new InvalidOperationException(
                    $"{file} does not hold an audit chain key (base64 of {KeyBytes} bytes). Restore it from a backup; " +
                    "a new key would make every audit record sealed so far unverifiable.");
        }

        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes));
        Directory.CreateDirectory(settings.DataDirectory);
        // Created with its final mode: never readable by anyone else, not even for an instant.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(file, options))
        {
            writer.Write(key);
        }

        return key;
    }

    private static bool IsKey(string text)
    {
        Span<byte> bytes = stackalloc byte[KeyBytes * 2];
        return Convert.TryFromBase64String(text, bytes, out var length) && length >= KeyBytes;
    }
}
