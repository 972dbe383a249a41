namespace SpecialistPlatform.Console.Sessions;

/// <summary>Puts the signed-in session's API key on every call to the gateway, so the gateway decides what the user
/// may see exactly as it would for the key itself.</summary>
public sealed class SessionApiKeyHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>Set on a request by sign-in, which checks a key before there is a session to carry it.</summary>
    public static readonly HttpRequestOptionsKey<string> ExplicitKey = new("console-api-key");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = request.Options.TryGetValue(ExplicitKey, out var given) ? given : accessor.HttpContext?.User.ApiKeyOf();
        if (key is not null)
        {
            request.Headers.Remove(HeaderName);
            request.Headers.Add(HeaderName, key);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
