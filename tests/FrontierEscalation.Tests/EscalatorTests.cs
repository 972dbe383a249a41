using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.FrontierEscalation.Extensions;
using SpecialistPlatform.FrontierEscalation.Frontier;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.TestInfrastructure;
using StackExchange.Redis;

namespace SpecialistPlatform.FrontierEscalation.Tests;

/// <summary>The escalation step against an OpenAI-compatible server started in process and a real Redis.</summary>
public sealed class EscalatorTests(RedisFixture redis)
{
    private static readonly string[] Labels = ["card_arrival", "lost_or_stolen_card", "pending_transfer"];

    [Fact]
    public async Task Sends_only_redacted_text_and_restores_placeholders_in_the_extracted_fields()
    {
        await using var frontier = await FakeFrontier.StartAsync();
        frontier.Answers(FakeFrontier.Json(new
        {
            invoice_number = "INV-7", total = "EUR 120.00", due_date = (string?)null, iban = "<IBAN_CODE_1>", email = "<EMAIL_ADDRESS_1>",
        }));
        await using var provider = Services(Model(frontier));

        var (result, sentOutside) = await Escalator(provider).EscalateAsync(InvoiceJob(Tenant()), TestContext.Current.CancellationToken);

        result.Escalated.ShouldBeTrue(result.Reason);
        result.Fields!["email"].ShouldBe("jane.doe@example.com");
        result.Fields["iban"].ShouldBe("GB82 WEST 1234 5698 7654 32");
        result.Fields["total"].ShouldBe("EUR 120.00");
        var sent = frontier.Requests.ShouldHaveSingleItem();
        sent.ShouldNotContain("jane.doe@example.com");
        sent.ShouldNotContain("GB82 WEST");
        sent.ShouldContain("<EMAIL_ADDRESS_1>");
        sent.ShouldContain("json_schema");
        sentOutside!.ShouldContain("sha256=");
        sentOutside!.ShouldContain("tokens=100+10");
    }

    [Fact]
    public async Task Retries_a_429_and_counts_the_cost_of_the_answer()
    {
        await using var frontier = await FakeFrontier.StartAsync();
        frontier.Fails(429).Answers(FakeFrontier.Json(new { label = "card_arrival" }), promptTokens: 1000, completionTokens: 200);
        await using var provider = Services(Model(frontier, input: 0.01m, output: 0.03m));
        var tenant = Tenant();

        var (result, _) = await Escalator(provider).EscalateAsync(ClassifyJob(tenant), TestContext.Current.CancellationToken);

        result.Escalated.ShouldBeTrue(result.Reason);
        result.Label.ShouldBe("card_arrival");
        frontier.Requests.Count.ShouldBe(2);
        result.Cost.ShouldBe(1000 / 1000m * 0.01m + 200 / 1000m * 0.03m);
        (await provider.GetRequiredService<SpendLedger>().SpentAsync(tenant)).Day.ShouldBe(result.Cost);
    }

    [Fact]
    public async Task An_invalid_label_gets_one_retry_with_the_error_then_needs_review()
    {
        await using var frontier = await FakeFrontier.StartAsync();
        frontier.Answers(FakeFrontier.Json(new { label = "refund_request" }));
        await using var provider = Services(Model(frontier, input: 0.01m, output: 0.01m));
        var tenant = Tenant();

        var (result, _) = await Escalator(provider).EscalateAsync(ClassifyJob(tenant), TestContext.Current.CancellationToken);

        result.Escalated.ShouldBeFalse();
        result.Reason.ShouldContain("invalid twice");
        result.Reason.ShouldContain("refund_request");
        frontier.Requests.Count.ShouldBe(2);
        frontier.Requests.Last().ShouldContain("not valid");
        // Both calls were paid for, and the tenant's ledger says so.
        result.Cost.ShouldBe(2 * (100 / 1000m * 0.01m + 10 / 1000m * 0.01m));
        (await provider.GetRequiredService<SpendLedger>().SpentAsync(tenant)).Day.ShouldBe(result.Cost);
    }

    [Fact]
    public async Task A_tenant_over_its_daily_budget_is_not_sent_and_needs_review()
    {
        await using var frontier = await FakeFrontier.StartAsync();
        frontier.Answers(FakeFrontier.Json(new { label = "card_arrival" }), promptTokens: 1000, completionTokens: 300);
        var tenant = Tenant();
        var model = Model(frontier, input: 0.01m, output: 0.03m);
        // Room for one worst case and a cent: after the first call settles at 0.019, the second's worst case no longer fits.
        var budget = await WorstCaseOfClassifyingAsync(model) + 0.01m;
        await using var provider = Services(model, Budget(tenant, budget));
        var escalator = Escalator(provider);

        var first = (await escalator.EscalateAsync(ClassifyJob(tenant), TestContext.Current.CancellationToken)).Result;
        var second = (await escalator.EscalateAsync(ClassifyJob(tenant), TestContext.Current.CancellationToken)).Result;

        first.Escalated.ShouldBeTrue(first.Reason);
        second.Escalated.ShouldBeFalse();
        second.Reason.ShouldContain("over budget");
        frontier.Requests.Count.ShouldBe(1);
        // The reservation was settled to what the call cost.
        (await provider.GetRequiredService<SpendLedger>().SpentAsync(tenant)).Day.ShouldBe(first.Cost);
    }

    [Fact]
    public async Task A_hundred_concurrent_escalations_never_spend_past_a_budget_that_fits_ten()
    {
        await using var frontier = await FakeFrontier.StartAsync();
        frontier.Answers(FakeFrontier.Json(new { label = "card_arrival" }), promptTokens: 1000, completionTokens: 300);
        var tenant = Tenant();
        var model = Model(frontier, input: 0.01m, output: 0.03m);
        var budget = 10 * await WorstCaseOfClassifyingAsync(model);
        await using var provider = Services(model, Budget(tenant, budget));
        var escalator = Escalator(provider);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var escalations = Enumerable.Range(0, 100).Select(async _ =>
        {
            await start.Task;
            return (await escalator.EscalateAsync(ClassifyJob(tenant), TestContext.Current.CancellationToken)).Result;
        }).ToList();

        start.SetResult();
        var results = await Task.WhenAll(escalations);

        var sent = results.Where(r => r.Escalated).ToList();
        // Every worst case fits ten times; settled calls give back room, so more may go, but never past the budget.
        sent.Count.ShouldBeGreaterThanOrEqualTo(10);
        sent.Count.ShouldBeLessThan(100);
        frontier.Requests.Count.ShouldBe(sent.Count);
        results.Where(r => !r.Escalated).ShouldAllBe(r => r.Reason!.Contains("over budget"));
        var spent = (await provider.GetRequiredService<SpendLedger>().SpentAsync(tenant)).Day;
        spent.ShouldBe(sent.Sum(r => r.Cost));
        spent.ShouldBeLessThanOrEqualTo(budget);
    }

    [Fact]
    public async Task Redis_away_fails_the_batch_before_anything_is_sent_so_the_step_retries_it()
    {
        await using var frontier = await FakeFrontier.StartAsync();
        frontier.Answers(FakeFrontier.Json(new { label = "card_arrival" }));
        var tenant = Tenant();
        // A port nothing listens on: what the escalation step sees while Redis restarts.
        await using var provider = Services(redisConnection: $"127.0.0.1:{UnusedPort()},abortConnect=false,connectTimeout=300,syncTimeout=500,asyncTimeout=500",
            settings: [Model(frontier)]);

        var reserving = Escalator(provider).ReserveAsync([ClassifyJob(tenant), ClassifyJob(tenant)]);

        var thrown = await Should.ThrowAsync<Exception>(reserving);
        (thrown is RedisException or TimeoutException).ShouldBeTrue(thrown.ToString());
        frontier.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Falls_back_to_the_next_model_when_the_first_keeps_failing()
    {
        await using var broken = await FakeFrontier.StartAsync();
        broken.Fails(503);
        await using var healthy = await FakeFrontier.StartAsync();
        healthy.Answers(FakeFrontier.Json(new { label = "pending_transfer" }), model: "backup-model");
        await using var provider = Services(Model(broken, name: "primary", retries: 1), Model(healthy, name: "backup-model", index: 1));

        var (result, sentOutside) = await Escalator(provider).EscalateAsync(ClassifyJob(Tenant()), TestContext.Current.CancellationToken);

        result.Escalated.ShouldBeTrue(result.Reason);
        result.Label.ShouldBe("pending_transfer");
        result.Model.ShouldBe("openai:backup-model");
        broken.Requests.Count.ShouldBe(2);
        sentOutside.ShouldNotBeNull();
        sentOutside.ShouldContain("backup-model");
        // The failed attempt is listed beside the one that answered: the text may have reached the primary too.
        sentOutside.ShouldContain("origin=escalation");
        sentOutside.ShouldContain("failed=1 [");
        sentOutside.ShouldContain("HTTP 503");
    }

    [Fact]
    public async Task Cancelled_while_a_request_is_under_way_the_answered_call_is_still_reported_and_the_budget_keeps_its_worst_case()
    {
        await using var frontier = await FakeFrontier.StartAsync();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        // The first answer is invalid, so the label is asked again; the service stops while that second request is out.
        frontier.Answers(FakeFrontier.Json(new { label = "refund_request" })).AnswersFrom(_ =>
        {
            stopping.Cancel();
            Thread.Sleep(1000);
            return FakeFrontier.Json(new { label = "card_arrival" });
        });
        var model = Model(frontier, input: 0.01m, output: 0.01m);
        await using var provider = Services(model);
        var tenant = Tenant();

        var (result, sentOutside) = await Escalator(provider).EscalateAsync(ClassifyJob(tenant), stopping.Token);

        result.Escalated.ShouldBeFalse();
        result.Reason.ShouldContain("interrupted after 1 answered frontier call(s)");
        result.Reason.ShouldContain("its cost is unknown");
        result.Cost.ShouldBe(100 / 1000m * 0.01m + 10 / 1000m * 0.01m);
        sentOutside.ShouldNotBeNull();
        sentOutside.ShouldContain("interrupted=request-under-way");
        sentOutside.ShouldContain("calls=1");
        frontier.Requests.Count.ShouldBe(2);
        // What the request under way will be billed is unknown: the reservation is not settled down to the known cost.
        (await provider.GetRequiredService<SpendLedger>().SpentAsync(tenant)).Day.ShouldBe(await WorstCaseOfClassifyingAsync(model));
    }

    [Fact]
    public async Task Without_a_configured_model_nothing_is_sent_and_the_job_needs_review()
    {
        await using var provider = Services();

        var (result, sentOutside) = await Escalator(provider).EscalateAsync(ClassifyJob(Tenant()), TestContext.Current.CancellationToken);

        result.Escalated.ShouldBeFalse();
        result.Reason.ShouldContain("no frontier model is configured");
        sentOutside.ShouldBeNull();
    }

    private static string Tenant() => "tenant-" + Guid.NewGuid().ToString("N")[..8];

    private static Escalator Escalator(ServiceProvider provider) => provider.GetRequiredService<Escalator>();

    private static Dictionary<string, string?> Model(FakeFrontier frontier, string name = "fake-frontier-1", decimal input = 0, decimal output = 0,
        int retries = 2, int index = 0) => new()
    {
        [$"Frontier:Models:{index}:Provider"] = "openai",
        [$"Frontier:Models:{index}:Endpoint"] = frontier.Endpoint.ToString(),
        [$"Frontier:Models:{index}:Model"] = name,
        [$"Frontier:Models:{index}:ApiKey"] = "sk-test",
        [$"Frontier:Models:{index}:PricePer1kInputTokens"] = input.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Frontier:Models:{index}:PricePer1kOutputTokens"] = output.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Frontier:Models:{index}:Retries"] = retries.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Frontier:Models:{index}:TimeoutSeconds"] = "10",
    };

    private async Task<decimal> WorstCaseOfClassifyingAsync(Dictionary<string, string?> model)
    {
        await using var provider = Services(model);
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SpecialistPlatform.Frontier.FrontierOptions>>().Value;
        return provider.GetRequiredService<SpecialistPlatform.Frontier.FrontierChain>().WorstCaseCost(
            SpecialistPlatform.Frontier.FrontierTask.Classify(Labels, "email"), ClassifyJob("any").Compliance.RedactedText, options.MaxOutputTokens);
    }

    private static Dictionary<string, string?> Budget(string tenant, decimal daily) => new()
    {
        [$"Frontier:TenantBudgets:{tenant}:Daily"] = daily.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private ServiceProvider Services(params Dictionary<string, string?>[] settings) => Services(redis.ConnectionString, settings);

    private static ServiceProvider Services(string redisConnection, params Dictionary<string, string?>[] settings) =>
        FrontierServices.Build(redisConnection, settings.SelectMany(s => s));

    private static Escalate ClassifyJob(string tenant) => new()
    {
        JobId = Guid.NewGuid(),
        TenantId = tenant,
        Kind = "email",
        Compliance = new ComplianceResult([], "none", "Where is the card you sent me?"),
        EscalationReasons = ["intent: confidence 0.31 for 'card_arrival' is below 0.50"],
        Intent = new IntentResult("card_arrival", 0.31, "abc123", false),
        IntentLabels = Labels,
    };

    private static Escalate InvoiceJob(string tenant) => new()
    {
        JobId = Guid.NewGuid(),
        TenantId = tenant,
        Kind = "invoice",
        Compliance = new ComplianceResult(
            [new DetectedEntity("EMAIL_ADDRESS", 40, 60, 1.0), new DetectedEntity("IBAN_CODE", 70, 97, 1.0)], "redact",
            "Invoice INV-7, total one hundred twenty euros, contact <EMAIL_ADDRESS_1>, pay to <IBAN_CODE_1>."),
        EscalationReasons = ["extraction: required field(s) missing: total"],
        Extraction = new ExtractionResult("invoice", [], ["total"]),
        Placeholders = new Dictionary<string, string>
        {
            ["<EMAIL_ADDRESS_1>"] = "jane.doe@example.com",
            ["<IBAN_CODE_1>"] = "GB82 WEST 1234 5698 7654 32",
        },
    };
}
