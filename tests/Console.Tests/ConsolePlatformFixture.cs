using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.Data;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Keys;
using SpecialistPlatform.TestInfrastructure;

[assembly: AssemblyFixture(typeof(SpecialistPlatform.Console.Tests.ConsolePlatformFixture))]

namespace SpecialistPlatform.Console.Tests;

/// <summary>
/// The whole platform with its console, once for the assembly (the real AppHost, its private servers, every service as
/// its own process), keys for two tenants in the roles the tests sign in with, and Debian's Chromium driven by
/// Playwright. Everything it starts it stops.
/// </summary>
public sealed class ConsolePlatformFixture : IAsyncLifetime
{
    public const string DevApiKey = "sp_test_console_dev_key_0123456789abcdefgh";
    public static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private PlatformApp? _platform;
    private IPlaywright? _playwright;

    public PlatformApp Platform => _platform ?? throw new InvalidOperationException("The platform is not started.");
    public IBrowser Browser { get; private set; } = null!;
    public HttpClient Gateway { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
    public string ConsoleUrl { get; private set; } = "";

    /// <summary>The development tenant's keys, one role each; and a second tenant's key with every tenant role.</summary>
    public string DevSubmitterKey { get; } = ApiKeys.Generate();
    public string DevAuditorKey { get; } = ApiKeys.Generate();
    public string OtherTenantKey { get; } = ApiKeys.Generate();
    public string OtherTenant { get; } = "console-b-" + Guid.NewGuid().ToString("N")[..6];
    public string DevTenant { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var chromium = await DebianChromium.RequireAsync(CancellationToken.None);
        Directory.CreateDirectory(Screenshots);
        _platform = await PlatformApp.StartAsync(new PlatformAppOptions { DevApiKey = DevApiKey, Console = true }, CancellationToken.None);
        Gateway.BaseAddress = Platform.ServiceUrl(ResourceNames.Services.Gateway);
        ConsoleUrl = Platform.ServiceUrl(ResourceNames.Services.Console).ToString().TrimEnd('/');

        await using (var db = AdminDb())
        {
            DevTenant = await db.ApiKeys.Where(k => k.KeyHash == ApiKeys.Hash(DevApiKey)).Select(k => k.TenantId).SingleAsync();
            await ApiKeys.EnsureAsync(db, DevTenant, DevTenant, DevSubmitterKey, [ApiKeyRoles.Submitter], CancellationToken.None);
            await ApiKeys.EnsureAsync(db, DevTenant, DevTenant, DevAuditorKey, [ApiKeyRoles.Auditor], CancellationToken.None);
            await ApiKeys.EnsureAsync(db, OtherTenant, "Console tenant B", OtherTenantKey,
                [ApiKeyRoles.Submitter, ApiKeyRoles.Auditor, ApiKeyRoles.Admin], CancellationToken.None);
        }

        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = DebianChromium.Arguments,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        Gateway.Dispose();
        if (_platform is not null)
        {
            await _platform.DisposeAsync();
        }
    }

    public PlatformDbContext AdminDb() => new(new DbContextOptionsBuilder<PlatformDbContext>()
        .UseNpgsql(Platform.ConnectionStringAsync(ResourceNames.ConnectionStrings.DatabaseOwner).GetAwaiter().GetResult()).Options);

    /// <summary>A new browser context (its own cookies) on a page that has signed in to the console with <paramref name="apiKey"/>.</summary>
    public async Task<IPage> SignedInPageAsync(string apiKey)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = ConsoleUrl,
            ViewportSize = new ViewportSize { Width = 1500, Height = 1000 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        // Pages wait on the gateway, which shares two cores with a whole platform: wait for what a user would see.
        page.SetDefaultTimeout(30_000);
        await page.GotoAsync("/SignIn");
        await page.GetByLabel("API key").FillAsync(apiKey);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/SignIn", StringComparison.Ordinal));
        return page;
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async Task<Guid> SubmitAsync(string apiKey, string kind, string text, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs") { Content = JsonContent.Create(new { kind, text }) };
        request.Headers.Add("X-Api-Key", apiKey);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await Gateway.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe(202, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("jobId").GetGuid();
    }

    /// <summary>Polls until the job has finished and its completion record is in the trail (audit writes are batched).</summary>
    public async Task WaitUntilAuditedAsync(string apiKey, Guid id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/jobs/{id}/timeline");
            request.Headers.Add("X-Api-Key", apiKey);
            using var response = await Gateway.SendAsync(request);
            if (response.IsSuccessStatusCode
                && JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
                    .Any(entry => entry.GetProperty("step").GetString() == "completion"))
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Job {id} has no completion record after 90 s.\n{await Platform.DescribeAsync()}");
    }
}
