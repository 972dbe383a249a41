using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SpecialistPlatform.Jobs.Audit;

/// <summary>The checkpoints a tenant's folder holds: those signed with our key, and how many files were not.</summary>
public sealed record StoredCheckpoints(IReadOnlyList<AuditCheckpoint> Valid, int Rejected)
{
    public AuditCheckpoint? Newest => Valid.MaxBy(c => (c.Sequence, c.CreatedAt));
}

/// <summary>
/// Checkpoint files, one folder per tenant under <see cref="AuditChainOptions.CheckpointDirectory"/>. Append-only:
/// a file is created once (never overwritten) and readable by the platform's user alone, so the folder can be
/// copied off the machine as it grows (rsync, object storage with retention).
/// </summary>
public sealed class AuditCheckpointStore(IOptions<AuditChainOptions> options, AuditChain chain)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task WriteAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var folder = TenantFolder(checkpoint.TenantId);
        Directory.CreateDirectory(folder);
        // Sequence first so a listing sorts by chain position; the time keeps two checkpoints of one head apart.
        var path = Path.Combine(folder, $"{checkpoint.Sequence:D20}-{checkpoint.CreatedAt.UtcDateTime:yyyyMMdd'T'HHmmssffffff}Z.json");
        // Written under a name readers skip, then moved into place: a reader never sees half a checkpoint.
        var partial = Path.Combine(folder, $".{Guid.NewGuid():N}.partial");
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(partial, file))
        {
            await JsonSerializer.SerializeAsync(stream, checkpoint, Json, cancellationToken);
            await stream.FlushAsync(cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        // Never over an existing checkpoint: the folder only grows.
        File.Move(partial, path, overwrite: false);
    }

    public StoredCheckpoints Read(string tenantId)
    {
        var folder = TenantFolder(tenantId);
        if (!Directory.Exists(folder))
        {
            return new StoredCheckpoints([], 0);
        }

        var valid = new List<AuditCheckpoint>();
        var rejected = 0;
        foreach (var path in Directory.EnumerateFiles(folder, "*.json"))
        {
            var checkpoint = TryRead(path);
            if (checkpoint is not null && checkpoint.TenantId == tenantId && checkpoint.IsSignedBy(chain))
            {
                valid.Add(checkpoint);
            }
            else
            {
                rejected++;
            }
        }

        return new StoredCheckpoints(valid, rejected);
    }

    /// <summary>Hex of the tenant id: any id is a safe, distinct folder name (no "..", no separators).</summary>
    private string TenantFolder(string tenantId) =>
        Path.Combine(options.Value.CheckpointDirectory, Convert.ToHexStringLower(Encoding.UTF8.GetBytes(tenantId)));

    private static AuditCheckpoint? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<AuditCheckpoint>(File.ReadAllBytes(path), Json);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
