using System.Net;
using System.Text.Json;

namespace SpecialistPlatform.Client.Exceptions;

/// <summary>Turns a refused response into the exception that names its problem, reading the gateway's problem details
/// and falling back to the status line when a proxy in between answered without them.</summary>
internal static class ProblemResponses
{
    public static async Task<SpecialistPlatformException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var (title, detail, type) = await ReadProblemAsync(response, cancellationToken);
        var status = response.StatusCode;
        return status switch
        {
            HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType
                => new InvalidRequestException(status, title, detail, type),
            HttpStatusCode.Unauthorized => new ApiKeyRejectedException(title, detail, type),
            HttpStatusCode.Forbidden => new AccessDeniedException(title, detail, type),
            HttpStatusCode.NotFound => new NotFoundException(title, detail, type),
            HttpStatusCode.Conflict => new IdempotencyConflictException(title, detail, type),
            HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
                => new PlatformUnavailableException(status, title, detail, RetryAfter(response), type),
            _ => new SpecialistPlatformException(status, title, detail, type),
        };
    }

    private static async Task<(string Title, string? Detail, string? Type)> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var fallbackTitle = response.ReasonPhrase ?? response.StatusCode.ToString();
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(body))
        {
            return (fallbackTitle, null, null);
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (fallbackTitle, body, null);
            }

            return (Text(problem.RootElement, "title") ?? fallbackTitle, Text(problem.RootElement, "detail"), Text(problem.RootElement, "type"));
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's HTML page, plain text): keep the start of it, it is the only clue there is.
            return (fallbackTitle, body.Length > 500 ? body[..500] : body, null);
        }
    }

    private static string? Text(JsonElement problem, string name) =>
        problem.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };
}
