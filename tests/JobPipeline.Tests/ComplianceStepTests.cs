namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>The job's compliance step finds names with the learned entity tagger, not only the rules.</summary>
public sealed class ComplianceStepTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_name_in_a_job_is_redacted_and_the_audit_names_the_tagger()
    {
        var id = await platform.SubmitAsync("support-ticket",
            "Hello, this is Margaret Whitfield. I don't recognise a card payment of £12.00 from yesterday, please check.");

        var job = await platform.WaitForJobAsync(id);

        var compliance = job.GetProperty("result").GetProperty("compliance");
        compliance.GetProperty("redactedText").GetString()!.ShouldNotContain("Margaret Whitfield");
        compliance.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ShouldContain("PERSON");
        var audit = await platform.WaitForAuditAsync(id);
        var record = audit.Single(r => r.GetProperty("step").GetString() == "compliance");
        record.GetProperty("model").GetString().ShouldBe("recognizers+entity-tagger");
        record.GetProperty("redacted").GetString()!.ShouldContain("PERSON:1");
    }

    /// <summary>
    /// Card numbers as they arrive from Word or Outlook (no-break spaces), East Asian input methods (full-width digits),
    /// Arabic keyboards (Arabic-Indic digits) and copy-paste (narrow no-break and thin spaces, zero-width joiners, en
    /// dashes): each is found and its original characters are replaced in the job's redacted text (issue 16).
    /// </summary>
    [Theory]
    [InlineData("4111\u00A01111\u00A01111\u00A01111")]
    [InlineData("4111\u202F1111\u202F1111\u202F1111")]
    [InlineData("4111\u20091111\u20091111\u20091111")]
    [InlineData("\uFF14\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11 \uFF11\uFF11\uFF11\uFF11")]
    [InlineData("\u0664\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661 \u0661\u0661\u0661\u0661")]
    [InlineData("41\u200D11 1111 11\u200D11 1111")]
    [InlineData("4111\u20131111\u20131111\u20131111")]
    public async Task A_card_number_written_with_unicode_look_alikes_is_redacted(string card)
    {
        var text = $"Hi, please refund the duplicate charge on my card {card}, it happened twice yesterday.";
        var id = await platform.SubmitAsync("support-ticket", text);

        var job = await platform.WaitForJobAsync(id);

        var compliance = job.GetProperty("result").GetProperty("compliance");
        var redacted = compliance.GetProperty("redactedText").GetString()!;
        redacted.ShouldNotContain(card);
        redacted.ShouldContain("<CREDIT_CARD_1>");
        redacted.ShouldBe(text.Replace(card, "<CREDIT_CARD_1>", StringComparison.Ordinal));
        compliance.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ShouldContain("CREDIT_CARD");
    }
}
