using Microsoft.AspNetCore.Diagnostics;

namespace SpecialistPlatform.Gateway.Apis;

/// <summary>
/// Turns a request the framework could not bind (?page=abc, ?page=99999999999, a route value that is not a GUID) into
/// problem details that say which parameter and which value, instead of an empty 400. Needs
/// <c>RouteHandlerOptions.ThrowOnBadRequest</c>, which makes minimal APIs throw what they would otherwise only log.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        context.Response.StatusCode = badRequest.StatusCode;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails =
            {
                Status = badRequest.StatusCode,
                Title = "Invalid request",
                Detail = badRequest.Message,
            },
        });
    }
}
