using System.Security.Cryptography;
using SpecialistPlatform.Compliance.Detection.Policies;

namespace SpecialistPlatform.Compliance.Detection.Tests;

public class PolicyTests
{
    private const string Text = "Jane (jane@example.com) paid with 4111 1111 1111 1111, SSN 536-22-1234.";

    private static byte[] Key(byte seed) => Enumerable.Range(0, 32).Select(i => (byte)(i + seed)).ToArray();

    private static PolicyApplier Applier(PolicyAction action, string type = PersonalDataTypes.EmailAddress) => new(new PiiPolicy
    {
        DefaultAction = PolicyAction.Allow,
        Actions = new Dictionary<string, PolicyAction> { [type] = action },
        HashKey = Key(1),
        EncryptionKey = Key(2),
    });

    [Fact]
    public void Allow_leaves_the_value_and_reports_it()
    {
        var result = Applier(PolicyAction.Allow).Apply(Text);
        result.Text.ShouldBe(Text);
        result.Entities.Select(e => e.Action).ShouldAllBe(a => a == PolicyAction.Allow);
        result.Entities.Count.ShouldBe(3);
        result.Blocked.ShouldBeFalse();
    }

    [Fact]
    public void Redact_uses_typed_placeholders_that_restore()
    {
        var result = new PolicyApplier(PiiPolicy.Default).Apply(Text);
        result.Text.ShouldBe("Jane (<EMAIL_ADDRESS_1>) paid with <CREDIT_CARD_1>, SSN <US_SSN_1>.");
        Redactor.Restore(result.Text, result.Placeholders).ShouldBe(Text);
        result.Entities.ShouldAllBe(e => e.Action == PolicyAction.Redact);
        result.Entities[1].OutputStart.ShouldBe(result.Text.IndexOf("<CREDIT_CARD_1>", StringComparison.Ordinal));
    }

    [Fact]
    public void Mask_keeps_the_last_digits_of_a_card()
    {
        var result = Applier(PolicyAction.Mask, PersonalDataTypes.CreditCard).Apply(Text);
        result.Text.ShouldContain("paid with ************1111,");
        result.Placeholders.ShouldBeEmpty();
    }

    [Fact]
    public void Hash_is_keyed_stable_and_ignores_spacing()
    {
        var applier = Applier(PolicyAction.Hash, PersonalDataTypes.CreditCard);
        var a = applier.Apply("card 4111 1111 1111 1111").Entities.Single().Replacement!;
        var b = applier.Apply("card 4111-1111-1111-1111").Entities.Single().Replacement!;
        a.ShouldMatch("^<CREDIT_CARD#[0-9a-f]{16}>$");
        b.ShouldBe(a);
        var otherKey = new PolicyApplier(new PiiPolicy { DefaultAction = PolicyAction.Hash, HashKey = Key(9) });
        otherKey.Apply("card 4111 1111 1111 1111").Entities.Single().Replacement.ShouldNotBe(a);
    }

    [Fact]
    public void Encrypt_round_trips_with_the_key()
    {
        var result = Applier(PolicyAction.Encrypt).Apply(Text);
        result.Text.ShouldNotContain("jane@example.com");
        var token = result.Entities.Single(e => e.Type == PersonalDataTypes.EmailAddress).Replacement!;
        token.ShouldStartWith("<ENC:EMAIL_ADDRESS:");
        var encryptor = new ValueEncryptor(Key(2));
        encryptor.Decrypt(token).ShouldBe((PersonalDataTypes.EmailAddress, "jane@example.com"));
        encryptor.DecryptAll(result.Text).ShouldBe(Text);
    }

    [Fact]
    public void Encrypt_gives_a_fresh_token_each_time()
    {
        var encryptor = new ValueEncryptor(Key(2));
        encryptor.Encrypt("X", "same").ShouldNotBe(encryptor.Encrypt("X", "same"));
    }

    [Fact]
    public void Decrypting_with_the_wrong_key_fails()
    {
        var token = new ValueEncryptor(Key(2)).Encrypt(PersonalDataTypes.Iban, "DE89370400440532013000");
        Should.Throw<CryptographicException>(() => new ValueEncryptor(Key(3)).Decrypt(token));
    }

    [Fact]
    public void A_relabelled_token_fails_to_decrypt()
    {
        var token = new ValueEncryptor(Key(2)).Encrypt(PersonalDataTypes.Iban, "DE89370400440532013000");
        var relabelled = token.Replace("IBAN_CODE", "PERSON", StringComparison.Ordinal);
        Should.Throw<CryptographicException>(() => new ValueEncryptor(Key(2)).Decrypt(relabelled));
    }

    [Fact]
    public void Block_names_the_types_and_still_redacts_them()
    {
        var policy = new PiiPolicy
        {
            Actions = new Dictionary<string, PolicyAction>
            {
                [PersonalDataTypes.UsSsn] = PolicyAction.Block,
                [PersonalDataTypes.CreditCard] = PolicyAction.Block,
            },
        };
        var result = new PolicyApplier(policy).Apply(Text);
        result.Blocked.ShouldBeTrue();
        result.BlockedTypes.ShouldBe([PersonalDataTypes.CreditCard, PersonalDataTypes.UsSsn]);
        result.Reason.ShouldBe("blocked: text contains CREDIT_CARD, US_SSN");
        result.Text.ShouldNotContain("536-22-1234");
        new PolicyApplier(policy).Apply("nothing personal here").Blocked.ShouldBeFalse();
    }

    [Fact]
    public void A_policy_without_the_keys_its_actions_need_is_rejected()
    {
        Should.Throw<ArgumentException>(() => new PolicyApplier(new PiiPolicy { DefaultAction = PolicyAction.Encrypt }));
        Should.Throw<ArgumentException>(() => new PolicyApplier(new PiiPolicy { DefaultAction = PolicyAction.Hash, HashKey = [1, 2, 3] }));
        Should.Throw<ArgumentException>(() => new PolicyApplier(new PiiPolicy { DefaultAction = PolicyAction.Encrypt, EncryptionKey = new byte[16] }));
    }

    [Fact]
    public void Policy_document_reads_actions_keys_and_custom_recognizers()
    {
        const string json = """
            {
              // comments are allowed
              "defaultAction": "redact",
              "actions": { "CREDIT_CARD": "mask", "EMAIL_ADDRESS": "encrypt", "EMPLOYEE_ID": "hash", "DATE_TIME": "allow" },
              "hashKey": "env:TEST_HASH_KEY",
              "encryptionKey": "hex:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
              "recognizers": [ { "type": "EMPLOYEE_ID", "pattern": "EMP-[0-9]{6}", "contextWords": ["employee"], "baseScore": 0.6 } ]
            }
            """;
        var document = PolicyDocument.Parse(json);
        var environment = new Dictionary<string, string?> { ["TEST_HASH_KEY"] = Convert.ToBase64String(Key(5)) };
        var applier = document.ToApplier(name => environment.GetValueOrDefault(name));
        var result = applier.Apply("employee EMP-123456 wrote from jane@example.com with 4111 1111 1111 1111");
        result.Entities.Select(e => (e.Type, e.Action)).ShouldBe([
            ("EMPLOYEE_ID", PolicyAction.Hash),
            (PersonalDataTypes.EmailAddress, PolicyAction.Encrypt),
            (PersonalDataTypes.CreditCard, PolicyAction.Mask),
        ]);
        new ValueEncryptor(Key(0)).DecryptAll(result.Text).ShouldContain("jane@example.com");
    }

    [Theory]
    [InlineData("""{ "actions": { "CREDIT_CARD": "shred" } }""")]
    [InlineData("""{ "unknownSetting": 1 }""")]
    [InlineData("""{ "defaultAction": "hash", "hashKey": "env:SURELY_NOT_SET_ANYWHERE_42" }""")]
    [InlineData("""{ "recognizers": [ { "type": "X", "pattern": "([a-z" } ] }""")]
    [InlineData("""{ "recognizers": [ { "type": "X", "pattern": "[0-9]+", "validator": "crc32" } ] }""")]
    public void Malformed_policy_documents_fail_with_a_reason(string json) =>
        Should.Throw<ArgumentException>(() => PolicyDocument.Parse(json).ToApplier(_ => null)).Message.ShouldNotBeNullOrWhiteSpace();
}
