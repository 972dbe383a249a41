using Microsoft.AspNetCore.Mvc;
using SpecialistPlatform.Contracts.Intake;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Keys;
using SpecialistPlatform.Gateway.Broker;

namespace SpecialistPlatform.Gateway.Apis;

/// <summary>
/// RabbitMQ's HTTP auth backend (rabbitmq_auth_backend_http) asks these for every user it does not know itself: an
/// outside application logs in to the intake virtual host with its tenant id as user name and one of the tenant's API
/// keys (submitter or admin role) as password, so keys are the one credential, and revoking a key shuts its broker
/// logins too (from the next connection). Answers are the backend's plain "allow" or "deny". The broker reaches them
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
            [FromForm] string permission) => Answer(IntakePermissions.MayUse(username, vhost, resource, name, permission)));
        api.MapPost("/topic", ([FromForm] string username, [FromForm] string vhost, [FromForm] string name, [FromForm] string permission,
            [FromForm(Name = "routing_key")] string routingKey) => Answer(IntakePermissions.MayRoute(username, vhost, name, permission, routingKey)));
        return app;
    }

    private static async Task<IResult> User([FromForm] string username, [FromForm] string password, PlatformDbContext db,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var key = TenantIds.IsValid(username) && password.Length > 0 ? await ApiKeys.FindAsync(db, password, cancellationToken) : null;
        var allowed = key is not null && key.TenantId == username && key.Roles.Any(role => role is ApiKeyRoles.Submitter or ApiKeyRoles.Admin);
        if (allowed)
        {
            await ApiKeys.TouchAsync(db, key!.Id, cancellationToken);
        }
        else
        {
            loggers.CreateLogger(typeof(BrokerAuthApi)).LogWarning("Broker login refused for user {User}", username);
        }

        return Answer(allowed);
    }

    private static IResult Answer(bool allowed) => Results.Text(allowed ? "allow" : "deny");
}
