using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SpecialistPlatform.AppHost.Supervision;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Intake;
using SpecialistPlatform.Contracts.Security;

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
    /// <summary>Postgres with SCRAM-SHA-256 for every connection. The owner's and the services' passwords are generated
    /// once and kept in <paramref name="secretsDirectory"/> (mode 0600); a cluster from before passwords (trust) gets
    /// the owner's password and the new pg_hba.conf before it starts.</summary>
    public static async Task<IResourceBuilder<PostgresServerResource>> AddLocalPostgresAsync(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, string secretsDirectory, int port, bool durable)
    {
        var bin = await ServerBinaries.RequireAsync("PostgreSQL", ServerBinaries.PostgresBinDirectory, "postgresql", Console.WriteLine, CancellationToken.None);
        var (ownerPassword, ownerPasswordIsNew) = OwnerOnlyFile.KeepGenerated(Path.Combine(secretsDirectory, PostgresOwnerPasswordFile));
        var (servicePassword, _) = OwnerOnlyFile.KeepGenerated(Path.Combine(secretsDirectory, PostgresServicePasswordFile));
        var (command, prefix) = ServiceUser.Wrap(Path.Combine(bin, "postgres"), "postgres", dataDirectory);
        var server = new PostgresServerResource(name, command, dataDirectory,
            builder.AddParameter($"{name}-owner-password", ownerPassword, secret: true).Resource,
            builder.AddParameter($"{name}-service-password", servicePassword, secret: true).Resource);

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
                $"Host=127.0.0.1;Port={server.PrimaryEndpoint.Port};Username={PostgresServerResource.Owner};Password={ownerPassword}", cancellationToken));

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (_, cancellationToken) =>
        {
            await ServiceUser.GiveFolderAsync(server.DataDirectory, server.ServiceUser, cancellationToken);
            var hbaFile = Path.Combine(server.ClusterDirectory, "pg_hba.conf");
            if (!File.Exists(Path.Combine(server.ClusterDirectory, "PG_VERSION")))
            {
                // initdb reads the owner's password from a file (never its command line), the postgres user's for a moment.
                var passwordFile = Path.Combine(server.DataDirectory, "initdb-password");
                try
                {
                    OwnerOnlyFile.Write(passwordFile, ownerPassword);
                    await ServiceUser.GiveFolderAsync(server.DataDirectory, server.ServiceUser, cancellationToken);
                    await ServiceUser.RunAsync(Path.Combine(bin, "initdb"), server.ServiceUser, server.DataDirectory,
                        ["-D", server.ClusterDirectory, "-U", PostgresServerResource.Owner, "--auth=scram-sha-256", $"--pwfile={passwordFile}",
                            "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"],
                        cancellationToken);
                }
                finally
                {
                    File.Delete(passwordFile);
                }
            }
            else if (!File.Exists(hbaFile) || await File.ReadAllTextAsync(hbaFile, cancellationToken) != PasswordOnlyHba || ownerPasswordIsNew)
            {
                // A cluster initialised with trust (data from before passwords), or whose password file was lost: the
                // owner gets the kept password in single-user mode, before the server accepts any connection.
                await SetOwnerPasswordAsync(bin, server, ownerPassword, cancellationToken);
            }

            OwnerOnlyFile.Write(hbaFile, PasswordOnlyHba);
            await ServiceUser.GiveFolderAsync(server.ClusterDirectory, server.ServiceUser, cancellationToken);
        });
        return resource;
    }

    public const string PostgresOwnerPasswordFile = "postgres-owner-password";
    public const string PostgresServicePasswordFile = "postgres-service-password";
    public const string RedisPasswordFile = "redis-password";

    /// <summary>Who may connect how: everyone proves a password, over TCP and the Unix socket alike (root included,
    /// who could otherwise reach the socket). Written on every start, so a cluster from before passwords is converted.</summary>
    private const string PasswordOnlyHba = """
        # Written by the AppHost on every start (docs/decisions/0019-passwords-and-least-privilege-for-the-servers.md):
        # every connection proves its role's password with SCRAM-SHA-256; nothing is trusted.
        # TYPE  DATABASE  USER  ADDRESS       METHOD
        local   all       all                 scram-sha-256
        host    all       all   127.0.0.1/32  scram-sha-256
        host    all       all   ::1/128       scram-sha-256

        """;

    private static async Task SetOwnerPasswordAsync(string bin, PostgresServerResource server, string password, CancellationToken cancellationToken)
    {
        // The verifier, not the password: single-user mode echoes a failing statement to its log.
        var output = await ServiceUser.RunAsync(Path.Combine(bin, "postgres"), server.ServiceUser, server.DataDirectory,
            ["--single", "-D", server.ClusterDirectory, "postgres"], cancellationToken,
            standardInput: $"ALTER ROLE {PostgresServerResource.Owner} PASSWORD '{PostgresScramVerifier.For(password)}';\n");
        // Single-user mode exits with 0 even when the statement failed.
        if (output.Contains("ERROR:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Could not give the Postgres owner its password: {output}");
        }
    }

    /// <summary>The platform's database as the services' restricted role sees it. It shows as running once its server is.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddServiceDatabase(this IResourceBuilder<PostgresServerResource> server, string name)
    {
        return server.AddRunningWithServer(new PostgresDatabaseResource(name, server.Resource), "PostgresDatabase", ResourceNames.DatabaseName);
    }

    /// <summary>A connection resource of <paramref name="server"/> (a database, a user): no process of its own, so the
    /// dashboard shows it waiting until its server is ready and running from then on.</summary>
    private static IResourceBuilder<TChild> AddRunningWithServer<TChild>(this IResourceBuilder<LocalServerResource> server, TChild child,
        string resourceType, string source) where TChild : IResource
    {
        server.ApplicationBuilder.Eventing.Subscribe<ResourceReadyEvent>(server.Resource, async (e, _) =>
        {
            var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
            await notifications.PublishUpdateAsync(child, snapshot => snapshot with { State = KnownResourceStates.Running });
        });
        return server.ApplicationBuilder.AddResource(child)
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = resourceType,
                State = KnownResourceStates.Waiting,
                Properties = [new(CustomResourceKnownProperties.Source, source)],
            });
    }

    /// <summary>Redis that answers nothing before AUTH with a password generated once and kept in
    /// <paramref name="secretsDirectory"/> (mode 0600).</summary>
    public static async Task<IResourceBuilder<RedisServerResource>> AddLocalRedisAsync(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, string secretsDirectory, int port, bool durable)
    {
        var program = await ServerBinaries.RequireAsync("Redis", ServerBinaries.RedisServer, "redis-server", Console.WriteLine, CancellationToken.None);
        var (password, _) = OwnerOnlyFile.KeepGenerated(Path.Combine(secretsDirectory, RedisPasswordFile));
        var (command, prefix) = ServiceUser.Wrap(program, "redis", dataDirectory);
        var server = new RedisServerResource(name, command, dataDirectory, builder.AddParameter($"{name}-password", password, secret: true).Resource);

        var resource = builder.AddResource(server)
            .WithArgs(prefix)
            .WithServerEndpoint(port)
            .WithArgs(context =>
            {
                // The config file first (redis-server's rule): it holds the password, which the command line must not.
                context.Args.Add(server.ConfigFile);
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
            .WithProtocolHealthCheck(builder, (_, cancellationToken) => ServerProbes.RedisAnswersPingAsync(server.PrimaryEndpoint.Port, password, cancellationToken));

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (_, cancellationToken) =>
        {
            Directory.CreateDirectory(server.DataDirectory);
            // Quoted: Redis reads the rest of the line as the value, and a generated password needs no escaping.
            // set-proc-title no: Redis would write its title over the memory that holds its environment, and
            // /proc/<pid>/environ is where anyone checks what a process was started with (ServerAccessTests does).
            OwnerOnlyFile.Write(server.ConfigFile,
                $"# Written by the AppHost on every start; the password is also in {RedisPasswordFile} beside the data folders.\n" +
                $"requirepass \"{password}\"\nset-proc-title no\n");
            await ServiceUser.GiveFolderAsync(server.DataDirectory, server.ServiceUser, cancellationToken);
        });
        return resource;
    }

    public const string RabbitMqOperatorPasswordFile = "rabbitmq-operator-password";
    public const string RabbitMqServiceSecretFile = "rabbitmq-service-secret";

    /// <summary>RabbitMQ and its own epmd, which it waits for. With <paramref name="managementPort"/> null the
    /// management plugin stays off (the node boots faster). Its users, virtual hosts and permissions come from a
    /// definitions file written before every start (<see cref="RabbitMqDefinitions"/>); the operator's password and the
    /// secret the services' passwords derive from are kept in <paramref name="secretsDirectory"/> (mode 0600).</summary>
    public static async Task<IResourceBuilder<RabbitMqServerResource>> AddLocalRabbitMqAsync(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, string secretsDirectory, int port, int? managementPort,
        TimeSpan errorQueueRetention)
    {
        var program = await ServerBinaries.RequireAsync("RabbitMQ", ServerBinaries.RabbitMqServer, "rabbitmq-server", Console.WriteLine, CancellationToken.None);
        var epmdProgram = ServerBinaries.Epmd() ?? throw new InvalidOperationException(
            "RabbitMQ is installed but Erlang's epmd is missing; reinstall with `apt-get install -y --reinstall erlang-base`.");
        var (operatorPassword, _) = OwnerOnlyFile.KeepGenerated(Path.Combine(secretsDirectory, RabbitMqOperatorPasswordFile));
        var (serviceSecret, _) = OwnerOnlyFile.KeepGenerated(Path.Combine(secretsDirectory, RabbitMqServiceSecretFile));

        var (epmdCommand, epmdPrefix) = ServiceUser.Wrap(epmdProgram, "rabbitmq", dataDirectory);
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

        var server = new RabbitMqServerResource(name, ServiceUser.Wrap(program, "rabbitmq", dataDirectory).Command, dataDirectory,
            builder.AddParameter($"{name}-operator-password", operatorPassword, secret: true).Resource, serviceSecret);
        var folder = server.DataDirectory;
        var resource = builder.AddResource(server)
            .WithArgs(context =>
            {
                // Built when the node starts: RABBITMQ_NODE_PORT and the others reference endpoints the orchestrator
                // allocates later, and the gateway that authenticates outside clients is added after the node.
                var (_, prefix) = ServiceUser.Wrap(program, "rabbitmq", folder, RabbitMqVariables(server, epmd, managementPort));
                foreach (var argument in prefix)
                {
                    context.Args.Add(argument);
                }
            })
            .WithServerEndpoint(port)
            .WithEndpoint(RabbitMqServerResource.DistributionEndpointName, endpoint =>
            {
                endpoint.UriScheme = "tcp";
                endpoint.TargetHost = "127.0.0.1";
                endpoint.IsProxied = false;
                endpoint.IsExternal = false;
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
            var users = server.Users.GroupBy(user => user.User)
                .Select(user => new RabbitMqDefinitions.User(user.Key, RabbitMqDefinitions.ServicePassword(serviceSecret, user.Key), "",
                    [.. user.Select(u => u.VirtualHost).Distinct()]))
                .Concat(server.ManagementUsers.Select(user =>
                    new RabbitMqDefinitions.User(user.User, RabbitMqDefinitions.ServicePassword(serviceSecret, user.User), "administrator", [])))
                .Prepend(new RabbitMqDefinitions.User(RabbitMqServerResource.Operator, operatorPassword, "administrator",
                    [RabbitMqServerResource.InternalVirtualHost, RabbitMqServerResource.IntakeVirtualHost]));
            await OwnerOnlyFile.WriteAsync(server.DefinitionsFile, RabbitMqDefinitions.Create(users, errorQueueRetention), cancellationToken);
            // Internal users first (the services and the operator), then the gateway for everyone else: a user that
            // logs in through a backend is authorised by the same backend.
            string[] authentication = server.BrokerAuthEndpoint is null
                ? ["auth_backends.1 = internal"]
                : ["auth_backends.1 = internal", "auth_backends.2 = http", "auth_http.http_method = post"];
            await File.WriteAllLinesAsync(Path.Combine(server.DataDirectory, "rabbitmq.conf"),
                [
                    "loopback_users.guest = true", "log.console = true", "log.console.level = warning", "log.file = false",
                    $"load_definitions = {server.DefinitionsFile}", .. authentication,
                ], cancellationToken);
            var plugins = new[] { managementPort is null ? null : "rabbitmq_management", server.BrokerAuthEndpoint is null ? null : "rabbitmq_auth_backend_http" }
                .OfType<string>();
            await File.WriteAllTextAsync(Path.Combine(server.DataDirectory, "enabled_plugins"), $"[{string.Join(',', plugins)}].\n", cancellationToken);
            await ServiceUser.GiveFolderAsync(server.DataDirectory, server.ServiceUser, cancellationToken);
        });
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(epmd, (_, cancellationToken) =>
            ServiceUser.GiveFolderAsync(server.DataDirectory, server.ServiceUser, cancellationToken));
        return resource;
    }

    /// <summary>The node's environment: its own node name, ports and folders, and the Erlang arguments (which carry the
    /// management listener and the gateway's auth endpoints, being terms with ports in them).</summary>
    private static object[] RabbitMqVariables(RabbitMqServerResource server, EpmdResource epmd, int? managementPort)
    {
        var folder = server.DataDirectory;
        // +sbwt none...: Erlang's schedulers busy-wait for work by default, which takes CPU from the services
        // that share the machine's cores with the broker. Application settings are given as Erlang terms with no
        // spaces (the start script splits this on them).
        // -start_epmd false: the node registers with our epmd resource and never starts a daemonised epmd of its
        // own (one that nobody stops), e.g. if it starts while our epmd is being restarted; it fails instead, and
        // the restarter tries again.
        const string erlangArguments = "-noinput +B i +sbwt none +sbwtdcpu none +sbwtdio none -start_epmd false -kernel inet_dist_use_interface {127,0,0,1}";
        var management = managementPort is null
            ? ReferenceExpression.Create($"")
            : ReferenceExpression.Create(
                $" -rabbitmq_management tcp_config [{{ip,\"127.0.0.1\"}},{{port,{server.GetEndpoint(RabbitMqServerResource.ManagementEndpointName).Property(EndpointProperty.TargetPort)}}}]");
        var authentication = ReferenceExpression.Create($"");
        if (server.BrokerAuthEndpoint is { } gateway)
        {
            var port = gateway.Property(EndpointProperty.Port);
            const string path = IntakeTopology.BrokerAuthPath;
            authentication = ReferenceExpression.Create(
                $" -rabbitmq_auth_backend_http user_path \"http://127.0.0.1:{port}{path}/user\"" +
                $" -rabbitmq_auth_backend_http vhost_path \"http://127.0.0.1:{port}{path}/vhost\"" +
                $" -rabbitmq_auth_backend_http resource_path \"http://127.0.0.1:{port}{path}/resource\"" +
                $" -rabbitmq_auth_backend_http topic_path \"http://127.0.0.1:{port}{path}/topic\"");
        }

        return
        [
            $"RABBITMQ_NODENAME={RabbitMqServerResource.NodeName}",
            "RABBITMQ_NODE_IP_ADDRESS=127.0.0.1",
            ReferenceExpression.Create($"RABBITMQ_NODE_PORT={server.PrimaryEndpoint.Property(EndpointProperty.TargetPort)}"),
            ReferenceExpression.Create($"RABBITMQ_DIST_PORT={server.GetEndpoint(RabbitMqServerResource.DistributionEndpointName).Property(EndpointProperty.TargetPort)}"),
            $"RABBITMQ_MNESIA_BASE={Path.Combine(folder, "mnesia")}",
            $"RABBITMQ_LOG_BASE={Path.Combine(folder, "log")}",
            $"RABBITMQ_CONFIG_FILE={Path.Combine(folder, "rabbitmq")}",
            $"RABBITMQ_ENABLED_PLUGINS_FILE={Path.Combine(folder, "enabled_plugins")}",
            $"RABBITMQ_PID_FILE={Path.Combine(folder, "beam.pid")}",
            // The start script then execs the VM, so the pid the orchestrator holds (and signals) is beam's.
            "RABBITMQ_ALLOW_INPUT=1",
            ReferenceExpression.Create($"RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS={erlangArguments}{management}{authentication}"),
            "ERL_EPMD_ADDRESS=127.0.0.1",
            ReferenceExpression.Create($"ERL_EPMD_PORT={epmd.Endpoint.Property(EndpointProperty.Port)}"),
        ];
    }

    /// <summary>The service's own user on <paramref name="virtualHost"/>, as a connection string resource.</summary>
    public static IResourceBuilder<RabbitMqUserResource> AddServiceUser(this IResourceBuilder<RabbitMqServerResource> server, string user, string virtualHost)
    {
        var builder = server.ApplicationBuilder;
        var name = virtualHost == RabbitMqServerResource.InternalVirtualHost ? $"{server.Resource.Name}-{user}" : $"{server.Resource.Name}-{virtualHost}-{user}";
        var password = builder.AddParameter($"{name}-password", RabbitMqDefinitions.ServicePassword(server.Resource.ServiceSecret, user), secret: true);
        var resource = new RabbitMqUserResource(name, server.Resource, user, virtualHost, password.Resource);
        server.Resource.Users.Add(resource);
        return server.AddRunningWithServer(resource, "RabbitMQUser", $"{user} on {virtualHost}");
    }

    /// <summary>A user of the management HTTP API (<see cref="RabbitMqManagementUserResource"/>), as a connection string
    /// resource. Needs the management plugin (a management port).</summary>
    public static IResourceBuilder<RabbitMqManagementUserResource> AddManagementUser(this IResourceBuilder<RabbitMqServerResource> server, string user)
    {
        var builder = server.ApplicationBuilder;
        var name = $"{server.Resource.Name}-management-{user}";
        var password = builder.AddParameter($"{name}-password", RabbitMqDefinitions.ServicePassword(server.Resource.ServiceSecret, user), secret: true);
        var resource = new RabbitMqManagementUserResource(name, server.Resource, user, password.Resource);
        server.Resource.ManagementUsers.Add(resource);
        return server.AddRunningWithServer(resource, "RabbitMQManagementUser", $"{user} on the management API");
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
