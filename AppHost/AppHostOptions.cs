using SpecialistPlatform.Contracts;
using SpecialistPlatform.Provisioning;

namespace SpecialistPlatform.AppHost;

/// <summary>Everything the AppHost can be told, from its command line or environment (see --help).</summary>
public sealed record AppHostOptions
{
    public required string DataDirectory { get; init; }
    public bool Reset { get; init; }
    public int GatewayPort { get; init; } = 8080;
    public int PostgresPort { get; init; } = 55432;
    public int RedisPort { get; init; } = 56379;
    public int RabbitMqPort { get; init; } = 55672;
    public int RabbitMqManagementPort { get; init; } = 55673;
    public string? PostgresConnection { get; init; }
    public string? RedisConnection { get; init; }
    public string? RabbitMqConnection { get; init; }
    public IReadOnlyList<string> Services { get; init; } = ResourceNames.Services.All;
    public string Environment { get; init; } = "Development";
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Root keeps server data where the servers' own users can reach it (/root is 0700); anyone else
    /// keeps it in their own data folder.</summary>
    public static string DefaultDataDirectory() =>
        PosixProcess.IsRoot
            ? "/var/lib/specialist-platform"
            : Path.Combine(
                System.Environment.GetEnvironmentVariable("XDG_DATA_HOME")
                    ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".local", "share"),
                "specialist-platform");
}
