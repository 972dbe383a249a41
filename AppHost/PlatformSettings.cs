using Microsoft.Extensions.Configuration;
using SpecialistPlatform.Contracts;

namespace SpecialistPlatform.AppHost;

/// <summary>
/// What the AppHost can be told, from the section <c>Platform</c> of its configuration: appsettings.json, the
/// environment (<c>Platform__GatewayPort=9090</c>) or the command line (<c>-- --Platform:GatewayPort=9090</c>).
/// Servers given by connection string (<c>ConnectionStrings:platformdb|redis|rabbitmq</c>) replace the private ones.
/// </summary>
public sealed class PlatformSettings
{
    public const string Section = "Platform";

    /// <summary>Server data (and the development key). Root keeps it where the servers' own users can reach it
    /// (/root is 0700); anyone else in their own data folder. <c>SPECIALIST_DATA_DIR</c> also sets it.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>The services' environment name; health endpoints and the development tenant exist only in Development.</summary>
    public string Environment { get; set; } = "Development";

    /// <summary>Ports on 127.0.0.1. 0 lets the orchestrator choose a free one (the tests do).</summary>
    public int GatewayPort { get; set; } = 8080;


    /// <summary>The web console's port (0: the orchestrator chooses one).</summary>
    public int ConsolePort { get; set; } = 8090;

    public int PostgresPort { get; set; } = 55432;
    public int RedisPort { get; set; } = 56379;
    public int RabbitMqPort { get; set; } = 55672;
    public int RabbitMqManagementPort { get; set; } = 55673;

    /// <summary>RabbitMQ's management UI and HTTP API (tests turn it off: the node boots faster).</summary>
    public bool RabbitMqManagement { get; set; } = true;

    /// <summary>How long a message a consumer gave up on stays in its <c>_error</c> or <c>_skipped</c> queue before it
    /// expires: long enough to look at it, not so long that job text outlives the jobs (docs/decisions/0022-broker-users-and-an-intake-virtual-host.md).</summary>
    public TimeSpan ErrorQueueRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Durable servers flush to disk as in production; tests turn it off for speed.</summary>
    public bool DurableServers { get; set; } = true;

    /// <summary>Traces, metrics and logs from the services to the dashboard. Off, the services collect nothing at all
    /// (the load benchmark's figures are taken both ways).</summary>
    public bool Telemetry { get; set; } = true;

    /// <summary>Comma-separated services to run; "none" runs the servers and the schema alone.</summary>
    public string Services { get; set; } = string.Join(',', ResourceNames.Services.All);

    /// <summary>The web console (resource <c>console</c>), which signs users in with an API key and reads everything
    /// through the gateway; it runs only with the gateway.</summary>
    public bool Console { get; set; } = true;

    /// <summary>The development tenant's API key; <c>SPECIALIST_DEV_API_KEY</c> also sets it. Empty: the one kept in
    /// the data folder, or a new one.</summary>
    public string DevApiKey { get; set; } = "";

    /// <summary>Where the workflow and the gateway write signed audit checkpoints; empty: audit-checkpoints in the data
    /// folder. Copy it off the machine: a checkpoint that stays beside the key proves little (docs/decisions/0018).</summary>
    public string AuditCheckpointDirectory { get; set; } = "";

    /// <summary>
    /// The shared public datasets (moderation/, prompt-injection/) the compliance checker trains its first moderation
    /// model from when the registry has none; <c>SPECIALIST_DATASETS</c> also sets it. Empty: the first shared/datasets
    /// above the AppHost's folder, else /work/shared/datasets (where machines of this kind keep it), else none, and
    /// the checker reports on /health what it needs.
    /// </summary>
    public string Datasets { get; set; } = "";

    public bool Runs(string service) =>
        Services.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Contains(service, StringComparer.Ordinal);

    public static PlatformSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<PlatformSettings>() ?? new PlatformSettings();
        if (settings.DataDirectory.Length == 0)
        {
            settings.DataDirectory = configuration["SPECIALIST_DATA_DIR"] is { Length: > 0 } fromEnvironment ? fromEnvironment : DefaultDataDirectory();
        }

        if (settings.DevApiKey.Length == 0 && configuration["SPECIALIST_DEV_API_KEY"] is { Length: > 0 } devKey)
        {
            settings.DevApiKey = devKey;
        }

        if (settings.Datasets.Length == 0)
        {
            settings.Datasets = configuration["SPECIALIST_DATASETS"] is { Length: > 0 } datasets ? datasets : FindSharedDatasets() ?? "";
        }

        settings.DataDirectory = Path.GetFullPath(settings.DataDirectory);
        settings.AuditCheckpointDirectory = Path.GetFullPath(
            settings.AuditCheckpointDirectory.Length > 0 ? settings.AuditCheckpointDirectory : Path.Combine(settings.DataDirectory, "audit-checkpoints"));
        var unknown = settings.Services.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(service => service != "none" && !ResourceNames.Services.All.Contains(service)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Unknown service(s): {string.Join(", ", unknown)}. Platform:Services takes a comma-separated list of " +
                $"{string.Join(", ", ResourceNames.Services.All)}, or none.");
        }

        return settings;
    }

    private static string? FindSharedDatasets()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "datasets");
            if (Directory.Exists(Path.Combine(candidate, "prompt-injection")))
            {
                return candidate;
            }
        }
        return Directory.Exists("/work/shared/datasets/prompt-injection") ? "/work/shared/datasets" : null;
    }

    private static string DefaultDataDirectory() =>
        LocalServers.ServiceUser.IsRoot
            ? "/var/lib/specialist-platform"
            : Path.Combine(
                System.Environment.GetEnvironmentVariable("XDG_DATA_HOME")
                    ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".local", "share"),
                "specialist-platform");
}
