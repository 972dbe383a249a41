using System.Text.Json;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>Jobs of each kind through every service to their final state, with their audit trail.</summary>
[Collection(ServingIntentModel.Name)]
public sealed class JobFlowTests(PlatformFixture platform)
{
    [Fact]
    public async Task Support_ticket_is_redacted_routed_extracted_and_audited()
    {
        var id = await platform.SubmitAsync("support-ticket",
            "I don't recognise a card payment of £20.50 from yesterday on card 4111 1111 1111 1111, please email me at jane.doe@example.com");

        var job = await platform.WaitForJobAsync(id);

        job.GetProperty("status").GetString().ShouldBeOneOf(["Completed", "NeedsReview"], job.ToString());
        var result = job.GetProperty("result");
        var compliance = result.GetProperty("compliance");
        compliance.GetProperty("redactedText").GetString()!.ShouldNotContain("4111 1111 1111 1111");
        compliance.GetProperty("redactedText").GetString()!.ShouldNotContain("jane.doe@example.com");
        compliance.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("type").GetString())
            .ShouldBe(["CREDIT_CARD", "EMAIL_ADDRESS"], ignoreOrder: true);

        var intent = result.GetProperty("intent");
        // Which label the router picks for this noisy text is the model's business (measured by `specialist eval intent`);
        // the pipeline's is that a label from the served model, with its version, reaches the result and the audit.
        var label = intent.GetProperty("label").GetString();
        label.ShouldNotBeNullOrEmpty();
        intent.GetProperty("modelVersion").GetString().ShouldNotBeNullOrEmpty();

        var fields = result.GetProperty("extraction").GetProperty("fields").EnumerateArray().ToList();
        var amount = fields.Single(f => f.GetProperty("name").GetString() == "amount");
        amount.GetProperty("value").GetProperty("amount").GetDecimal().ShouldBe(20.50m);
        amount.GetProperty("value").GetProperty("currency").GetString().ShouldBe("GBP");

        var completed = job.GetProperty("status").GetString() == "Completed";
        var audit = await platform.WaitForAuditAsync(id, completed ? [] : ["escalation"]);
        audit.Select(r => r.GetProperty("step").GetString()).ShouldBe(
            completed
                ? ["intake", "compliance", "moderation", "intent", "extraction", "completion"]
                : ["intake", "compliance", "moderation", "intent", "extraction", "escalation", "completion"],
            ignoreOrder: true);
        // The gateway's dispatcher started the routing slip itself; the steps' records rode the slip to the workflow.
        audit.Single(r => r.GetProperty("step").GetString() == "intake").GetProperty("service").GetString().ShouldBe("gateway");
        var complianceRecord = audit.Single(r => r.GetProperty("step").GetString() == "compliance");
        complianceRecord.GetProperty("service").GetString().ShouldBe("compliance-checker");
        complianceRecord.GetProperty("redacted").GetString()!.ShouldContain("CREDIT_CARD:1");
        audit.Single(r => r.GetProperty("step").GetString() == "intent").GetProperty("decision").GetString().ShouldBe(label);
        audit.ShouldAllBe(r => r.GetProperty("hash").GetString()!.Length == 64);
    }

    [Fact]
    public async Task Jobs_submitted_together_share_routing_slips_and_each_ends_on_its_own()
    {
        // Routine, blocked (a US SSN under the dev tenant's email policy) and out-of-scope jobs submitted at once: they
        // travel in shared slips, yet the blocked one fails alone at compliance, the unsure one alone goes on to
        // escalation, and every job gets each step's record exactly once.
        var texts = Enumerable.Range(0, 24).Select(i => (i % 8) switch
        {
            3 => "Please update my records, my SSN is 536-22-8726.",
            6 => "What is the best recipe for a chocolate cake with strawberries?",
            _ => $"My card payment number {i} was declined at the shop this morning",
        }).ToList();
        var ids = await Task.WhenAll(texts.Select(text => platform.SubmitAsync("email", text)));

        var jobs = await Task.WhenAll(ids.Select(id => platform.WaitForJobAsync(id)));
        var trails = await Task.WhenAll(ids.Select((id, i) => platform.WaitForAuditAsync(id, i % 8 == 6 ? ["escalation"] : [])));

        var slipSizes = new List<int>();
        for (var i = 0; i < ids.Length; i++)
        {
            var (job, trail, kind) = (jobs[i], trails[i], i % 8);
            var steps = trail.Select(r => r.GetProperty("step").GetString()).ToList();
            steps.ShouldBeUnique(job.ToString());
            trail.ShouldAllBe(r => r.GetProperty("jobId").GetGuid() == ids[i]);
            var intake = trail.Single(r => r.GetProperty("step").GetString() == "intake").GetProperty("detail").GetString()!;
            slipSizes.Add(int.Parse(System.Text.RegularExpressions.Regex.Match(intake, @"with (\d+) job").Groups[1].Value));
            switch (kind)
            {
                case 3:
                    job.GetProperty("status").GetString().ShouldBe("Failed", job.ToString());
                    job.GetProperty("failureReason").GetString()!.ShouldContain("blocked: text contains US_SSN");
                    steps.ShouldBe(["intake", "compliance", "completion"], ignoreOrder: true);
                    break;
                case 6:
                    job.GetProperty("status").GetString().ShouldBe("NeedsReview", job.ToString());
                    job.GetProperty("failureReason").GetString()!.ShouldContain("intent: out of scope");
                    steps.ShouldBe(["intake", "compliance", "moderation", "intent", "escalation", "completion"], ignoreOrder: true);
                    break;
                default:
                    job.GetProperty("status").GetString().ShouldBeOneOf(["Completed", "NeedsReview"], job.ToString());
                    job.GetProperty("result").GetProperty("intent").GetProperty("label").GetString().ShouldNotBeNullOrEmpty();
                    steps.ShouldContain("intent");
                    break;
            }
        }

        // 24 submissions at once: the dispatcher's few milliseconds of waiting put several of them in one slip.
        slipSizes.Max().ShouldBeGreaterThan(1, string.Join(",", slipSizes));
    }

    [Fact]
    public async Task Invoice_missing_its_total_is_escalated_and_without_a_frontier_needs_review()
    {
        var id = await platform.SubmitAsync("invoice", "Invoice INV-2024-0042 from Acme Ltd, payable by 30/11/2026 to GB82 WEST 1234 5698 7654 32.");

        var job = await platform.WaitForJobAsync(id);

        job.GetProperty("status").GetString().ShouldBe("NeedsReview", job.ToString());
        job.GetProperty("failureReason").GetString()!.ShouldContain("no frontier model is configured");
        job.GetProperty("failureReason").GetString()!.ShouldContain("total");
        var extraction = job.GetProperty("result").GetProperty("extraction");
        extraction.GetProperty("missingRequired").EnumerateArray().Select(f => f.GetString()).ShouldBe(["total"]);
        var fields = extraction.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        fields["invoice_number"].GetProperty("text").GetString().ShouldBe("INV-2024-0042");
        fields["due_date"].GetProperty("value").GetString().ShouldBe("2026-11-30");
        var escalation = job.GetProperty("result").GetProperty("escalation");
        escalation.GetProperty("escalated").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Complete_invoice_completes_without_escalation()
    {
        var id = await platform.SubmitAsync("invoice", "Invoice number INV-77 total due EUR 1,234.56 by 2026-12-24. Questions: billing@acme.example");

        var job = await platform.WaitForJobAsync(id);

        job.GetProperty("status").GetString().ShouldBe("Completed", job.ToString());
        var fields = job.GetProperty("result").GetProperty("extraction").GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!);
        fields["total"].GetProperty("value").GetProperty("amount").GetDecimal().ShouldBe(1234.56m);
        fields["total"].GetProperty("value").GetProperty("currency").GetString().ShouldBe("EUR");
        fields["due_date"].GetProperty("value").GetString().ShouldBe("2026-12-24");
        job.GetProperty("result").TryGetProperty("escalation", out var escalation).ShouldBeTrue();
        escalation.ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Booking_slots_come_from_the_learned_span_tagger_with_normalised_values()
    {
        var id = await platform.SubmitAsync("restaurant-booking", "Could I book a table for two people on Friday at 7pm? The name is Anna Smith.");

        var job = await platform.WaitForJobAsync(id, TimeSpan.FromMinutes(2));

        job.GetProperty("status").GetString().ShouldBe("Completed", job.ToString());
        var fields = job.GetProperty("result").GetProperty("extraction").GetProperty("fields").EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!);
        fields["people"].GetProperty("value").GetDecimal().ShouldBe(2m);
        fields["time"].GetProperty("value").GetString().ShouldBe("19:00");
        fields["people"].GetProperty("confidence").GetDouble().ShouldBeInRange(0.0, 1.0);
        var audit = await platform.WaitForAuditAsync(id);
        audit.Single(r => r.GetProperty("step").GetString() == "extraction").GetProperty("model").GetString()!.ShouldStartWith("restaurant8k");
    }

    [Fact]
    public async Task A_type_the_tenants_policy_blocks_stops_the_job_at_compliance_with_the_reason()
    {
        var id = await platform.SubmitAsync("email", "Please update my records, my SSN is 536-22-8726.");

        var job = await platform.WaitForJobAsync(id);

        job.GetProperty("status").GetString().ShouldBe("Failed", job.ToString());
        job.GetProperty("failureReason").GetString()!.ShouldContain("blocked: text contains US_SSN");
        var audit = await platform.WaitForAuditAsync(id);
        audit.Single(r => r.GetProperty("step").GetString() == "compliance").GetProperty("decision").GetString().ShouldBe("block");
        audit.ShouldNotContain(r => r.GetProperty("step").GetString() == "intent");
    }

    [Fact]
    public async Task Out_of_scope_email_is_sent_to_review_with_the_reason()
    {
        var id = await platform.SubmitAsync("email", "What is the best recipe for a chocolate cake with strawberries?");

        var job = await platform.WaitForJobAsync(id);

        job.GetProperty("status").GetString().ShouldBe("NeedsReview", job.ToString());
        job.GetProperty("failureReason").GetString()!.ShouldContain("intent:");
    }

    [Fact]
    public async Task Resubmission_with_the_same_idempotency_key_returns_the_same_job()
    {
        var key = Guid.NewGuid().ToString();

        var first = await platform.SubmitAsync("email", "Please close my account, I am moving abroad.", key);
        var second = await platform.SubmitAsync("email", "Please close my account, I am moving abroad.", key);

        second.ShouldBe(first);
        await platform.WaitForJobAsync(first);
        var audit = await platform.WaitForAuditAsync(first);
        audit.Count(r => r.GetProperty("step").GetString() == "intake").ShouldBe(1);
    }
}
