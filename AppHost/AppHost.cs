using System.CommandLine;
using System.Runtime.InteropServices;
using SpecialistPlatform.AppHost;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Provisioning;

// The platform's resources, in the order they come up: servers, schema, services. `--help` lists the options.
return await CommandLine.Create(RunAsync)
    .Parse(args)
    .InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });

static async Task<int> RunAsync(AppHostOptions options, CancellationToken _)
{
    var log = new ConsoleLog();
    await using var platform = new PlatformHost(options, log);

    // Ctrl+C and SIGTERM stop everything we started, services first, then servers; a second Ctrl+C is not needed.
    var shutdown = new TaskCompletionSource();
    using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; shutdown.TrySetResult(); });
    using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; shutdown.TrySetResult(); });

    try
    {
        platform.AddServer(ResourceNames.ConnectionStrings.PlatformDatabase, options.PostgresConnection,
            settings => new LocalPostgres(settings with { Port = options.PostgresPort }));
        platform.AddServer(ResourceNames.ConnectionStrings.Redis, options.RedisConnection,
            settings => new LocalRedis(settings with { Port = options.RedisPort }));
        platform.AddServer(ResourceNames.ConnectionStrings.RabbitMq, options.RabbitMqConnection,
            settings => new LocalRabbitMq(settings with { Port = options.RabbitMqPort }) { ManagementPort = options.RabbitMqManagementPort });

        platform.AddService(ResourceNames.Services.Gateway, "Gateway", options.GatewayPort);
        platform.AddService(ResourceNames.Services.Workflow, "Workflow");
        platform.AddService(ResourceNames.Services.IntentClassifier, "IntentClassifier");
        platform.AddService(ResourceNames.Services.ComplianceChecker, "ComplianceChecker");
        platform.AddService(ResourceNames.Services.Extraction, "Extraction");
        platform.AddService(ResourceNames.Services.FrontierEscalation, "FrontierEscalation");

        await platform.StartAsync(shutdown.Task);
    }
    catch (Exception e) when (e is ProvisioningException or OperationCanceledException or Npgsql.NpgsqlException)
    {
        log.Info(shutdown.Task.IsCompleted ? "interrupted while starting; stopping" : $"failed to start: {e.Message}");
        return shutdown.Task.IsCompleted ? 0 : 1;
    }

    await shutdown.Task;
    log.Info("stopping");
    return 0;
}
