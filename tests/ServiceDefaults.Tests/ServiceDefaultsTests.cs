using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SpecialistPlatform.Contracts;

namespace SpecialistPlatform.ServiceDefaults.Tests;

public sealed class ServiceDefaultsTests
{
    [Fact]
    public void Missing_connection_string_stops_the_service_naming_the_setting()
    {
        var builder = WebApplication.CreateBuilder();

        var error = Should.Throw<InvalidOperationException>(() => builder.AddPostgres());

        error.Message.ShouldContain($"ConnectionStrings:{ResourceNames.ConnectionStrings.PlatformDatabase}");
        error.Message.ShouldContain($"ConnectionStrings__{ResourceNames.ConnectionStrings.PlatformDatabase}");
    }

    [Fact]
    public void Malformed_rabbitmq_address_stops_the_service_naming_the_setting()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration[$"ConnectionStrings:{ResourceNames.ConnectionStrings.RabbitMq}"] = "http://127.0.0.1:5672";

        var error = Should.Throw<InvalidOperationException>(() => builder.AddMessaging());

        error.Message.ShouldContain($"ConnectionStrings:{ResourceNames.ConnectionStrings.RabbitMq}' is not valid");
        error.Message.ShouldContain("amqp://");
    }

    [Fact]
    public async Task Health_endpoint_names_the_dependency_that_is_down()
    {
        // Port 1 is privileged and never served here: every connection attempt is refused at once.
        const int unusedPort = 1;
        await using var app = BuildService(builder =>
        {
            builder.Configuration[$"ConnectionStrings:{ResourceNames.ConnectionStrings.Redis}"] = $"127.0.0.1:{unusedPort},connectTimeout=200";
            builder.AddRedis();
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient();

        using var alive = await http.GetAsync($"{app.Urls.Single()}/alive", TestContext.Current.CancellationToken);
        using var health = await http.GetAsync($"{app.Urls.Single()}/health", TestContext.Current.CancellationToken);

        alive.StatusCode.ShouldBe(HttpStatusCode.OK);
        health.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        using var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        report.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString().ShouldBe("Unhealthy");
    }

    [Fact]
    public async Task Health_endpoints_are_not_exposed_outside_development()
    {
        await using var app = BuildService(_ => { }, Environments.Production);
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient();

        using var health = await http.GetAsync($"{app.Urls.Single()}/health", TestContext.Current.CancellationToken);

        health.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static WebApplication BuildService(Action<WebApplicationBuilder> configure, string environment = "Development")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        // Port 0: the kernel chooses, and app.Urls reports the bound address once started.
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        configure(builder);
        var app = builder.Build();
        app.MapDefaultEndpoints();
        return app;
    }
}
