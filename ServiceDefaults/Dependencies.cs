using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SpecialistPlatform.Contracts;
using StackExchange.Redis;

namespace SpecialistPlatform.ServiceDefaults;

/// <summary>
/// Connections to the platform's servers, each read from <c>ConnectionStrings:&lt;name&gt;</c> (environment
/// <c>ConnectionStrings__&lt;name&gt;</c>), validated when the service starts, and reported by /health.
/// </summary>
public static class Dependencies
{
    /// <summary>
    /// The service's <see cref="NpgsqlDataSource"/> (a singleton, built at first use) through Aspire's Npgsql client
    /// integration, with the check <c>postgres</c> on /health.
    /// </summary>
    public static void AddPostgres(this IHostApplicationBuilder builder,
        string connectionName = ResourceNames.ConnectionStrings.PlatformDatabase)
    {
        // Aspire's own check of the setting comes only when the data source is first resolved; this one stops the
        // service at start with the variable to set.
        builder.RequireConnectionString(connectionName, value => _ = new NpgsqlConnectionStringBuilder(value));
        var telemetry = builder.IsTelemetryExported();
        builder.AddNpgsqlDataSource(connectionName,
            settings =>
            {
                // Our own check below, under the name /health has always reported and tagged for readiness.
                settings.DisableHealthChecks = true;
                settings.DisableTracing = !telemetry;
                settings.DisableMetrics = !telemetry;
            },
            dataSource =>
            {
                dataSource.Name = builder.Environment.ApplicationName;
                // A pooled connection is otherwise reset with DISCARD ALL each time it goes back (7 round trips per
                // job, and the reset drops prepared statements). No service keeps session state (no SET, LISTEN or
                // session locks), so the reset buys nothing; kept prepared, each hot statement is parsed and planned
                // once per connection.
                dataSource.ConnectionStringBuilder.NoResetOnClose = true;
                if (dataSource.ConnectionStringBuilder.MaxAutoPrepare == 0)
                {
                    dataSource.ConnectionStringBuilder.MaxAutoPrepare = 32;
                }
            });
        builder.Services.AddHealthChecks().AddNpgSql(
            provider => provider.GetRequiredService<NpgsqlDataSource>(),
            name: ResourceNames.Servers.Postgres, tags: [Extensions.ReadyTag]);
    }

    /// <summary>
    /// The service's <see cref="IConnectionMultiplexer"/> through Aspire's StackExchange.Redis client integration,
    /// with the check <c>redis</c> on /health.
    /// </summary>
    public static void AddRedis(this IHostApplicationBuilder builder, string connectionName = ResourceNames.ConnectionStrings.Redis)
    {
        builder.RequireConnectionString(connectionName, value => ConfigurationOptions.Parse(value));
        var telemetry = builder.IsTelemetryExported();
        builder.AddRedisClient(connectionName,
            settings =>
            {
                settings.DisableHealthChecks = true;
                settings.DisableTracing = !telemetry;
            },
            options =>
            {
                // Start even while Redis is away; /health says so, and the multiplexer reconnects by itself.
                options.AbortOnConnectFail = false;
                options.ClientName = builder.Environment.ApplicationName;
            });
        builder.Services.AddHealthChecks().AddRedis(
            provider => provider.GetRequiredService<IConnectionMultiplexer>(),
            name: ResourceNames.Servers.Redis, tags: [Extensions.ReadyTag]);
    }

    /// <summary>MassTransit over RabbitMQ. MassTransit registers its own bus health check (tag "ready").</summary>
    public static void AddMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? configure = null,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureBus = null,
        string connectionName = ResourceNames.ConnectionStrings.RabbitMq)
    {
        var connectionString = builder.RequireConnectionString(connectionName, ValidateAmqpUri);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            // MassTransit would otherwise report usage to its vendor over the internet from every service: nothing
            // leaves the platform that is not the frontier call an auditor can see.
            bus.DisableUsageTelemetry();
            configure?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(connectionString));
                // MassTransit's default is twice the core count (4 here): a step that awaits the broker's confirm or
                // Postgres would leave the cores idle with only four jobs in hand per queue.
                rabbit.PrefetchCount = 32;
                configureBus?.Invoke(context, rabbit);
                rabbit.ConfigureEndpoints(context);
            });
        });
    }

    /// <summary>The setting's value, or a start-up failure that names the setting and its environment variable.</summary>
    public static string RequireConnectionString(this IHostApplicationBuilder builder, string name, Action<string>? validate = null)
    {
        var value = builder.Configuration.GetConnectionString(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"Setting 'ConnectionStrings:{name}' is missing. Set the environment variable ConnectionStrings__{name} " +
                "(the AppHost does this for every service it starts).");
        }

        try
        {
            validate?.Invoke(value);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Setting 'ConnectionStrings:{name}' is not valid: {e.Message}", e);
        }

        return value;
    }

    private static void ValidateAmqpUri(string value)
    {
        var uri = new Uri(value, UriKind.Absolute);
        if (uri.Scheme is not ("amqp" or "amqps" or "rabbitmq" or "rabbitmqs"))
        {
            throw new FormatException($"expected an amqp:// URI, got scheme '{uri.Scheme}'");
        }
    }
}
