using System.Security.Cryptography;

namespace SpecialistPlatform.AppHost;

/// <summary>
/// Files that hold a secret (a password, a key, connection strings with passwords): created mode 0600, never
/// created readable and narrowed afterwards, which would leave a moment in which another local user could open them.
/// </summary>
public static class OwnerOnlyFile
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> through a new file renamed into place,
    /// so a reader never sees half a file.</summary>
    public static async Task WriteAsync(string path, string text, CancellationToken cancellationToken = default)
    {
        var temporary = path + ".tmp";
        File.Delete(temporary);
        await using (var stream = new FileStream(temporary, Create()))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(text.AsMemory(), cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public static void Write(string path, string text)
    {
        var temporary = path + ".tmp";
        File.Delete(temporary);
        using (var stream = new FileStream(temporary, Create()))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The secret kept in <paramref name="path"/> from an earlier start, else a new random one kept there:
    /// a data folder keeps its passwords, which its servers' data already depends on.</summary>
    public static (string Secret, bool Created) KeepGenerated(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } kept)
        {
            if (!OperatingSystem.IsWindows())
            {
                // Files from before this rule (or copied in) are narrowed too.
                File.SetUnixFileMode(path, OwnerReadWrite);
            }

            return (kept, false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // URL-safe base64: nothing that needs quoting in a connection string, a config file or a SQL literal.
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Write(path, secret);
        return (secret, true);
    }

    private static FileStreamOptions Create()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerReadWrite;
        }

        return options;
    }
}
