namespace SpecialistPlatform.MachineLearning.Artifacts;

/// <summary>
/// Default models trained at a first start are cached on the machine, one folder per recipe. A folder is written in
/// private and moved into place whole, so a process reading the cache never sees half a model, and two processes
/// training the same recipe at once both succeed.
/// </summary>
public static class ModelCache
{
    /// <summary>How long a recipe nobody trained again stays: each change to a model's code or data is a new recipe, and
    /// a default moderation model is 20 MB.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(7);

    /// <summary>The file a one-file recipe's artifact is cached in (<see cref="ReadOrTrain{T}"/>).</summary>
    public const string ArtifactFile = "model.bin";

    /// <summary>The cache root of one kind of default model: the configured folder, else the folder the environment
    /// variable names, else <c>specialist/&lt;kind&gt;</c> in the user's local data folder.</summary>
    public static string Root(string? configured, string environmentVariable, string kind) =>
        !string.IsNullOrWhiteSpace(configured) ? configured
        : Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "specialist", kind);

    /// <summary>
    /// A recipe's folder name: the SHA-256 of every data file's name and content, the training settings, and the
    /// trainer's code (the deterministic build's module id), so a change to any of them trains again rather than
    /// serving a stale model.
    /// </summary>
    public static string RecipeKey(IEnumerable<string> dataFiles, string settings, Type trainer)
    {
        var recipe = new System.Text.StringBuilder();
        foreach (var file in dataFiles)
        {
            using var stream = File.OpenRead(file);
            recipe.Append(Path.GetFileName(file)).Append('=').Append(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream))).Append('\n');
        }
        recipe.Append(settings).Append('\n');
        recipe.Append(trainer.Assembly.ManifestModule.ModuleVersionId);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(recipe.ToString())))[..16];
    }

    /// <summary>
    /// The model of a recipe whose artifact is one file: read from <c>model.bin</c> in <paramref name="directory"/> when
    /// it is there and reads back whole, else trained and published there. A damaged file is reported to
    /// <paramref name="onUnusable"/> and rebuilt, not trusted (the checksum inside the file caught it).
    /// </summary>
    public static (byte[] Artifact, T Model, bool FromCache) ReadOrTrain<T>(string directory, Func<byte[], T> read,
        Func<(byte[] Artifact, T Model)> train, Action<ModelFormatException> onUnusable)
    {
        var cached = Path.Combine(directory, ArtifactFile);
        if (File.Exists(cached))
        {
            try
            {
                var bytes = File.ReadAllBytes(cached);
                return (bytes, read(bytes), true);
            }
            catch (ModelFormatException e)
            {
                onUnusable(e);
            }
        }

        var (artifact, model) = train();
        Publish(directory, temp => File.WriteAllBytes(Path.Combine(temp, ArtifactFile), artifact));
        return (artifact, model, false);
    }

    /// <summary>Calls <paramref name="write"/> with a private folder, then puts that folder at <paramref name="directory"/>,
    /// and removes the other recipes' folders beside it that were last written more than <see cref="StaleAfter"/> ago.</summary>
    public static void Publish(string directory, Action<string> write)
    {
        var temp = directory + ".tmp-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(temp);
        write(temp);
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
            Directory.Move(temp, directory);
        }
        catch (IOException)
        {
            // Another process put the same recipe's model there first: ours is identical, so keep theirs.
            Directory.Delete(temp, recursive: true);
        }

        PruneStale(directory);
    }

    private static void PruneStale(string kept)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(kept));
        if (parent is null)
        {
            return;
        }

        foreach (var other in new DirectoryInfo(parent).EnumerateDirectories())
        {
            if (other.FullName != Path.GetFullPath(kept) && DateTime.UtcNow - other.LastWriteTimeUtc > StaleAfter)
            {
                try
                {
                    other.Delete(recursive: true);
                }
                catch (IOException)
                {
                    // In use or already gone: the next publish tries again.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }
    }
}
