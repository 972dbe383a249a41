using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Data.Registry;

namespace SpecialistPlatform.Console.Tests;

/// <summary>
/// The console as its users meet it, in Debian's Chromium driven by Playwright, against the whole platform the fixture
/// started: a submitter finds its jobs and their timelines, an auditor filters, exports and verifies the trail, another
/// tenant cannot see this tenant's job, and only a platform admin is offered promotion. Each page's screenshot is saved
/// under the test output's screenshots/ folder.
/// </summary>
public sealed class ConsoleBrowserTests(ConsolePlatformFixture platform)
{
    private const string Ticket = "My card has not arrived yet, it was ordered two weeks ago";

    [Fact]
    public async Task Submitter_finds_submitted_jobs_on_the_jobs_page_with_their_timeline()
    {
        var reference = "console-" + Guid.NewGuid().ToString("N")[..8];
        var first = await platform.SubmitAsync(platform.DevSubmitterKey, "support-ticket", Ticket, reference + "-a");
        var second = await platform.SubmitAsync(platform.DevSubmitterKey, "email", "Please call me back about my statement", reference + "-b");
        await platform.WaitUntilAuditedAsync(platform.DevSubmitterKey, first);
        await platform.WaitUntilAuditedAsync(platform.DevSubmitterKey, second);

        var page = await platform.SignedInPageAsync(platform.DevSubmitterKey);
        await Assertions.Expect(page.GetByTestId("tenant")).ToHaveTextAsync(platform.DevTenant);

        // Searching by client reference finds exactly that job; by kind, the other one is there too.
        await page.GotoAsync($"/Jobs?clientReference={reference}-a");
        var jobs = page.GetByTestId("jobs");
        await Assertions.Expect(jobs).ToContainTextAsync(first.ToString());
        await Assertions.Expect(jobs).Not.ToContainTextAsync(second.ToString());
        await page.GotoAsync("/Jobs?kind=email");
        await Assertions.Expect(page.GetByTestId("jobs")).ToContainTextAsync(second.ToString());
        await Assertions.Expect(page.GetByTestId("jobs")).Not.ToContainTextAsync(first.ToString());
        await page.GotoAsync("/Jobs");
        await Assertions.Expect(page.GetByTestId("jobs")).ToContainTextAsync(first.ToString());
        await platform.ScreenshotAsync(page, "console-jobs");

        // The job's page: its timeline, one row per audit record, and its redacted text.
        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = first.ToString() }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("job-id")).ToHaveTextAsync(first.ToString());
        var timeline = page.GetByTestId("timeline");
        foreach (var step in new[] { "intake", "compliance", "intent", "completion" })
        {
            await Assertions.Expect(timeline.Locator("tbody tr", new LocatorLocatorOptions { HasText = step }).First).ToBeVisibleAsync();
        }

        await Assertions.Expect(timeline).ToContainTextAsync("compliance-checker");
        await Assertions.Expect(page.GetByTestId("redacted-text")).ToContainTextAsync("card");
        await platform.ScreenshotAsync(page, "console-job");

        // A submitter is not an auditor: the audit page is the console's 403 page, saying why.
        var audit = await page.GotoAsync("/Audit");
        audit!.Status.ShouldBe(403);
        await Assertions.Expect(page.GetByTestId("error-title")).ToHaveTextAsync("Not allowed for your role");
        await platform.ScreenshotAsync(page, "console-forbidden");

        // Signing out ends the session: the jobs page now asks to sign in.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/Jobs");
        page.Url.ShouldContain("/SignIn");
        await Assertions.Expect(page.GetByTestId("session-ended")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Auditor_filters_the_trail_exports_it_and_verifies_the_chain()
    {
        var job = await platform.SubmitAsync(ConsolePlatformFixture.DevApiKey, "support-ticket", Ticket);
        await platform.WaitUntilAuditedAsync(ConsolePlatformFixture.DevApiKey, job);

        var page = await platform.SignedInPageAsync(platform.DevAuditorKey);
        await page.GotoAsync("/Audit");
        await page.Locator("input[name=step]").FillAsync("compliance");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Filter" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("step=compliance", StringComparison.Ordinal));
        var steps = await page.GetByTestId("audit-records").Locator("tbody tr td:nth-child(4)").AllInnerTextsAsync();
        steps.ShouldNotBeEmpty();
        steps.ShouldAllBe(step => step == "compliance");

        // The exports hold the filtered trail, every record of it, with the job just run among them.
        var csv = await DownloadAsync(page, "export-csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("sequence,jobId,step,service,model,modelVersion,inputSha256,decision");
        lines.Length.ShouldBeGreaterThan(1);
        lines.Skip(1).ShouldAllBe(line => line.Split(',')[2] == "compliance");
        csv.ShouldContain(job.ToString());

        var jsonLines = (await DownloadAsync(page, "export-jsonl")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        jsonLines.Length.ShouldBe(lines.Length - 1);
        var records = jsonLines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        records.ShouldAllBe(record => record.GetProperty("step").GetString() == "compliance");
        records.ShouldContain(record => record.GetProperty("jobId").GetGuid() == job);
        records.Select(r => r.GetProperty("sequence").GetInt64()).ShouldBe(records.Select(r => r.GetProperty("sequence").GetInt64()).Order());

        // Verification runs over the tenant's whole chain.
        await page.GetByTestId("verify").ClickAsync();
        await Assertions.Expect(page.GetByTestId("verification")).ToContainTextAsync("The chain is intact");
        await platform.ScreenshotAsync(page, "console-audit");

        // The overview: the window's jobs, charted as inline SVG; without a configured frontier model there are no
        // prices, and the savings panel says so instead of inventing a figure.
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByTestId("jobs-submitted")).Not.ToHaveTextAsync("0");
        (await page.Locator("svg").CountAsync()).ShouldBeGreaterThanOrEqualTo(2);
        await Assertions.Expect(page.Locator("svg").First).ToContainTextAsync("support-ticket");
        // Percentiles come from the audit trail's per-day histograms (docs/decisions/0027), and the page says so.
        await Assertions.Expect(page.GetByTestId("latency-note")).ToContainTextAsync("Estimated");
        await Assertions.Expect(page.Locator("svg").Nth(1)).ToContainTextAsync("compliance");
        await Assertions.Expect(page.GetByTestId("savings")).ToContainTextAsync("No frontier model is configured");
        await platform.ScreenshotAsync(page, "console-overview");

        await page.GotoAsync("/Evaluations");
        await Assertions.Expect(page.GetByTestId("evaluation-runs")).ToBeVisibleAsync();
        await platform.ScreenshotAsync(page, "console-evaluations");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Another_tenant_sees_this_tenants_job_exactly_as_a_missing_one()
    {
        var reference = "tenant-a-" + Guid.NewGuid().ToString("N")[..8];
        var job = await platform.SubmitAsync(ConsolePlatformFixture.DevApiKey, "support-ticket", Ticket, reference);
        await platform.WaitUntilAuditedAsync(ConsolePlatformFixture.DevApiKey, job);

        var page = await platform.SignedInPageAsync(platform.OtherTenantKey);
        await Assertions.Expect(page.GetByTestId("tenant")).ToHaveTextAsync(platform.OtherTenant);

        var missing = await page.GotoAsync($"/Jobs/{Guid.NewGuid()}");
        missing!.Status.ShouldBe(404);
        var missingExplanation = await page.GetByTestId("error-explanation").InnerTextAsync();

        var others = await page.GotoAsync($"/Jobs/{job}");
        others!.Status.ShouldBe(404);
        await Assertions.Expect(page.GetByTestId("error-title")).ToHaveTextAsync("Not found");
        (await page.GetByTestId("error-explanation").InnerTextAsync()).ShouldBe(missingExplanation);
        (await page.ContentAsync()).ShouldNotContain("card has not arrived");
        await platform.ScreenshotAsync(page, "console-not-found");

        // Nor does the search find it, by its reference or at all.
        await page.GotoAsync($"/Jobs?clientReference={reference}");
        await Assertions.Expect(page.GetByTestId("no-jobs")).ToBeVisibleAsync();
        await page.GotoAsync("/Jobs");
        await Assertions.Expect(page.GetByTestId("jobs")).Not.ToContainTextAsync(job.ToString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Only_a_platform_admin_is_offered_promotion_and_must_confirm_it()
    {
        var auditor = await platform.SignedInPageAsync(platform.DevAuditorKey);
        await auditor.GotoAsync("/Models");
        // The router's model is registered at the platform's first start, so the registry is not empty.
        await Assertions.Expect(auditor.Locator("table").First).ToBeVisibleAsync();
        await Assertions.Expect(auditor.GetByTestId("promote")).ToHaveCountAsync(0);
        await Assertions.Expect(auditor.GetByTestId("rollback")).ToHaveCountAsync(0);
        await Assertions.Expect(auditor.GetByText("Only a platform admin may promote, roll back or set a canary share.")).ToBeVisibleAsync();
        await platform.ScreenshotAsync(auditor, "console-models-auditor");
        await auditor.Context.CloseAsync();

        // The development key holds platform-admin: it is offered the change, and asked to confirm before anything happens.
        var admin = await platform.SignedInPageAsync(ConsolePlatformFixture.DevApiKey);
        await admin.GotoAsync("/Models");
        var offers = admin.GetByTestId("rollback").Or(admin.GetByTestId("promote"));
        (await offers.CountAsync()).ShouldBeGreaterThan(0);
        await offers.First.ClickAsync();
        await Assertions.Expect(admin.GetByTestId("confirm-change")).ToBeVisibleAsync();
        await Assertions.Expect(admin.GetByTestId("confirm")).ToBeVisibleAsync();
        await platform.ScreenshotAsync(admin, "console-models-confirm");
        await admin.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Cancel" }).ClickAsync();
        await Assertions.Expect(admin.GetByTestId("confirm-change")).ToHaveCountAsync(0);
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task Only_a_platform_admin_sets_the_canary_share_after_confirming_and_shadow_agreement_is_charted()
    {
        // A model no service follows, with a shadow and a day of its agreement windows as the services write them.
        var name = $"m{Guid.NewGuid():N}"[..10];
        const string task = "console-test";
        string shadow;
        await using (var db = platform.AdminDb())
        {
            var registry = new ModelRegistry(db);
            var active = (await registry.RegisterActiveAsync(task, name, RandomNumberGenerator.GetBytes(64), "{}", null, null, CancellationToken.None)).Promoted;
            var registered = await registry.RegisterAsync(task, name, RandomNumberGenerator.GetBytes(64), "{}", null, null, CancellationToken.None);
            shadow = (await registry.PromoteAsync(task, name, registered.Version, ModelStatus.Shadow, CancellationToken.None)).Promoted.Version;
            var start = DateTimeOffset.UtcNow.AddHours(-24);
            for (var hour = 0; hour < 24; hour++)
            {
                await registry.RecordShadowAsync(new ShadowComparison
                {
                    ActiveModelId = active.Id, ShadowModelId = registered.Id,
                    WindowStart = start.AddHours(hour), WindowEnd = start.AddHours(hour).AddSeconds(5),
                    Compared = 100, Agreed = 80 + hour % 15,
                }, CancellationToken.None);
            }
        }

        // A tenant's auditor sees the agreement chart, not the control.
        var auditor = await platform.SignedInPageAsync(platform.DevAuditorKey);
        await auditor.GotoAsync("/Models");
        var chart = auditor.GetByTestId($"shadow-agreement-{task}-{name}").Locator("svg");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        await Assertions.Expect(chart.Locator("polyline")).ToHaveCountAsync(1);
        await Assertions.Expect(chart).ToContainTextAsync(shadow);
        await Assertions.Expect(auditor.GetByTestId("canary-share-form")).ToHaveCountAsync(0);
        await platform.ScreenshotAsync(auditor, "console-models-agreement-auditor");
        await auditor.Context.CloseAsync();

        // The platform admin gets the control on the shadow's row; nothing changes before the confirmation.
        var admin = await platform.SignedInPageAsync(ConsolePlatformFixture.DevApiKey);
        await admin.GotoAsync("/Models");
        var models = admin.GetByTestId($"model-{task}-{name}");
        await Assertions.Expect(models.GetByTestId("canary-share-now")).ToHaveTextAsync("canary: as configured");
        await models.GetByTestId("canary-share").FillAsync("25");
        await models.GetByTestId("set-canary-share").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("confirm-canary-share")).ToContainTextAsync("25% of jobs as a canary");
        await platform.ScreenshotAsync(admin, "console-models-canary-confirm");
        await using (var db = platform.AdminDb())
        {
            (await db.ModelVersions.AsNoTracking().SingleAsync(m => m.Task == task && m.Name == name && m.Version == shadow, TestContext.Current.CancellationToken)).CanaryShare.ShouldBeNull();
        }

        await admin.GetByTestId("confirm").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("model-change-done")).ToContainTextAsync("25% of jobs as a canary");
        await Assertions.Expect(admin.GetByTestId($"model-{task}-{name}").GetByTestId("canary-share-now")).ToHaveTextAsync("canary: 25.0%");
        await platform.ScreenshotAsync(admin, "console-models-canary-set");
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task A_missing_session_or_an_unknown_key_leads_to_sign_in()
    {
        var context = await platform.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = platform.ConsoleUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Audit?step=compliance");
        page.Url.ShouldContain("/SignIn");
        await Assertions.Expect(page.GetByTestId("session-ended")).ToBeVisibleAsync();

        await page.GetByLabel("API key").FillAsync("sp_not_a_key_of_anyone_0000000000000000");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation")).ToContainTextAsync("The gateway does not accept this key");
        await platform.ScreenshotAsync(page, "console-sign-in");

        // A real key then lands where the user was going.
        await page.GetByLabel("API key").FillAsync(platform.DevAuditorKey);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Audit", StringComparison.Ordinal));
        page.Url.ShouldContain("step=compliance");
        (await page.ContentAsync()).ShouldNotContain(platform.DevAuditorKey);
        await context.CloseAsync();
    }

    private static async Task<string> DownloadAsync(IPage page, string testId)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(testId).ClickAsync());
        var path = await download.PathAsync();
        return await File.ReadAllTextAsync(path);
    }
}
