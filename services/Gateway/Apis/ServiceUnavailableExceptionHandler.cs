using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using SpecialistPlatform.Jobs.Intake;

namespace SpecialistPlatform.Gateway.Apis;

/// <summary>
/// 503 with Retry-After and problem details, never 500, for the two ways the gateway can be unable to take a request
/// that is itself fine: the job writer is full (<see cref="IntakeOverloadedException"/>: arrivals outrun the database,
/// and refusing keeps memory bounded), or Postgres is away (restarting after a crash, a failover). Either way nothing
/// was stored, and the same request may be sent again (with its Idempotency-Key, a retry can never make a second job).
/// Transient is Npgsql's own judgement (a refused or broken connection, a timeout, the server shutting down), found
/// anywhere in the exception chain, since EF's retrying execution strategy wraps it.
/// </summary>
public sealed class ServiceUnavailableExceptionHandler(IProblemDetailsService problemDetails, ILogger<ServiceUnavailableExceptionHandler> logger)
    : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (title, cause) = exception switch
        {
            IntakeOverloadedException overloaded => ("Overloaded", $"{overloaded.Message} Nothing was stored."),
            _ when IsTransientStorageFailure(exception) => ("Storage unavailable", "The platform's database did not answer, so nothing was stored."),
            _ => (null, null),
        };
        if (title is null)
        {
            return false;
        }

        logger.LogWarning("Answered 503 to {Method} {Path}: {Title} ({Error})", context.Request.Method, context.Request.Path, title, exception.Message);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = title,
                Detail = $"{cause} Send the same request again in {RetryAfterSeconds} s; with an Idempotency-Key a retry never makes a second job.",
            },
        });
    }

    public static bool IsTransientStorageFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true } or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
