using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Contracts.Compliance;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Keys;
using SpecialistPlatform.Data.Registry;
using SpecialistPlatform.Gateway.Apis;
using SpecialistPlatform.Gateway.Authentication;
using SpecialistPlatform.Gateway.Broker;
using SpecialistPlatform.Gateway.Overview;
using SpecialistPlatform.Jobs.Audit;
using SpecialistPlatform.Jobs.Intake;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.ServiceDefaults;

namespace SpecialistPlatform.Gateway.Extensions;

/// <summary>The HTTP front door: jobs, results, audit queries, per-tenant API keys.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddPipelines();
        builder.AddPostgres();
        builder.Services.AddPlatformDbContext();
        builder.AddRedis();
        // Batch personal-data requests are answered by the compliance checker, which owns the policies and the tagger.
        builder.AddMessaging(bus =>
        {
            bus.AddRequestClient<DetectPersonalData>(new Uri($"queue:{ResourceNames.Queues.DetectPersonalData}"));
            bus.AddRequestClient<ModerateTexts>(new Uri($"queue:{ResourceNames.Queues.ModerateTexts}"));
        });
        builder.Services.AddOptions<PersonalDataApiOptions>().BindConfiguration(PersonalDataApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // The body may hold the largest accepted text JSON-escaped (up to 6 bytes a character) plus metadata.
        var maxTextBytes = builder.Configuration.GetValue($"{PipelineOptions.Section}:MaxTextBytes", 1024 * 1024);
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestBodySize = (long)maxTextBytes * 6 + 64 * 1024);

        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<ServiceUnavailableExceptionHandler>();
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddApiKeyAuthentication();

        builder.Services.AddJobIntake(ResourceNames.Services.Gateway);
        builder.Services.AddAuditChain();
        builder.Services.AddScoped<ModelRegistry>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<ApiKeyStore>();
        builder.Services.AddScoped<AuditedApiKeys>();
        builder.Services.AddScoped<AuditedModelRegistry>();
        builder.Services.AddHostedService<UndispatchedJobSweeper>();
        builder.AddIntakeConnectionSweeper();
        builder.Services.AddOptions<FrontierPrices>().BindConfiguration(FrontierPrices.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TokenEstimator>();
    }

    /// <summary>The sweeper that closes intake connections of keys that stopped (docs/decisions/0029), with the broker's
    /// management API when the AppHost gives one (<see cref="ResourceNames.ConnectionStrings.RabbitMqManagement"/>).</summary>
    private static void AddIntakeConnectionSweeper(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IntakeConnectionsOptions>().BindConfiguration(IntakeConnectionsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        if (builder.Configuration.GetConnectionString(ResourceNames.ConnectionStrings.RabbitMqManagement) is { Length: > 0 } management)
        {
            var uri = new Uri(management);
            var credentials = uri.UserInfo.Split(':', 2).Select(part => Uri.UnescapeDataString(part)).ToArray();
            if (credentials.Length != 2)
            {
                throw new InvalidOperationException(
                    $"ConnectionStrings:{ResourceNames.ConnectionStrings.RabbitMqManagement} must be http://user:password@host:port/ (the broker's management API).");
            }

            builder.Services.AddHttpClient<BrokerManagementClient>(http =>
            {
                http.BaseAddress = new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
                http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
                    Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{credentials[0]}:{credentials[1]}")));
            });
        }

        builder.Services.AddSingleton<IntakeConnectionSweeper>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IntakeConnectionSweeper>());
    }
}
