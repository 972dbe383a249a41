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
}
