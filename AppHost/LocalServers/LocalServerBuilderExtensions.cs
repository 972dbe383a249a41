using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SpecialistPlatform.AppHost.Supervision;
using SpecialistPlatform.Contracts;

namespace SpecialistPlatform.AppHost.LocalServers;

/// <summary>
/// Postgres, Redis and RabbitMQ as resources of our own: Debian's binaries (installed when missing), each as its own
/// service user when the AppHost runs as root, on 127.0.0.1 only, with a data folder that outlives a restart, a
/// connection string that WithReference injects and a protocol-level health check that WaitFor honours.
/// A port of 0 lets the orchestrator choose a free one and hand it to the server: nothing guesses a free port and
/// hopes it is still free when the server binds it.
/// </summary>
public static class LocalServerBuilderExtensions
{
    public static async Task<IResourceBuilder<PostgresServerResource>> AddLocalPostgresAsync(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, int port, bool durable)
    {
        var bin = await ServerBinaries.RequireAsync("PostgreSQL", ServerBinaries.PostgresBinDirectory, "postgresql", Console.WriteLine, CancellationToken.None);
        var (command, prefix) = ServiceUser.Wrap(Path.Combine(bin, "postgres"), "postgres");
        var server = new PostgresServerResource(name, command, dataDirectory);

        var resource = builder.AddResource(server)
            .WithArgs(prefix)
            .WithServerEndpoint(port)
            .WithArgs(context =>
            {
                context.Args.Add("-D");
                context.Args.Add(server.ClusterDirectory);
                context.Args.Add("-p");
                context.Args.Add(server.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                // The Unix socket lives in the cluster's folder, not /var/run/postgresql, which the machine's own
                // Postgres (if any) owns.
                foreach (var argument in new[] { "-k", server.ClusterDirectory, "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300" })
                {
                    context.Args.Add(argument);
                }

                if (!durable)
                {
                    foreach (var argument in new[] { "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off" })
                    {
                        context.Args.Add(argument);
                    }
                }
            })
            .WithProtocolHealthCheck(builder, (_, cancellationToken) => ServerProbes.PostgresAcceptsLoginAsync(
                $"Host=127.0.0.1;Port={server.PrimaryEndpoint.Port};Username={PostgresServerResource.Owner}", cancellationToken));

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (_, cancellationToken) =>
        {
            await ServiceUser.GiveFolderAsync(server.DataDirectory, server.ServiceUser, cancellationToken);
            if (!File.Exists(Path.Combine(server.ClusterDirectory, "PG_VERSION")))
            {
                await ServiceUser.RunAsync(Path.Combine(bin, "initdb"), server.ServiceUser,
                    ["-D", server.ClusterDirectory, "-U", PostgresServerResource.Owner, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"],
                    cancellationToken);
            }
        });
        return resource;
    }

    /// <summary>The platform's database as the services' restricted role sees it. It shows as running once its server is.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddServiceDatabase(this IResourceBuilder<PostgresServerResource> server, string name)
    {
        var database = new PostgresDatabaseResource(name, server.Resource);
        server.ApplicationBuilder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, async (e, _) =>
        {
            var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
            await notifications.PublishUpdateAsync(database, snapshot => snapshot with { State = KnownResourceStates.Running });
        });
        return server.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "PostgresDatabase",
                State = KnownResourceStates.Waiting,
                Properties = [new(CustomResourceKnownProperties.Source, ResourceNames.DatabaseName)],
            });
    }

    public static async Task<IResourceBuilder<RedisServerResource>> AddLocalRedisAsync(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, int port, bool durable)
    {
        var program = await ServerBinaries.RequireAsync("Redis", ServerBinaries.RedisServer, "redis-server", Console.WriteLine, CancellationToken.None);
        var (command, prefix) = ServiceUser.Wrap(program, "redis");
        var server = new RedisServerResource(name, command, dataDirectory);

        var resource = builder.AddResource(server)
            .WithArgs(prefix)
            .WithServerEndpoint(port)
            .WithArgs(context =>
            {
                context.Args.Add("--port");
                context.Args.Add(server.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                foreach (var argument in new[] { "--bind", "127.0.0.1", "--dir", server.DataDirectory, "--daemonize", "no", "--protected-mode", "yes", "--logfile", "" })
                {
                    context.Args.Add(argument);
                }

                foreach (var argument in durable ? ["--appendonly", "yes", "--save", "300 10"] : new[] { "--appendonly", "no", "--save", "" })
                {
                    context.Args.Add(argument);
                }
            })
            .WithProtocolHealthCheck(builder, (_, cancellationToken) => ServerProbes.RedisAnswersPingAsync(server.PrimaryEndpoint.Port, cancellationToken));

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, (_, cancellationToken) =>
            ServiceUser.GiveFolderAsync(server.DataDirectory, server.ServiceUser, cancellationToken));
        return resource;
    }

    /// <summary>RabbitMQ and its own epmd, which it waits for. With <paramref name="managementPort"/> null the
    /// management plugin stays off (the node boots faster).</summary>
    public static async Task<IResourceBuilder<RabbitMqServerResource>> AddLocalRabbitMqAsync(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, int port, int? managementPort)
    {
        var program = await ServerBinaries.RequireAsync("RabbitMQ", ServerBinaries.RabbitMqServer, "rabbitmq-server", Console.WriteLine, CancellationToken.None);
        var epmdProgram = ServerBinaries.Epmd() ?? throw new InvalidOperationException(
            "RabbitMQ is installed but Erlang's epmd is missing; reinstall with `apt-get install -y --reinstall erlang-base`.");

        var (epmdCommand, epmdPrefix) = ServiceUser.Wrap(epmdProgram, "rabbitmq");
        var epmd = new EpmdResource(ResourceNames.Servers.RabbitMqEpmd, epmdCommand, dataDirectory);
        var epmdResource = builder.AddResource(epmd)
            .WithArgs(epmdPrefix)
            .WithServerEndpoint(0)
            .WithArgs(context =>
            {
                context.Args.Add("-address");
                context.Args.Add("127.0.0.1");
                context.Args.Add("-port");
                context.Args.Add(epmd.Endpoint.Property(EndpointProperty.TargetPort));
            })
            .WithProtocolHealthCheck(builder, (_, cancellationToken) => ServerProbes.AcceptsConnectionsAsync(epmd.Endpoint.Port, cancellationToken));

        var (command, prefix) = ServiceUser.Wrap(program, "rabbitmq");
        var server = new RabbitMqServerResource(name, command, dataDirectory);
        var resource = builder.AddResource(server)
            .WithArgs(prefix)
            .WithServerEndpoint(port)
            .WithEndpoint(RabbitMqServerResource.DistributionEndpointName, endpoint =>
            {
                endpoint.UriScheme = "tcp";
                endpoint.TargetHost = "127.0.0.1";
                endpoint.IsProxied = false;
                endpoint.IsExternal = false;
            })
            .WithEnvironment(context =>
            {
                var folder = server.DataDirectory;
                context.EnvironmentVariables["HOME"] = folder;
                context.EnvironmentVariables["RABBITMQ_NODENAME"] = RabbitMqServerResource.NodeName;
                context.EnvironmentVariables["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
                context.EnvironmentVariables["RABBITMQ_NODE_PORT"] = server.PrimaryEndpoint.Property(EndpointProperty.TargetPort);
                context.EnvironmentVariables["RABBITMQ_DIST_PORT"] = server.GetEndpoint(RabbitMqServerResource.DistributionEndpointName).Property(EndpointProperty.TargetPort);
                context.EnvironmentVariables["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia");
                context.EnvironmentVariables["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log");
                context.EnvironmentVariables["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq");
                context.EnvironmentVariables["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins");
                context.EnvironmentVariables["RABBITMQ_PID_FILE"] = Path.Combine(folder, "beam.pid");
                // The start script then execs the VM, so the pid the orchestrator holds (and signals) is beam's.
                context.EnvironmentVariables["RABBITMQ_ALLOW_INPUT"] = "1";
                // +sbwt none...: Erlang's schedulers busy-wait for work by default, which takes CPU from the services
                // that share the machine's cores with the broker. The management listener's address and port are
                // application settings given as Erlang terms (no spaces: the start script splits this on them).
                // -start_epmd false: the node registers with our epmd resource and never starts a daemonised epmd of its
                // own (one that nobody stops), e.g. if it starts while our epmd is being restarted; it fails instead, and
                // the restarter tries again.
                var erlangArguments = "-noinput +B i +sbwt none +sbwtdcpu none +sbwtdio none -start_epmd false -kernel inet_dist_use_interface {127,0,0,1}";
                context.EnvironmentVariables["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = managementPort is null
                    ? erlangArguments
                    : ReferenceExpression.Create(
                        $"{erlangArguments} -rabbitmq_management tcp_config [{{ip,\"127.0.0.1\"}},{{port,{server.GetEndpoint(RabbitMqServerResource.ManagementEndpointName).Property(EndpointProperty.TargetPort)}}}]");
                context.EnvironmentVariables["ERL_EPMD_ADDRESS"] = "127.0.0.1";
                context.EnvironmentVariables["ERL_EPMD_PORT"] = epmd.Endpoint.Property(EndpointProperty.Port);
            })
            .WaitFor(epmdResource)
            .WithProtocolHealthCheck(builder, (_, cancellationToken) => ServerProbes.RabbitMqAnswersAmqpAsync(server.PrimaryEndpoint.Port, cancellationToken));
        if (managementPort is { } management)
        {
            resource.WithHttpEndpoint(port: management == 0 ? null : management, name: RabbitMqServerResource.ManagementEndpointName, isProxied: false);
        }

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (_, cancellationToken) =>
        {
            Directory.CreateDirectory(Path.Combine(server.DataDirectory, "mnesia"));
            Directory.CreateDirectory(Path.Combine(server.DataDirectory, "log"));
            await File.WriteAllLinesAsync(Path.Combine(server.DataDirectory, "rabbitmq.conf"),
                ["loopback_users.guest = true", "log.console = true", "log.console.level = warning", "log.file = false"], cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(server.DataDirectory, "enabled_plugins"),
                managementPort is null ? "[].\n" : "[rabbitmq_management].\n", cancellationToken);
            await ServiceUser.GiveFolderAsync(server.DataDirectory, server.ServiceUser, cancellationToken);
        });
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(epmd, (_, cancellationToken) =>
            ServiceUser.GiveFolderAsync(server.DataDirectory, server.ServiceUser, cancellationToken));
        return resource;
    }

    /// <summary>The server's one client endpoint on 127.0.0.1, not proxied (the server binds it itself). Port 0: the
    /// orchestrator allocates one and passes it to the server through its arguments. A server that dies is restarted.</summary>
    private static IResourceBuilder<T> WithServerEndpoint<T>(this IResourceBuilder<T> resource, int port) where T : IResourceWithEndpoints =>
        resource.WithAnnotation(new RestartOnCrashAnnotation()).WithEndpoint(LocalServerResource.PrimaryEndpointName, endpoint =>
        {
            endpoint.UriScheme = "tcp";
            endpoint.Port = port == 0 ? null : port;
            endpoint.TargetPort = port == 0 ? null : port;
            endpoint.TargetHost = "127.0.0.1";
            endpoint.IsProxied = false;
            endpoint.IsExternal = false;
        });

    private static IResourceBuilder<T> WithProtocolHealthCheck<T>(this IResourceBuilder<T> resource, IDistributedApplicationBuilder builder,
        Func<T, CancellationToken, Task<bool>> probe) where T : IResourceWithEndpoints
    {
        var key = $"{resource.Resource.Name}-answers";
        builder.Services.AddHealthChecks().AddAsyncCheck(key, async cancellationToken =>
        {
            if (!resource.Resource.GetEndpoints().All(endpoint => endpoint.IsAllocated))
            {
                return HealthCheckResult.Unhealthy("not started");
            }

            return await probe(resource.Resource, cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("does not answer its protocol yet");
        });
        return resource.WithHealthCheck(key);
    }
}
