using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using SpecialistPlatform.Console.Gateway;

namespace SpecialistPlatform.Console.Sessions;

/// <summary>
/// Turns the gateway's refusals into the console's answers: a key the gateway no longer accepts (revoked, expired) ends
/// the session and sends the user to sign in again; 403, 404 and 400 become the console's error page with that status
/// and the gateway's explanation. Another tenant's job is a 404 at the gateway, so it reads exactly as a missing one.
/// </summary>
public sealed class GatewayProblemMiddleware(RequestDelegate next)
{
    public const string ProblemItem = "gateway-problem";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (GatewayProblemException problem) when (!context.Response.HasStarted)
        {
            if (problem.Status == StatusCodes.Status401Unauthorized)
            {
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                context.Response.Redirect($"/SignIn?expired=true&ReturnUrl={Uri.EscapeDataString(returnUrl)}");
                return;
            }

            context.Items[ProblemItem] = problem;
            context.Response.Clear();
            context.Response.StatusCode = problem.Status is >= 400 and < 500 ? problem.Status : StatusCodes.Status502BadGateway;
        }
        catch (HttpRequestException unreachable) when (!context.Response.HasStarted)
        {
            context.Items[ProblemItem] = new GatewayProblemException(StatusCodes.Status502BadGateway, "Gateway unreachable", unreachable.Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
        }
    }
}
