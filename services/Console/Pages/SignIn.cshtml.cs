using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SpecialistPlatform.Console.Gateway;
using SpecialistPlatform.Console.Sessions;

namespace SpecialistPlatform.Console.Pages;

/// <summary>Exchanges an API key for a cookie session: the gateway says whether it knows the key, and whose it is.</summary>
public sealed class SignInModel(GatewayClient gateway) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter an API key.")]
    public string ApiKey { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Expired { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var session = await gateway.GetSessionAsync(ApiKey.Trim(), cancellationToken);
        if (session is null)
        {
            ModelState.AddModelError(nameof(ApiKey), "The gateway does not accept this key: it is unknown, revoked or expired.");
            return Page();
        }

        var claims = new List<Claim>
        {
            new(ConsoleClaims.ApiKey, ApiKey.Trim()),
            new(ConsoleClaims.Tenant, session.Tenant),
            new(ConsoleClaims.KeyName, session.KeyName),
            new(ClaimTypes.Name, $"{session.Tenant}/{session.KeyName}"),
        };
        claims.AddRange(session.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
