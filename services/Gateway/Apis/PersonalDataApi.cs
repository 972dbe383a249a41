using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Contracts.Compliance;
using SpecialistPlatform.Gateway.Authentication;

namespace SpecialistPlatform.Gateway.Apis;

/// <summary>
/// Batch personal-data detection and policy application: many texts per request, answered synchronously by the
/// compliance checker (which owns the tenants' policies and the entity tagger) over a request/response message.
/// See docs/decisions/0008-batch-personal-data-api.md.
/// </summary>
public static class PersonalDataApi
{
    public static RouteGroupBuilder MapPersonalDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/personal-data").WithTags("Personal data");
        api.MapPost("/detect", Detect).WithName(nameof(Detect)).RequireAuthorization(Policies.Submitter)
            .Accepts<PersonalDataBatchRequest>("application/json");
        api.MapPost("/apply", Apply).WithName(nameof(Apply)).RequireAuthorization(Policies.Submitter)
            .Accepts<PersonalDataBatchRequest>("application/json");
        return api;
    }

    /// <summary>Finds personal data in each text: type, [start, end) UTF-16 offsets, score and value per entity.</summary>
    public static Task<Results<Ok<PersonalDataBatchResponse>, ProblemHttpResult>> Detect(HttpContext context, ClaimsPrincipal user,
        IRequestClient<DetectPersonalData> client, IOptions<PersonalDataApiOptions> options, CancellationToken cancellationToken) =>
        HandleAsync(context, user, client, options.Value, apply: false, cancellationToken);

    /// <summary>Applies the tenant's policy (for the request's job kind, if given) to each text: transformed text, blocked or not, action per entity.</summary>
    public static Task<Results<Ok<PersonalDataBatchResponse>, ProblemHttpResult>> Apply(HttpContext context, ClaimsPrincipal user,
        IRequestClient<DetectPersonalData> client, IOptions<PersonalDataApiOptions> options, CancellationToken cancellationToken) =>
        HandleAsync(context, user, client, options.Value, apply: true, cancellationToken);

    private static async Task<Results<Ok<PersonalDataBatchResponse>, ProblemHttpResult>> HandleAsync(HttpContext context, ClaimsPrincipal user,
        IRequestClient<DetectPersonalData> client, PersonalDataApiOptions limits, bool apply, CancellationToken cancellationToken)
    {
        var (request, texts, problem) = await TextBatches.ReadAsync<PersonalDataBatchRequest>(context, limits, r => r.Texts, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        try
        {
            var response = await client.GetResponse<PersonalDataDetected>(new DetectPersonalData
            {
                CorrelationId = NewId.NextGuid(),
                TenantId = user.TenantId(),
                Kind = request!.Kind,
                Texts = texts!,
                ApplyPolicy = apply,
                IncludePlaceholders = request.IncludePlaceholders,
            }, cancellationToken, RequestTimeout.After(s: limits.TimeoutSeconds));
            return TypedResults.Ok(new PersonalDataBatchResponse(response.Message.Results));
        }
        catch (RequestTimeoutException)
        {
            return JobsApi.Problem(StatusCodes.Status504GatewayTimeout, "Compliance checker did not answer",
                $"No answer within {limits.TimeoutSeconds} s; the compliance checker may be starting (it trains its default model at its first start). Retry.");
        }
    }
}

/// <param name="Texts">The texts to scan.</param>
/// <param name="Kind">The job kind whose policy applies (apply only); the tenant's default policy without it.</param>
/// <param name="IncludePlaceholders">Apply only: return each text's placeholder map (it holds the original values).</param>
public sealed record PersonalDataBatchRequest(List<string?>? Texts, string? Kind, bool IncludePlaceholders);

public sealed record PersonalDataBatchResponse(IReadOnlyList<PersonalDataResult> Results);

/// <summary>Section <c>PersonalDataApi</c>: limits of the batch text APIs (personal data and moderation).</summary>
public sealed class PersonalDataApiOptions
{
    public const string Section = "PersonalDataApi";

    [Range(1, 10_000)]
    public int MaxTexts { get; set; } = 1000;

    [Range(1, 10 * 1024 * 1024)]
    public int MaxTextCharacters { get; set; } = 100_000;

    [Range(1, 64 * 1024 * 1024)]
    public long MaxBatchCharacters { get; set; } = 4 * 1024 * 1024;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;
}
