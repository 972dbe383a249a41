using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SpecialistPlatform.Contracts.Audit;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Contracts.Steps;
using SpecialistPlatform.FrontierEscalation.Activities;
using SpecialistPlatform.FrontierEscalation.Extensions;
using SpecialistPlatform.FrontierEscalation.Frontier;
using SpecialistPlatform.Jobs.Audit;
using SpecialistPlatform.Jobs.Pipelines;
using SpecialistPlatform.TestInfrastructure;
using StackExchange.Redis;

namespace SpecialistPlatform.FrontierEscalation.Tests;

/// <summary>
/// The escalation step's batch work (what <see cref="EscalateActivity"/> runs) against the frontier double, a real
/// Redis, and the audit trail's writer on a real Postgres: every paid call ends in an audit record with its cost, and a
/// retried step does not pay again (docs/decisions/0023).
/// </summary>
public sealed class EscalationStepTests(RedisFixture servers) : IAsyncDisposable
{
    private const decimal PricePer1kInput = 0.01m;
    private const decimal PricePer1kOutput = 0.03m;
    private const int PromptTokens = 1000;
    private const int CompletionTokens = 200;
    private const decimal CostOfOneCall = PromptTokens / 1000m * PricePer1kInput + CompletionTokens / 1000m * PricePer1kOutput;
    private const string Email = "jane.doe@example.com";

    private readonly NpgsqlDataSource _database = NpgsqlDataSource.Create(servers.PostgresConnectionString);

    [Fact]
    public async Task An_exception_after_the_paid_call_still_ends_in_an_audit_record_and_the_cost_is_settled()
    {
        await using var frontier = await FakeFrontier.StartAsync();
        frontier.Answers(FakeFrontier.Json(new
        {
            invoice_number = "INV-7", total = "EUR 120.00", due_date = (string?)null, iban = (string?)null, email = "<EMAIL_ADDRESS_1>",
        }), PromptTokens, CompletionTokens);
        await using var provider = Services(frontier);
        var tenant = Tenant();
        // Two placeholders that differ only in case make restoring the answer throw (a dictionary that ignores case
        // refuses the second): a stand-in for any bug that strikes after the frontier has answered and been paid.
        var job = InvoiceJob(tenant) with
        {
            Placeholders = new Dictionary<string, string> { ["<EMAIL_ADDRESS_1>"] = Email, ["<email_address_1>"] = Email },
        };

        var jobs = await Step(provider).RunAsync([job], WriteToTrail, TestContext.Current.CancellationToken);

        var escalation = jobs.ShouldHaveSingleItem().Escalation.ShouldNotBeNull();
        escalation.Escalated.ShouldBeFalse();
        escalation.Reason.ShouldContain("interrupted after 1 answered frontier call(s) (ArgumentException)");
        escalation.Cost.ShouldBe(CostOfOneCall);
        frontier.Requests.Count.ShouldBe(1);
        // The reservation was settled to what the call cost, not left at its worst case or given back.
        (await provider.GetRequiredService<SpendLedger>().SpentAsync(tenant)).Day.ShouldBe(CostOfOneCall);

        var record = (await RecordsAsync(job.JobId)).ShouldHaveSingleItem();
        record["Step"].ShouldBe("escalation");
        record["Decision"].ShouldBe("needs-review");
        record["Model"]!.ShouldContain("fake-frontier-1");
        decimal.Parse(record["Cost"]!, CultureInfo.InvariantCulture).ShouldBe(CostOfOneCall);
        record["SentOutside"]!.ShouldContain("origin=escalation");
        record["SentOutside"]!.ShouldContain($"tokens={PromptTokens}+{CompletionTokens}");
        record["SentOutside"]!.ShouldContain("sha256=");
        record["SentOutside"]!.ShouldContain("bytes=");
        record.Values.ShouldAllBe(value => value == null || !value.Contains("jane", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_step_retried_after_its_audit_send_failed_does_not_call_the_frontier_again_and_sends_the_same_record()
    {
        await using var frontier = await FakeFrontier.StartAsync();
        frontier.Answers(FakeFrontier.Json(new { label = "card_arrival" }), PromptTokens, CompletionTokens);
        await using var provider = Services(frontier);
        var tenant = Tenant();
        BatchedJob[] batch = [ClassifyJob(tenant), ClassifyJob(tenant)];
        var step = Step(provider);
        var sent = new List<IReadOnlyList<RecordAudit>>();

        // The broker is away when the records are sent: the step throws, and MassTransit would run it again.
        await Should.ThrowAsync<InvalidOperationException>(step.RunAsync(batch, records =>
        {
            sent.Add(records);
            throw new InvalidOperationException("the broker is away");
        }, TestContext.Current.CancellationToken));
        frontier.Requests.Count.ShouldBe(2);

        var retried = await step.RunAsync(batch, async records =>
        {
            sent.Add(records);
            await WriteToTrail(records);
        }, TestContext.Current.CancellationToken);

        frontier.Requests.Count.ShouldBe(2);
        retried.ShouldAllBe(job => job.Escalation!.Escalated && job.Escalation.Label == "card_arrival" && job.Escalation.Cost == CostOfOneCall);
        // Paid once per job, and nothing reserved again for the retry.
        (await provider.GetRequiredService<SpendLedger>().SpentAsync(tenant)).Day.ShouldBe(2 * CostOfOneCall);
        sent[1].ShouldBe(sent[0]);
        foreach (var job in batch)
        {
            (await RecordsAsync(job.JobId)).ShouldHaveSingleItem()["Cost"].ShouldBe(CostOfOneCall.ToString("F6", CultureInfo.InvariantCulture));
        }

        // Run once more as if the send had gone through but the step failed after it: the same records again, which
        // the writer already has, so none is written twice.
        var written = -1;
        await step.RunAsync(batch, async records => written = await Writer().AppendAsync(records, TestContext.Current.CancellationToken),
            TestContext.Current.CancellationToken);
        written.ShouldBe(0);
        frontier.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_job_held_for_review_by_moderation_passes_the_step_untouched_and_nothing_is_sent()
    {
        await using var frontier = await FakeFrontier.StartAsync();
        frontier.Answers(FakeFrontier.Json(new { label = "card_arrival" }), PromptTokens, CompletionTokens);
        await using var provider = Services(frontier);
        var tenant = Tenant();
        // Defence in depth: the workflow never puts such a job in an escalation slip, and if one got there anyway the
        // step still does not send it.
        var held = ClassifyJob(tenant) with { ReviewReason = "needs review: moderation flagged jailbreak 0.99" };
        var sentRecords = new List<RecordAudit>();

        var jobs = await Step(provider).RunAsync([held, ClassifyJob(tenant)], records =>
        {
            sentRecords.AddRange(records);
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken);

        jobs[0].ShouldBe(held);
        jobs[1].Escalation!.Escalated.ShouldBeTrue();
        frontier.Requests.Count.ShouldBe(1);
        sentRecords.ShouldHaveSingleItem().JobId.ShouldBe(jobs[1].JobId);
    }

    [Fact]
    public async Task A_job_whose_redacted_text_still_carries_an_address_is_not_sent_and_its_blocked_call_is_recorded_for_review()
    {
        await using var frontier = await FakeFrontier.StartAsync();
        frontier.Answers(FakeFrontier.Json(new { label = "card_arrival" }), PromptTokens, CompletionTokens);
        await using var provider = Services(frontier);
        var tenant = Tenant();
        // A policy let the address through: the compliance step's redaction is not the last line of defence.
        var job = ClassifyJob(tenant) with
        {
            Compliance = new ComplianceResult([new DetectedEntity("EMAIL_ADDRESS", 31, 51, 1.0)], "allow", $"Where is the card you sent me? {Email}"),
        };

        var jobs = await Step(provider).RunAsync([job], WriteToTrail, TestContext.Current.CancellationToken);

        frontier.Requests.ShouldBeEmpty();
        var escalation = jobs.ShouldHaveSingleItem().Escalation.ShouldNotBeNull();
        escalation.Escalated.ShouldBeFalse();
        escalation.Reason.ShouldStartWith("needs review: ");
        escalation.Reason.ShouldContain("EMAIL_ADDRESS");
        escalation.Reason.ShouldNotContain(Email);
        escalation.Cost.ShouldBe(0);
        // Nothing left, so nothing is spent: the reservation was given back.
        (await provider.GetRequiredService<SpendLedger>().SpentAsync(tenant)).Day.ShouldBe(0);

        var record = (await RecordsAsync(job.JobId)).ShouldHaveSingleItem();
        record["Step"].ShouldBe("escalation");
        record["Decision"].ShouldBe("prompt-blocked");
        record["Detail"]!.ShouldContain("EMAIL_ADDRESS");
        record["SentOutside"].ShouldBeNull();
        record.Values.ShouldAllBe(value => value == null || !value.Contains("jane", StringComparison.OrdinalIgnoreCase));
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private async Task WriteToTrail(IReadOnlyList<RecordAudit> records) =>
        await Writer().AppendAsync(records, TestContext.Current.CancellationToken);

    private AuditTrailWriter Writer() =>
        new(_database, new AuditChain(RandomNumberGenerator.GetBytes(32)), NullLogger<AuditTrailWriter>.Instance);

    /// <summary>Every column of the job's audit records, as text, to look for what must not be there.</summary>
    private async Task<List<Dictionary<string, string?>>> RecordsAsync(Guid jobId)
    {
        await using var command = _database.CreateCommand("""SELECT * FROM audit_records WHERE "JobId" = $1""");
        command.Parameters.Add(new NpgsqlParameter { Value = jobId });
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var records = new List<Dictionary<string, string?>>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            records.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName,
                i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)));
        }

        return records;
    }

    private static string Tenant() => "tenant-" + Guid.NewGuid().ToString("N")[..8];

    private static EscalationStep Step(ServiceProvider provider) => provider.GetRequiredService<EscalationStep>();

    private ServiceProvider Services(FakeFrontier frontier) => FrontierServices.Build(servers.ConnectionString, new Dictionary<string, string?>
    {
        ["Frontier:Models:0:Provider"] = "openai",
        ["Frontier:Models:0:Endpoint"] = frontier.Endpoint.ToString(),
        ["Frontier:Models:0:Model"] = "fake-frontier-1",
        ["Frontier:Models:0:ApiKey"] = "sk-test",
        ["Frontier:Models:0:PricePer1kInputTokens"] = PricePer1kInput.ToString(CultureInfo.InvariantCulture),
        ["Frontier:Models:0:PricePer1kOutputTokens"] = PricePer1kOutput.ToString(CultureInfo.InvariantCulture),
        ["Frontier:Models:0:TimeoutSeconds"] = "10",
    });

    private static BatchedJob ClassifyJob(string tenant) => new()
    {
        JobId = Guid.NewGuid(),
        TenantId = tenant,
        Kind = "email",
        Text = "Where is the card you sent me?",
        Compliance = new ComplianceResult([], "none", "Where is the card you sent me?"),
        EscalationReasons = ["intent: confidence 0.31 for 'card_arrival' is below 0.50"],
        Intent = new IntentResult("card_arrival", 0.31, "abc123", false),
        IntentLabels = ["card_arrival", "lost_or_stolen_card", "pending_transfer"],
    };

    private static BatchedJob InvoiceJob(string tenant) => new()
    {
        JobId = Guid.NewGuid(),
        TenantId = tenant,
        Kind = "invoice",
        Text = $"Invoice INV-7, total one hundred twenty euros, contact {Email}.",
        Compliance = new ComplianceResult([new DetectedEntity("EMAIL_ADDRESS", 55, 75, 1.0)], "redact",
            "Invoice INV-7, total one hundred twenty euros, contact <EMAIL_ADDRESS_1>."),
        EscalationReasons = ["extraction: required field(s) missing: total"],
        Extraction = new ExtractionResult("invoice", [], ["total"]),
    };
}
