using System.Security.Cryptography;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Jobs.Audit;

namespace SpecialistPlatform.JobPipeline.Tests;

/// <summary>How a record is sealed, without the platform: the encoding leaves no room for moving text between fields.</summary>
public sealed class AuditChainTests
{
    private readonly AuditChain _chain = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Records_whose_fields_differ_only_by_a_moved_newline_get_different_macs()
    {
        var first = Record(redacted: "PERSON:1\nEMAIL_ADDRESS:1", sentOutside: "none");
        var second = Record(redacted: "PERSON:1", sentOutside: "EMAIL_ADDRESS:1\nnone");

        // The old newline-joined scheme could not tell them apart: that is the ambiguity this replaces.
        AuditChain.ComputeLegacyHash(first).ShouldBe(AuditChain.ComputeLegacyHash(second));
        _chain.ComputeMac(first).ShouldNotBe(_chain.ComputeMac(second));
    }

    [Fact]
    public void An_absent_field_and_an_empty_one_get_different_macs()
    {
        _chain.ComputeMac(Record(redacted: null, sentOutside: "none")).ShouldNotBe(_chain.ComputeMac(Record(redacted: "", sentOutside: "none")));
    }

    [Fact]
    public void A_record_sealed_under_another_key_does_not_verify()
    {
        var record = Record(redacted: "PERSON:1", sentOutside: "none");

        new AuditChain(RandomNumberGenerator.GetBytes(32)).ComputeMac(record).ShouldNotBe(_chain.ComputeMac(record));
        _chain.ComputeMac(record).ShouldBe(_chain.ComputeMac(Record(redacted: "PERSON:1", sentOutside: "none")));
    }

    private static AuditRecord Record(string? redacted, string sentOutside) => new()
    {
        TenantId = "t",
        Sequence = 7,
        JobId = Guid.Parse("0193a5f0-0000-7000-8000-000000000001"),
        Step = "compliance",
        Service = "compliance-checker",
        InputSha256 = new string('a', 64),
        Decision = "redact",
        Redacted = redacted,
        SentOutside = sentOutside,
        OccurredAt = new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero),
        RecordedAt = new DateTimeOffset(2026, 12, 5, 10, 0, 1, TimeSpan.Zero),
        PrevHash = AuditChain.Genesis,
        Hash = "",
    };
}
