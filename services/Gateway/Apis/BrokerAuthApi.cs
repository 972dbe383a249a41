using Microsoft.AspNetCore.Mvc;
using SpecialistPlatform.Contracts.Intake;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Keys;
using SpecialistPlatform.Gateway.Broker;

namespace SpecialistPlatform.Gateway.Apis;

/// <summary>
/// RabbitMQ's HTTP auth backend (rabbitmq_auth_backend_http) asks these for every user it does not know itself: an
/// outside application logs in to the intake virtual host as <c>&lt;tenant id&gt;.&lt;key id&gt;</c>
/// (<see cref="BrokerLogins"/>) with that key (submitter or admin role) as password, so keys are the one credential.
/// A login names its key so that a key that stops also closes the connections opened with it
/// (<see cref="IntakeConnectionSweeper"/>, docs/decisions/0029); a tenant-only login name, which named no key, is
/// refused. Answers are the backend's plain "allow" or "deny". The broker reaches them
/// on loopback; they take no API key themselves, but only the login question involves a secret, and it answers no
/// more than logging in would.
/// </summary>
public static class BrokerAuthApi
{
    public static IEndpointRouteBuilder MapBrokerAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(IntakeTopology.BrokerAuthPath).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        api.MapPost("/user", User);
        api.MapPost("/vhost", ([FromForm] string username, [FromForm] string vhost) => Answer(IntakePermissions.MayEnter(vhost)));
        api.MapPost("/resource", ([FromForm] string username, [FromForm] string vhost, [FromForm] string resource, [FromForm] string name,
            [FromForm] string permission) => Answer(BrokerLogins.TenantOf(username) is { } tenant && IntakePermissions.MayUse(tenant, vhost, resource, name, permission)));
        api.MapPost("/topic", ([FromForm] string username, [FromForm] string vhost, [FromForm] string name, [FromForm] string permission,
            [FromForm(Name = "routing_key")] string routingKey) =>
            Answer(BrokerLogins.TenantOf(username) is { } tenant && IntakePermissions.MayRoute(tenant, vhost, name, permission, routingKey)));
        return app;
    }

    private static async Task<IResult> User([FromForm] string username, [FromForm] string password, PlatformDbContext db,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var named = BrokerLogins.TryParse(username, out var tenantId, out var keyId);
        var key = named && password.Length > 0 ? await ApiKeys.FindAsync(db, password, cancellationToken) : null;
        var allowed = key is not null && key.Id == keyId && key.TenantId == tenantId && IntakeConnectionSweeper.MayConnect(key);
        if (allowed)
        {
            await ApiKeys.TouchAsync(db, key!.Id, cancellationToken);
        }
        else if (named)
        {
            loggers.CreateLogger(typeof(BrokerAuthApi)).LogWarning("Broker login refused for user {User}", username);
        }
        else
        {
            loggers.CreateLogger(typeof(BrokerAuthApi)).LogWarning("Broker login refused for user {User}: the user name must be <tenant id>.<key id>", username);
        }

        return Answer(allowed);
    }

    private static IResult Answer(bool allowed) => Results.Text(allowed ? "allow" : "deny");
}
