using System.Text.Json;

namespace SpecialistPlatform.Cli.Platform;

/// <summary>
/// Where a locally running platform is: the AppHost writes its resource table to apphost-state.json and the dev
/// tenant's key to dev-api-key in its data folder, so commands that talk to the platform need no flags by default.
/// </summary>
internal sealed class AppHostState(string dataDirectory)
{
    public const string DataDirectoryVariable = "SPECIALIST_DATA_DIR";

    private JsonElement? _state;

    /// <summary>The AppHost's own default: /var/lib as root (the servers' users cannot reach /root), else the user's data folder.</summary>
    public static string DefaultDataDirectory() =>
        Environment.GetEnvironmentVariable(DataDirectoryVariable) ?? (Environment.UserName == "root"
            ? "/var/lib/specialist-platform"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "specialist-platform"));

    public string ServiceUrl(string name) => Resource("services", name, "url");

    public string ServerConnectionString(string name) => Resource("servers", name, "connectionString");

    /// <summary>The pids of every server and service the AppHost started, by resource name; empty when it has not
    /// written its state (a platform started some other way).</summary>
    public IReadOnlyDictionary<string, int[]> ProcessIds()
    {
        if (!File.Exists(Path.Combine(dataDirectory, "apphost-state.json")))
        {
            return new Dictionary<string, int[]>();
        }

        var state = _state ??= Read();
        var pids = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var server in state.GetProperty("servers").EnumerateArray())
        {
            pids[server.GetProperty("name").GetString()!] = [.. server.GetProperty("pids").EnumerateArray().Select(p => p.GetInt32())];
        }

        foreach (var service in state.GetProperty("services").EnumerateArray())
        {
            pids[service.GetProperty("name").GetString()!] = service.GetProperty("pid").ValueKind == JsonValueKind.Number ? [service.GetProperty("pid").GetInt32()] : [];
        }

        return pids;
    }

    public string DevApiKey()
    {
        var file = Path.Combine(dataDirectory, "dev-api-key");
        return File.Exists(file)
            ? File.ReadAllText(file).Trim()
            : throw new UsageException($"No API key: pass --api-key, set SPECIALIST_DEV_API_KEY, or start the AppHost (it writes {file}).");
    }

    private string Resource(string group, string name, string property)
    {
        var state = _state ??= Read();
        return state.GetProperty(group).EnumerateArray().FirstOrDefault(r => r.GetProperty("name").GetString() == name) is { ValueKind: JsonValueKind.Object } resource
            ? resource.GetProperty(property).GetString()!
            : throw new UsageException($"The AppHost state names no {name}; is the platform running with it?");
    }

    private JsonElement Read()
    {
        var file = Path.Combine(dataDirectory, "apphost-state.json");
        if (!File.Exists(file))
        {
            throw new UsageException($"{file} does not exist: start the platform (dotnet run --project AppHost), or say where it is with the command's options.");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.Clone();
    }
}
