using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SpecialistPlatform.ServiceDefaults;

/// <summary>
/// What every service gets, in one place, in the shape of Aspire's ServiceDefaults template: OpenTelemetry traces,
/// metrics and logs (collected and exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set), /health and /alive,
/// service discovery, and resilience for outgoing HTTP.
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        // The orchestrator polls /health every few seconds; while a model trains on a first start each poll would log a
        // failure. The dashboard shows health, and each service logs its own progress.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Critical);
        // Aspire's Npgsql integration hands Npgsql the service's logging, and Npgsql logs every command at Information:
        // a dozen lines per job, each also exported to the dashboard. Its spans already say what ran and how long.
        builder.Logging.AddFilter("Npgsql", LogLevel.Warning);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Nothing to export to, nothing to collect: a listening tracer makes every HTTP request, SQL statement and
        // message send, receive and consume build a tagged span (MassTransit several per message) only to drop it.
        // (On the job pipeline the saving was within the benchmark's noise on two shared cores; it is work for nothing.)
        if (!builder.IsTelemetryExported())
        {
            return builder;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        // ASP.NET Core, HttpClient, Npgsql and MassTransit all emit activities and meters natively; we only
        // subscribe to their sources.
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql", "MassTransit", builder.Environment.ApplicationName))
            .WithTracing(tracing => tracing
                // SpecialistPlatform.*: our own spans, e.g. the dispatcher's, which carries a job's trace into its routing slip.
                .AddSource("Npgsql", "MassTransit", builder.Environment.ApplicationName, "SpecialistPlatform.*")
                .AddAspNetCoreInstrumentation(options =>
                    options.Filter = context => !IsHealthEndpoint(context.Request.Path))
                .AddHttpClientInstrumentation());

        builder.AddOpenTelemetryExporters();
        return builder;
    }

    private static TBuilder AddOpenTelemetryExporters<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        if (builder.IsTelemetryExported())
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Whether telemetry goes anywhere; when not, nothing collects it (the client integrations included).</summary>
    internal static bool IsTelemetryExported(this IHostApplicationBuilder builder) =>
        !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// /health: ready when every dependency check passes (Postgres, Redis, RabbitMQ as the service uses them).
    /// /alive: the process answers. Exposed in Development (how the AppHost runs services) or when
    /// <c>ServiceDefaults:ExposeHealthEndpoints</c> is true, e.g. for a cluster's probes.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("ServiceDefaults:ExposeHealthEndpoints"))
        {
            app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
            app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
            {
                Predicate = check => check.Tags.Contains(LiveTag),
                ResponseWriter = HealthReportWriter.WriteAsync,
            });
        }

        return app;
    }

    private static bool IsHealthEndpoint(Microsoft.AspNetCore.Http.PathString path) =>
        path.StartsWithSegments(HealthEndpointPath) || path.StartsWithSegments(AlivenessEndpointPath);
}
