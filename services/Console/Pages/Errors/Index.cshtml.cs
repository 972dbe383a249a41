using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpecialistPlatform.Console.Gateway;
using SpecialistPlatform.Console.Sessions;

namespace SpecialistPlatform.Console.Pages.Errors;

/// <summary>
/// The console's one error page, for its own status codes and the gateway's refusals alike. A job of another tenant and
/// a missing job both arrive here as the gateway's 404, so the page cannot tell them apart, by design.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    public string? GatewayDetail { get; private set; }

    public void OnGet(int code) => Describe(code);

    // A refused POST (a promote by a role that may not) is re-executed here with its own method.
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        // Reached directly (/Errors/404) the status is the page's own; re-executed, it keeps the original one.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound;
        }

        var problem = HttpContext.Items[GatewayProblemMiddleware.ProblemItem] as GatewayProblemException;
        GatewayDetail = problem is null ? null : string.Join(" ", new[] { problem.Title, problem.Detail }.Where(s => !string.IsNullOrEmpty(s)));
        (Title, Explanation) = code switch
        {
            StatusCodes.Status403Forbidden => ("Not allowed for your role",
                $"Your key ({string.Join(", ", User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(r => r.Value))}) does not have a role that may see or do this. Ask your tenant's admin for a key with the role you need."),
            StatusCodes.Status404NotFound => ("Not found", "There is nothing here for your tenant: the address is wrong, or what it names does not exist."),
            StatusCodes.Status400BadRequest => ("The request was not valid", "Something in the filters or the form could not be used; the gateway's explanation is below."),
            StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable => ("The platform did not answer",
                "The gateway could not be reached or could not answer just now. Try again in a few seconds."),
            _ => ("Something went wrong", $"The console could not answer this request (status {code})."),
        };
    }
}
