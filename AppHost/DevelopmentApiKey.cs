using System.Security.Cryptography;

namespace SpecialistPlatform.AppHost;

/// <summary>
/// The development tenant's key: the one given (SPECIALIST_DEV_API_KEY), else the one kept in the data folder (mode
/// 0600) from an earlier start, else a new one. The AppHost only chooses it and prints it; the migrations resource
/// stores its hash and revokes any earlier dev key.
/// </summary>
public static class DevelopmentApiKey
{
    public const string FileName = "dev-api-key";

    public static string Choose(PlatformSettings settings)
    {
        var file = Path.Combine(settings.DataDirectory, FileName);
        var key = settings.DevApiKey.Length > 0 ? settings.DevApiKey
            : File.Exists(file) ? File.ReadAllText(file).Trim()
            : "sp_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        // Kept for the CLI and scripts, readable by the AppHost's user alone.
        Directory.CreateDirectory(settings.DataDirectory);
        OwnerOnlyFile.Write(file, key);
        return key;
    }
}
