using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Console.Gateway;
using SpecialistPlatform.Console.Sessions;

namespace SpecialistPlatform.Console.Extensions;

/// <summary>The console: Razor Pages behind a cookie session, every figure read from the gateway with the session's key.</summary>
public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions();

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<SessionApiKeyHandler>();
        builder.Services.AddHttpClient<GatewayClient>((services, http) =>
                http.BaseAddress = services.GetRequiredService<IOptions<ConsoleOptions>>().Value.GatewayAddress)
            .AddHttpMessageHandler<SessionApiKeyHandler>();
        // Exports stream for as long as the trail is long: no retry (a half-sent body cannot be resent) and no timeout
        // beyond the browser's own. (RemoveAllResilienceHandlers is marked experimental; it is the only way to take
        // ServiceDefaults' standard handler off one client.)
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(GatewayClient.StreamingClient, (services, http) =>
            {
                http.BaseAddress = services.GetRequiredService<IOptions<ConsoleOptions>>().Value.GatewayAddress;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RemoveAllResilienceHandlers()
            .AddHttpMessageHandler<SessionApiKeyHandler>();
#pragma warning restore EXTEXP0001

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "specialist-console";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = "/SignIn";
                cookie.LogoutPath = "/SignOut";
                cookie.AccessDeniedPath = "/Errors/403";
                cookie.ExpireTimeSpan = options.SessionIdleTimeout;
                cookie.SlidingExpiration = true;
            });
        builder.Services.AddAuthorization();
        builder.Services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/");
            pages.Conventions.AllowAnonymousToPage("/SignIn");
            pages.Conventions.AllowAnonymousToFolder("/Errors");
        });
    }
}
