using System.CommandLine;
using SpecialistPlatform.Contracts;

namespace SpecialistPlatform.AppHost;

/// <summary>The AppHost's options. Each has an environment variable too, so CI and scripts need no flags.</summary>
public static class CommandLine
{
    public static RootCommand Create(Func<AppHostOptions, CancellationToken, Task<int>> run)
    {
        var dataDir = new Option<string>("--data-dir")
        {
            Description = "Folder for the servers' data; kept between runs. Env SPECIALIST_DATA_DIR. " +
                          "Default: /var/lib/specialist-platform as root, else ~/.local/share/specialist-platform.",
            DefaultValueFactory = _ => Env("SPECIALIST_DATA_DIR") ?? AppHostOptions.DefaultDataDirectory(),
        };
        var reset = new Option<bool>("--reset") { Description = "Stop anything left running, delete the data folder and start from scratch." };
        var gatewayPort = Port("--gateway-port", "SPECIALIST_GATEWAY_PORT", 8080, "Gateway HTTP port on 127.0.0.1.");
        var postgresPort = Port("--postgres-port", "SPECIALIST_POSTGRES_PORT", 55432, "Port of the private Postgres (0: any free port).");
        var redisPort = Port("--redis-port", "SPECIALIST_REDIS_PORT", 56379, "Port of the private Redis (0: any free port).");
        var rabbitPort = Port("--rabbitmq-port", "SPECIALIST_RABBITMQ_PORT", 55672, "AMQP port of the private RabbitMQ (0: any free port).");
        var managementPort = Port("--rabbitmq-management-port", "SPECIALIST_RABBITMQ_MANAGEMENT_PORT", 55673,
            "RabbitMQ management UI port (0: leave the plugin off).");
        var postgres = External("--postgres", ResourceNames.ConnectionStrings.PlatformDatabase, "an existing Postgres (Npgsql connection string)");
        var redis = External("--redis", ResourceNames.ConnectionStrings.Redis, "an existing Redis (host:port[,options])");
        var rabbit = External("--rabbitmq", ResourceNames.ConnectionStrings.RabbitMq, "an existing RabbitMQ (amqp://user:pass@host:port/vhost)");
        var services = new Option<string>("--services")
        {
            Description = $"Comma-separated services to run, or 'none' for the servers alone. Env SPECIALIST_SERVICES. " +
                          $"Default: all ({string.Join(", ", ResourceNames.Services.All)}).",
            DefaultValueFactory = _ => Env("SPECIALIST_SERVICES") ?? string.Join(',', ResourceNames.Services.All),
        };
        var environment = new Option<string>("--environment")
        {
            Description = "ASPNETCORE_ENVIRONMENT given to the services.",
            DefaultValueFactory = _ => "Development",
        };
        var timeout = new Option<int>("--start-timeout")
        {
            Description = "Seconds to wait for each server and service to become healthy.",
            DefaultValueFactory = _ => 120,
        };

        var root = new RootCommand(
            "Runs the Specialist Platform locally: private Postgres, Redis and RabbitMQ on 127.0.0.1 (installed from " +
            "Debian's packages when missing and running as root), the database schema, and every service, with their " +
            "logs and health. Ctrl+C stops everything it started and keeps the data.")
        {
            dataDir, reset, gatewayPort, postgresPort, redisPort, rabbitPort, managementPort, postgres, redis, rabbit, services, environment, timeout,
        };

        root.SetAction((result, cancellationToken) =>
        {
            var selected = result.GetValue(services)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = selected.Where(name => name != "none" && !ResourceNames.Services.All.Contains(name)).ToList();
            if (unknown.Count > 0)
            {
                Console.Error.WriteLine($"Unknown service(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", ResourceNames.Services.All)}.");
                return Task.FromResult(2);
            }

            return run(new AppHostOptions
            {
                DataDirectory = Path.GetFullPath(result.GetValue(dataDir)!),
                Reset = result.GetValue(reset),
                GatewayPort = result.GetValue(gatewayPort),
                PostgresPort = result.GetValue(postgresPort),
                RedisPort = result.GetValue(redisPort),
                RabbitMqPort = result.GetValue(rabbitPort),
                RabbitMqManagementPort = result.GetValue(managementPort),
                PostgresConnection = result.GetValue(postgres),
                RedisConnection = result.GetValue(redis),
                RabbitMqConnection = result.GetValue(rabbit),
                Services = [.. selected.Where(name => name != "none")],
                Environment = result.GetValue(environment)!,
                StartTimeout = TimeSpan.FromSeconds(result.GetValue(timeout)),
            }, cancellationToken);
        });
        return root;
    }

    private static Option<int> Port(string name, string variable, int fallback, string description) => new(name)
    {
        Description = $"{description} Env {variable}.",
        DefaultValueFactory = _ => int.TryParse(Env(variable), out var port) ? port : fallback,
    };

    private static Option<string?> External(string name, string connectionName, string what) => new(name)
    {
        Description = $"Use {what} instead of starting one. Env ConnectionStrings__{connectionName}.",
        DefaultValueFactory = _ => Env($"ConnectionStrings__{connectionName}"),
    };

    private static string? Env(string name) =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
