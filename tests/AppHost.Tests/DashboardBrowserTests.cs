using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpecialistPlatform.Contracts;
using SpecialistPlatform.TestInfrastructure;

namespace SpecialistPlatform.AppHost.Tests;

/// <summary>
/// The Aspire dashboard as a developer sees it, in a real browser (Debian's Chromium driven by Playwright): log in with
/// the token link, see every resource running, and find one submitted job as one trace whose spans come from the
/// gateway, the workflow and the steps. Screenshots are saved under the test output's screenshots/ folder.
/// </summary>
public sealed class DashboardBrowserTests
{
    private const string DevApiKey = "sp_test_dashboard_key_0123456789abcdefghij";
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task Dashboard_shows_every_resource_running_and_a_job_as_one_trace_across_the_services()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var chromium = await DebianChromium.RequireAsync(cancellationToken);
        Directory.CreateDirectory(Screenshots);

        await using var platform = await PlatformApp.StartAsync(new PlatformAppOptions { Dashboard = true, DevApiKey = DevApiKey }, cancellationToken);

        // A support ticket runs compliance, intent and extraction. The request carries a trace id of our own, so the
        // test knows which trace to open.
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using (var http = new HttpClient { BaseAddress = platform.ServiceUrl(ResourceNames.Services.Gateway) })
        using (var submit = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs")
               {
                   Content = JsonContent.Create(new { kind = "support-ticket", text = "My card has not arrived yet, it was ordered two weeks ago" }),
               })
        {
            submit.Headers.Add("X-Api-Key", DevApiKey);
            submit.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            using var accepted = await http.SendAsync(submit, cancellationToken);
            ((int)accepted.StatusCode).ShouldBe(202, await accepted.Content.ReadAsStringAsync(cancellationToken));
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = DebianChromium.Arguments,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        // The dashboard fills its grid from a stream after the page loads; on two cores shared with a whole platform (and
        // in CI with a second one) that took longer than Playwright's 5 s default. A wait for what a user would see, not
        // a timing claim.
        page.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(60_000);

        // The login link carries the browser token; it lands on the resources page.
        var login = await platform.DashboardLoginUrlAsync(cancellationToken);
        await page.GotoAsync(login.ToString());
        // Each resource's own row, found by its name cell ("Project: gateway", "Executable: redis"), must show its state:
        // the migration step has finished, everything else runs. Matching the first "Running" text anywhere on the page
        // was not enough: the page also holds hidden copies of the state names (the state filter), and which comes first
        // in the DOM varies from load to load.
        string[] running = [.. ResourceNames.Services.All, ResourceNames.Servers.Postgres, ResourceNames.Servers.Redis,
            ResourceNames.Servers.RabbitMq, ResourceNames.Servers.RabbitMqEpmd];
        foreach (var resource in running)
        {
            await Assertions.Expect(ResourceRow(page, resource).GetByRole(AriaRole.Gridcell, new LocatorGetByRoleOptions { Name = "Running", Exact = true }))
                .ToBeVisibleAsync();
        }

        await Assertions.Expect(ResourceRow(page, ResourceNames.Services.DatabaseMigrations)).ToContainTextAsync("Finished");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "dashboard-resources.png"), FullPage = true });
        var resourcesText = await page.InnerTextAsync("body");
        resourcesText.ShouldNotContain("Unhealthy");
        resourcesText.ShouldNotContain("Failed to start");

        // Telemetry is exported in batches: reload the trace until the spans of at least four services are in.
        string[] expected = [ResourceNames.Services.Gateway, ResourceNames.Services.Workflow, ResourceNames.Services.ComplianceChecker,
            ResourceNames.Services.IntentClassifier, ResourceNames.Services.Extraction];
        var traceUrl = new Uri(new Uri(login.GetLeftPart(UriPartial.Authority)), $"/traces/detail/{traceId}").ToString();
        string[] seen = [];
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            await page.GotoAsync(traceUrl);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var text = await page.InnerTextAsync("body");
            seen = [.. expected.Where(service => text.Contains(service, StringComparison.Ordinal))];
            if (seen.Length == expected.Length)
            {
                break;
            }

            await Task.Delay(2000, cancellationToken);
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "dashboard-job-trace.png"), FullPage = true });
        seen.Length.ShouldBeGreaterThanOrEqualTo(4, $"services with spans in trace {traceId}: {string.Join(", ", seen)}");
    }

    /// <summary>The resources grid's row whose name cell reads "{type}: {name}".</summary>
    private static ILocator ResourceRow(IPage page, string name) =>
        page.GetByRole(AriaRole.Row).Filter(new LocatorFilterOptions
        {
            Has = page.GetByRole(AriaRole.Gridcell, new PageGetByRoleOptions { NameRegex = new Regex($"^\\w+: {Regex.Escape(name)}$") }),
        });
}
