using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Contracts.Compliance;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Gateway.Authentication;

namespace SpecialistPlatform.Gateway.Apis;

/// <summary>
/// Batch moderation: many texts per request, scored synchronously by the compliance checker (which serves the
/// moderation model and owns the tenants' policies) over a request/response message, as the personal-data API is.
/// Each text gets every category's calibrated probability, the flagged categories and the action the tenant's policy
/// for the given job kind would take. Nothing is stored and no audit record is written: no job exists.
/// </summary>
public static class ModerationApi
{
    public static RouteHandlerBuilder MapModerationApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/moderation", Moderate).WithTags("Moderation").WithName(nameof(Moderate))
            .RequireAuthorization(Policies.Submitter).Accepts<ModerationBatchRequest>("application/json");

    public static async Task<Results<Ok<ModerationBatchResponse>, ProblemHttpResult>> Moderate(HttpContext context, ClaimsPrincipal user,
        IRequestClient<ModerateTexts> client, IOptions<PersonalDataApiOptions> options, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var (request, texts, problem) = await TextBatches.ReadAsync<ModerationBatchRequest>(context, limits, r => r.Texts, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var response = await client.GetResponse<TextsModerated>(new ModerateTexts
            {
                CorrelationId = NewId.NextGuid(),
                TenantId = user.TenantId(),
                Kind = request!.Kind,
                Texts = texts!,
            }, cancellationToken, RequestTimeout.After(s: limits.TimeoutSeconds));
            return TypedResults.Ok(new ModerationBatchResponse(response.Message.Results));
        }
        catch (RequestTimeoutException)
        {
            return JobsApi.Problem(StatusCodes.Status504GatewayTimeout, "Compliance checker did not answer",
                $"No answer within {limits.TimeoutSeconds} s; the compliance checker may be starting (it trains its default models at its first start). Retry.");
        }
        catch (RequestFaultException e)
        {
            // The checker refused the batch (moderation configured off, or over its own limit): say why.
            return JobsApi.Problem(StatusCodes.Status503ServiceUnavailable, "Moderation unavailable",
                e.Fault?.Exceptions.FirstOrDefault()?.Message ?? "The compliance checker could not moderate the batch.");
        }
    }
}

/// <param name="Texts">The texts to score.</param>
/// <param name="Kind">The job kind whose policy decides the action; the tenant's default policy without it.</param>
public sealed record ModerationBatchRequest(List<string?>? Texts, string? Kind);

public sealed record ModerationBatchResponse(IReadOnlyList<ModerationResult> Results);
