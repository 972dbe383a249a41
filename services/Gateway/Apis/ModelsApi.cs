using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Registry;
using SpecialistPlatform.Gateway.Authentication;
using SpecialistPlatform.Jobs.Audit;

namespace SpecialistPlatform.Gateway.Apis;

/// <summary>
/// The model registry over HTTP, the same operations as `specialist models`: auditors list versions (which model and
/// version decided is in every audit record), platform admins promote, roll back and set the shadow's canary share. Services pick a change up within seconds.
/// The registry is the platform's, not a tenant's: changing it needs the platform admin role, not a tenant's admin.
/// Every change is recorded in every tenant's audit trail (step model-registry) with the id of the key that made it.
/// </summary>
public static class ModelsApi
{
    public static RouteGroupBuilder MapModelsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/models").WithTags("Models");
        api.MapGet("/", ListModels).WithName(nameof(ListModels)).RequireAuthorization(Policies.ModelReader);
        api.MapGet("/shadow-agreement", ListShadowAgreement).WithName(nameof(ListShadowAgreement)).RequireAuthorization(Policies.ModelReader);
        api.MapPost("/{task}/{name}/promote", PromoteModel).WithName(nameof(PromoteModel)).RequireAuthorization(Policies.PlatformAdmin);
        api.MapPost("/{task}/{name}/rollback", RollbackModel).WithName(nameof(RollbackModel)).RequireAuthorization(Policies.PlatformAdmin);
        api.MapPut("/{task}/{name}/canary-share", SetCanaryShare).WithName(nameof(SetCanaryShare)).RequireAuthorization(Policies.PlatformAdmin);
        return api;
    }

    public static async Task<Ok<IReadOnlyList<RegisteredModel>>> ListModels(
        ModelRegistry registry, string? task, string? name, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.ListAsync(task, name, cancellationToken));

    /// <summary>Each shadow version's agreement with the active version over time (live traffic, every tenant's: the
    /// registry is the platform's).</summary>
    public static async Task<Ok<IReadOnlyList<ShadowAgreementSeries>>> ListShadowAgreement(
        ModelRegistry registry, string? task, string? name, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.ShadowAgreementAsync(task, name, cancellationToken));

    public static async Task<Results<Ok<RegisteredModel>, ProblemHttpResult>> PromoteModel(
        string task, string name, PromoteModelRequest request, ClaimsPrincipal user, AuditedModelRegistry registry, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ModelStatus>(request.To ?? "active", ignoreCase: true, out var to) || to is not (ModelStatus.Active or ModelStatus.Shadow))
        {
            return JobsApi.Problem(StatusCodes.Status400BadRequest, "Invalid status", "'to' must be 'active' or 'shadow'.");
        }

        if (string.IsNullOrWhiteSpace(request.Version))
        {
            return JobsApi.Problem(StatusCodes.Status400BadRequest, "Missing version", "'version' is required (12 hex digits, from GET /api/v1/models).");
        }

        try
        {
            return TypedResults.Ok(await registry.PromoteAsync(task, name, request.Version, to, ChangeActors.Of(user), cancellationToken));
        }
        catch (ModelRegistryException e)
        {
            return JobsApi.Problem(StatusCodes.Status404NotFound, "Model version not found", e.Message);
        }
    }

    /// <summary>Sets the share of jobs the shadow version decides as a canary; the services follow at their next registry
    /// refresh (docs/decisions/0030).</summary>
    public static async Task<Results<Ok<CanaryShareChange>, ProblemHttpResult>> SetCanaryShare(
        string task, string name, CanaryShareRequest request, ClaimsPrincipal user, AuditedModelRegistry registry, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Version))
        {
            return JobsApi.Problem(StatusCodes.Status400BadRequest, "Missing version", "'version' is required: the shadow version the share is for.");
        }

        if (request.Share is { } share && !(share is >= 0 and <= 1))
        {
            return JobsApi.Problem(StatusCodes.Status400BadRequest, "Invalid share", "'share' is between 0 and 1, or null for the services' own setting.");
        }

        try
        {
            return TypedResults.Ok(await registry.SetCanaryShareAsync(task, name, request.Version, request.Share, ChangeActors.Of(user), cancellationToken));
        }
        catch (ModelRegistryException e)
        {
            return JobsApi.Problem(StatusCodes.Status409Conflict, "Not the shadow version", e.Message);
        }
    }

    public static async Task<Results<Ok<RollbackResponse>, ProblemHttpResult>> RollbackModel(
        string task, string name, ClaimsPrincipal user, AuditedModelRegistry registry, CancellationToken cancellationToken)
    {
        try
        {
            var (retired, active) = await registry.RollbackAsync(task, name, ChangeActors.Of(user), cancellationToken);
            return TypedResults.Ok(new RollbackResponse(retired, active));
        }
        catch (ModelRegistryException e)
        {
            return JobsApi.Problem(StatusCodes.Status409Conflict, "Nothing to roll back to", e.Message);
        }
    }
}

/// <summary>The shadow version the share is for (the one the caller saw, so a shadow replaced meanwhile is refused) and
/// the share, 0 to 1; a null share returns to the serving services' own setting.</summary>
public sealed record CanaryShareRequest(string? Version, double? Share);

public sealed record PromoteModelRequest(string? Version, string? To);

public sealed record RollbackResponse(RegisteredModel Retired, RegisteredModel Active);
