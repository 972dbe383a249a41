using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpecialistPlatform.AppHost;
using SpecialistPlatform.AppHost.LocalServers;
using SpecialistPlatform.AppHost.Supervision;
using SpecialistPlatform.Contracts;

// The platform as the design draws it: servers, then the schema, then the services, each waiting for what it needs.
var builder = DistributedApplication.CreateBuilder(args);
var settings = PlatformSettings.From(builder.Configuration);
var data = settings.DataDirectory;

// Servers: Debian's binaries as resources of our own, or the ones given by connection string (ConnectionStrings__name).
// Their passwords are generated once and kept in the data folder, mode 0600 (docs/decisions/0019-...).
var owner = Given(ResourceNames.ConnectionStrings.DatabaseOwner) ?? Given(ResourceNames.ConnectionStrings.PlatformDatabase);
IResourceBuilder<IResourceWithConnectionString> platformDb;
var runsOwnPostgres = owner is null;
if (owner is null)
{
    var postgres = await builder.AddLocalPostgresAsync(ResourceNames.Servers.Postgres, Path.Combine(data, "postgres"), data, settings.PostgresPort, settings.DurableServers);
    owner = postgres;
    platformDb = postgres.AddServiceDatabase(ResourceNames.ConnectionStrings.PlatformDatabase);
}
else
{
    platformDb = Given(ResourceNames.ConnectionStrings.PlatformDatabase) ?? owner;
}

IResourceBuilder<IResourceWithConnectionString> redis = Given(ResourceNames.ConnectionStrings.Redis)
    ?? await builder.AddLocalRedisAsync(ResourceNames.Servers.Redis, Path.Combine(data, "redis"), data, settings.RedisPort, settings.DurableServers);
// RabbitMQ: each service connects as its own user; outside applications only to the intake virtual host, as their
// tenant, with an API key the gateway checks (docs/decisions/0022-broker-users-and-an-intake-virtual-host.md). A broker given by connection string is used as
// given, by every service, and must come with the intake virtual host's connection string for the workflow.
var givenRabbitMq = Given(ResourceNames.ConnectionStrings.RabbitMq);
var localRabbitMq = givenRabbitMq is null
    ? await builder.AddLocalRabbitMqAsync(ResourceNames.Servers.RabbitMq, Path.Combine(data, "rabbitmq"), data, settings.RabbitMqPort,
        settings.RabbitMqManagement ? settings.RabbitMqManagementPort : null, settings.ErrorQueueRetention)
    : null;
var givenRabbitMqIntake = givenRabbitMq is null ? null : Given(ResourceNames.ConnectionStrings.RabbitMqIntake) ?? throw new InvalidOperationException(
    $"ConnectionStrings__{ResourceNames.ConnectionStrings.RabbitMq} is given without ConnectionStrings__{ResourceNames.ConnectionStrings.RabbitMqIntake}: " +
    "the workflow takes outside submissions from a virtual host of their own.");
IResourceBuilder<IResourceWithConnectionString> RabbitMqUser(string service, string virtualHost = RabbitMqServerResource.InternalVirtualHost) =>
    localRabbitMq?.AddServiceUser(service, virtualHost) as IResourceBuilder<IResourceWithConnectionString>
    ?? (virtualHost == RabbitMqServerResource.InternalVirtualHost ? givenRabbitMq! : givenRabbitMqIntake!);

// The audit chain's key, kept in the data folder and never in the database: the workflow seals, the gateway verifies.
var auditChainKey = builder.AddParameter("audit-chain-key", AuditChainKey.Choose(settings), secret: true);

// The schema, and in Development the dev tenant's key: a short-lived worker the services wait for.
settings.DevApiKey = DevelopmentApiKey.Choose(settings);
var devApiKey = builder.AddParameter("dev-api-key", settings.DevApiKey, secret: true);
var migrations = builder.AddProject<Projects.DatabaseMigrations>(ResourceNames.Services.DatabaseMigrations)
    .WithReference(owner, ResourceNames.ConnectionStrings.DatabaseOwner)
    // The services' connection string too: the migrations give its role the password it carries.
    .WithReference(platformDb)
    .WaitFor(owner)
    .WithPlatformEnvironment(settings);
// The dev key goes only into a database the AppHost runs itself: never into one it was given (a shared or production one).
if (runsOwnPostgres)
{
    // With the chain key: each dev key stored or revoked is recorded in the dev tenant's trail.
    migrations.WithEnvironment("DevelopmentTenant__ApiKey", devApiKey).WithAuditChain(auditChainKey, settings);
}


// The services, each its own process.
var gateway = AddService<Projects.Gateway>(ResourceNames.Services.Gateway, platformDb, redis)
    ?.WithHttpEndpoint(port: settings.GatewayPort == 0 ? null : settings.GatewayPort, isProxied: false)
    .WithUrlForEndpoint("http", url => url.DisplayText = "API")
    .WithUrl("/swagger", "OpenAPI (Swagger UI)")
    .WithAuditChain(auditChainKey, settings);
if (gateway is not null && localRabbitMq is not null)
{
    // The broker asks the gateway who an outside client is (its tenant and API key) and what it may touch.
    localRabbitMq.Resource.BrokerAuthEndpoint = gateway.GetEndpoint("http");
    if (settings.RabbitMqManagement)
    {
        // The gateway closes intake connections whose key stopped (revoked, expired, rotated out), through the
        // management API (docs/decisions/0029).
        var sweeper = localRabbitMq.AddManagementUser(RabbitMqServerResource.IntakeConnectionSweeper);
        gateway.WithReference(sweeper, ResourceNames.ConnectionStrings.RabbitMqManagement).WaitFor(sweeper);
    }
}

// The console: a client of the gateway's API with each signed-in user's own key, so it needs nothing else.
if (gateway is not null && settings.Console)
{
    builder.AddProject<Projects.Console>(ResourceNames.Services.Console)
        .WithHttpEndpoint(port: settings.ConsolePort == 0 ? null : settings.ConsolePort, isProxied: false)
        .WithUrlForEndpoint("http", url => url.DisplayText = "Console")
        .WithHttpHealthCheck("/health")
        .WithPlatformEnvironment(settings)
        .WithAnnotation(new RestartOnCrashAnnotation())
        .WithReference(gateway)
        .WaitFor(gateway);
}

AddService<Projects.Workflow>(ResourceNames.Services.Workflow, platformDb)
    ?.WithReference(RabbitMqUser(ResourceNames.Services.Workflow, RabbitMqServerResource.IntakeVirtualHost), ResourceNames.ConnectionStrings.RabbitMqIntake)
    .WithAuditChain(auditChainKey, settings);
AddService<Projects.IntentClassifier>(ResourceNames.Services.IntentClassifier, platformDb);
AddService<Projects.ComplianceChecker>(ResourceNames.Services.ComplianceChecker, platformDb)
    ?.WithEnvironment("Moderation__Datasets", settings.Datasets);
AddService<Projects.Extraction>(ResourceNames.Services.Extraction, platformDb);
AddService<Projects.FrontierEscalation>(ResourceNames.Services.FrontierEscalation, platformDb, redis);

builder.Services.AddSingleton(settings);
// Readiness is polled every few seconds; while the models train on a first start every poll would print a failure.
// The dashboard shows each resource's health, and the restarter and the ready line say what changed.
builder.Services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical));
builder.Services.AddHostedService<CrashedResourceRestarter>();
builder.Services.AddHostedService<PlatformStateFile>();
builder.Services.AddHostedService<ReadyAnnouncement>();

await builder.Build().RunAsync();

IResourceBuilder<IResourceWithConnectionString>? Given(string name) =>
    builder.Configuration.GetConnectionString(name) is { Length: > 0 } ? builder.AddConnectionString(name) : null;

IResourceBuilder<ProjectResource>? AddService<TProject>(string name, params IResourceBuilder<IResourceWithConnectionString>[] servers)
    where TProject : IProjectMetadata, new()
{
    if (!settings.Runs(name))
    {
        return null;
    }

    var service = builder.AddProject<TProject>(name)
        .WithHttpEndpoint(isProxied: false)
        .WithHttpHealthCheck("/health")
        .WithPlatformEnvironment(settings)
        .WithAnnotation(new RestartOnCrashAnnotation())
        .WaitForCompletion(migrations);
    foreach (var server in servers)
    {
        service.WithReference(server).WaitFor(server);
    }

    // Every service is on the bus, as its own user.
    var broker = RabbitMqUser(name);
    service.WithReference(broker, ResourceNames.ConnectionStrings.RabbitMq).WaitFor(broker);
    return service;
}
