using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Keys;

namespace SpecialistPlatform.Gateway.Authentication;

/// <summary>
/// X-Api-Key authentication: the key's SHA-256 is looked up in Postgres (cached for a short while, so a revoked key
/// stops working within <see cref="CacheFor"/>) and becomes a principal with the tenant and the key's roles.
/// Failures answer with problem details, never an empty 401/403.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    PlatformDbContext db,
    IMemoryCache cache,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string TenantClaim = "tenant";
    public const string KeyIdClaim = "key-id";
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values.ToString();
        var apiKey = await cache.GetOrCreateAsync(ApiKeys.Hash(key), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            var found = await ApiKeys.FindAsync(db, key, Context.RequestAborted);
            if (found is not null)
            {
                // Once per cache period at most: "last used" is exact to about a minute, at no cost per request.
                await ApiKeys.TouchAsync(db, found.Id, Context.RequestAborted);
            }

            return found;
        });
        // Checked again on every request: a key that expires, or whose rotation grace ends, while cached stops at once.
        if (apiKey is null || !apiKey.IsActiveAt(DateTimeOffset.UtcNow))
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var claims = new List<Claim> { new(TenantClaim, apiKey.TenantId), new(ClaimTypes.Name, apiKey.Name) };
        claims.Add(new Claim(KeyIdClaim, apiKey.Id.ToString()));
        claims.AddRange(apiKey.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "Missing or invalid API key",
            Request.Headers.ContainsKey(HeaderName)
                ? $"The {HeaderName} header does not hold a valid, unrevoked key."
                : $"Send your tenant's key in the {HeaderName} header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Not allowed for this key",
            "This API key lacks the role this endpoint needs (submitter, auditor, admin or platform-admin).");

    private Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}

public static class TenantPrincipal
{
    public static string TenantId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ApiKeyAuthenticationHandler.TenantClaim) ?? throw new InvalidOperationException("An authenticated request has no tenant.");
}

public static class Policies
{
    public const string Submitter = ApiKeyRoles.Submitter;
    public const string Auditor = ApiKeyRoles.Auditor;
    public const string Admin = ApiKeyRoles.Admin;
    public const string PlatformAdmin = ApiKeyRoles.PlatformAdmin;

    /// <summary>Reading a job's result and extracted values: who submitted it or who audits the tenant.</summary>
    public const string JobReader = "job-reader";

    /// <summary>Reading the model registry (shared by every tenant): auditors, admins, platform admins.</summary>
    public const string ModelReader = "model-reader";

    public static void AddApiKeyAuthentication(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        // A tenant's admin can do everything within the tenant; each other role only its own part. What changes every
        // tenant at once (the model registry) needs the platform admin role, which no tenant role implies.
        services.AddAuthorizationBuilder()
            .AddPolicy(Submitter, policy => policy.RequireRole(ApiKeyRoles.Submitter, ApiKeyRoles.Admin))
            .AddPolicy(Auditor, policy => policy.RequireRole(ApiKeyRoles.Auditor, ApiKeyRoles.Admin))
            .AddPolicy(Admin, policy => policy.RequireRole(ApiKeyRoles.Admin))
            .AddPolicy(JobReader, policy => policy.RequireRole(ApiKeyRoles.Submitter, ApiKeyRoles.Auditor, ApiKeyRoles.Admin))
            .AddPolicy(ModelReader, policy => policy.RequireRole(ApiKeyRoles.Auditor, ApiKeyRoles.Admin, ApiKeyRoles.PlatformAdmin))
            .AddPolicy(PlatformAdmin, policy => policy.RequireRole(ApiKeyRoles.PlatformAdmin));
    }
}
