using SpecialistPlatform.Compliance.Detection.Recognizers;

namespace SpecialistPlatform.Compliance.Detection.Tests;

public class RecognizerTests
{
    private static readonly PersonalDataDetector Detector = PersonalDataDetector.CreateDefault();

    private static Finding Single(string text, string type)
    {
        var findings = Detector.Detect(text).Where(f => f.Type == type).ToList();
        findings.Count.ShouldBe(1, $"findings: {string.Join(", ", Detector.Detect(text))}");
        return findings[0];
    }

    private static void None(string text, string type) =>
        Detector.Detect(text).Where(f => f.Type == type).ShouldBeEmpty($"in \"{text}\"");

    [Theory]
    [InlineData("4111 1111 1111 1111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("4111111111111111")]
    [InlineData("5500 0000 0000 0004")]
    [InlineData("3782 822463 10005")]
    [InlineData("6011 1111 1111 1117")]
    [InlineData("2223 0000 4841 0010")]
    [InlineData("3530 1113 3330 0000")]
    public void Finds_luhn_valid_card_number(string card)
    {
        var text = $"Please charge {card} today.";
        var finding = Single(text, PersonalDataTypes.CreditCard);
        finding.ValueIn(text).ShouldBe(card);
        finding.Score.ShouldBeGreaterThanOrEqualTo(0.95);
    }

    [Theory]
    [InlineData("4111 1111 1111 1112")]
    [InlineData("1234 5678 9012 3456")]
    [InlineData("4111 1111 1111")]
    [InlineData("0000 0000 0000 0000")]
    public void Rejects_card_number_failing_luhn_or_issuer_rules(string card) =>
        None($"number {card} here", PersonalDataTypes.CreditCard);

    [Fact]
    public void Finds_card_inside_longer_digit_run()
    {
        const string text = "ref 12 4111 1111 1111 1111 99";
        var finding = Single(text, PersonalDataTypes.CreditCard);
        finding.ValueIn(text).ShouldBe("4111 1111 1111 1111");
    }

    [Fact]
    public void Card_context_word_raises_score()
    {
        var without = Single("number 4111 1111 1111 1111", PersonalDataTypes.CreditCard);
        var with = Single("my visa card 4111 1111 1111 1111", PersonalDataTypes.CreditCard);
        with.Score.ShouldBeGreaterThan(without.Score);
        with.Score.ShouldBe(1.0);
    }

    [Theory]
    [InlineData("GB82 WEST 1234 5698 7654 32")]
    [InlineData("GB82WEST12345698765432")]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    [InlineData("DE89370400440532013000")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("gb82 west 1234 5698 7654 32")]
    public void Finds_iban_with_valid_checksum_and_length(string iban)
    {
        var text = $"Send it to {iban}, thanks.";
        var finding = Single(text, PersonalDataTypes.Iban);
        finding.ValueIn(text).ShouldBe(iban);
        finding.Score.ShouldBeGreaterThanOrEqualTo(0.95);
        Detector.Detect(text).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("GB82 WEST 1234 5698 7654 33")] // checksum off by one
    [InlineData("GB82 WEST 1234 5698 7654")] // too short for GB
    [InlineData("DE89 3704 0044 0532 0130 0000")] // too long for DE
    [InlineData("XX82 WEST 1234 5698 7654 32")] // no such country
    [InlineData("GB82 WES T123 4569 8765 432")] // not grouped in fours
    public void Rejects_iban_failing_checksum_length_or_layout(string iban) =>
        None($"Send it to {iban}, thanks.", PersonalDataTypes.Iban);

    [Theory]
    [InlineData("jane.doe@example.com")]
    [InlineData("j.o'brien+tag@mail.example.co.uk")]
    [InlineData("ops_team@sub.domain.io")]
    public void Finds_email_address(string email)
    {
        var text = $"Write to {email}.";
        var finding = Single(text, PersonalDataTypes.EmailAddress);
        finding.ValueIn(text).ShouldBe(email);
        finding.Score.ShouldBeGreaterThanOrEqualTo(0.9);
    }

    [Theory]
    [InlineData("jane.doe@")]
    [InlineData("@example.com")]
    [InlineData("jane@example")]
    [InlineData("jane@example.c0m")]
    [InlineData("jane..doe@example.com")]
    public void Rejects_malformed_email(string email) => None($"Write to {email} now", PersonalDataTypes.EmailAddress);

    [Fact]
    public void Email_with_unknown_tld_scores_lower_than_known()
    {
        var known = Single("mail a@b.com", PersonalDataTypes.EmailAddress);
        var unknown = Single("mail a@b.qwertyz", PersonalDataTypes.EmailAddress);
        unknown.Score.ShouldBeLessThan(known.Score);
    }

    [Theory]
    [InlineData("+44 20 7946 0958")]
    [InlineData("+44 (0)20 7946 0958")]
    [InlineData("+1 (212) 555-0123")]
    [InlineData("+1 212-555-0123")]
    [InlineData("+49 30 12345678")]
    [InlineData("+33 1 23 45 67 89")]
    [InlineData("0044 20 7946 0958")]
    [InlineData("(212) 555-0123")]
    [InlineData("212-555-0123")]
    [InlineData("020 7946 0958")]
    [InlineData("07700 900123")]
    [InlineData("030 12345678")]
    [InlineData("089/1234567")]
    [InlineData("01 23 45 67 89")]
    public void Finds_phone_number(string phone)
    {
        var text = $"Call me on {phone} tomorrow.";
        var finding = Single(text, PersonalDataTypes.PhoneNumber);
        finding.ValueIn(text).ShouldBe(phone);
    }

    [Theory]
    [InlineData("+1 212 555 012")] // NANP needs ten digits
    [InlineData("+44 20 79")] // too short
    [InlineData("+1 123 555 0123")] // NANP area code cannot start with 1
    [InlineData("+49 1234567890123456")] // longer than E.164 allows
    [InlineData("123-456-7890")] // area code starts with 1
    public void Rejects_phone_number_with_wrong_digit_count_or_plan(string phone) =>
        None($"Call me on {phone} tomorrow.", PersonalDataTypes.PhoneNumber);

    [Fact]
    public void Phone_context_word_raises_score()
    {
        var without = Single("see 020 7946 0958", PersonalDataTypes.PhoneNumber);
        var with = Single("my mobile is 020 7946 0958", PersonalDataTypes.PhoneNumber);
        with.Score.ShouldBeGreaterThan(without.Score);
    }

    [Theory]
    [InlineData("192.168.1.20")]
    [InlineData("8.8.8.8")]
    [InlineData("2001:db8::ff00:42:8329")]
    [InlineData("2001:0db8:85a3:0000:0000:8a2e:0370:7334")]
    [InlineData("::1")]
    [InlineData("fe80::1%eth0")]
    [InlineData("::ffff:192.0.2.128")]
    public void Finds_ip_address(string ip)
    {
        var text = $"Login from {ip} was blocked.";
        var finding = Single(text, PersonalDataTypes.IpAddress);
        finding.ValueIn(text).ShouldBe(ip);
    }

    [Theory]
    [InlineData("256.1.1.1")]
    [InlineData("1.2.3")]
    [InlineData("1.2.3.4.5")]
    [InlineData("std::vector")]
    [InlineData("12:30:45")]
    [InlineData("2001:db8:::1")]
    public void Rejects_invalid_ip_address(string ip) => None($"Login from {ip} was blocked.", PersonalDataTypes.IpAddress);

    [Theory]
    [InlineData("536-22-1234")]
    [InlineData("536 22 1234")]
    public void Finds_us_ssn(string ssn)
    {
        var text = $"SSN: {ssn}";
        var finding = Single(text, PersonalDataTypes.UsSsn);
        finding.ValueIn(text).ShouldBe(ssn);
        finding.Score.ShouldBeGreaterThanOrEqualTo(0.8);
    }

    [Fact]
    public void Finds_bare_nine_digit_ssn_only_with_context()
    {
        Single("her social security number is 536221234", PersonalDataTypes.UsSsn).Score.ShouldBeGreaterThanOrEqualTo(0.5);
        None("order 536221234 shipped", PersonalDataTypes.UsSsn);
    }

    [Theory]
    [InlineData("000-12-3456")]
    [InlineData("666-12-3456")]
    [InlineData("912-12-3456")]
    [InlineData("536-00-1234")]
    [InlineData("536-22-0000")]
    [InlineData("078-05-1120")]
    [InlineData("536-22-1234-5")]
    public void Rejects_ssn_breaking_area_group_or_serial_rules(string ssn) => None($"SSN: {ssn}", PersonalDataTypes.UsSsn);

    [Theory]
    [InlineData("943 476 5919")]
    [InlineData("943-476-5919")]
    [InlineData("9434765919")]
    public void Finds_nhs_number_with_valid_mod11_check(string nhs)
    {
        var text = $"NHS number {nhs} on file.";
        var finding = Single(text, PersonalDataTypes.UkNhs);
        finding.ValueIn(text).ShouldBe(nhs);
        finding.Score.ShouldBeGreaterThanOrEqualTo(0.7);
    }

    [Theory]
    [InlineData("943 476 5918")]
    [InlineData("123 456 7890")]
    [InlineData("111 111 1111")]
    public void Rejects_nhs_number_failing_mod11(string nhs) => None($"NHS number {nhs} on file.", PersonalDataTypes.UkNhs);

    [Fact]
    public void Checksums_match_published_examples()
    {
        Checksums.Luhn("79927398713").ShouldBeTrue();
        Checksums.Luhn("79927398710").ShouldBeFalse();
        Checksums.IbanMod97("GB82WEST12345698765432").ShouldBeTrue();
        Checksums.NhsMod11("9434765919").ShouldBeTrue();
        CreditCardRecognizer.IssuerOf("378282246310005").ShouldBe("American Express");
        CreditCardRecognizer.IssuerOf("4111111111111111").ShouldBe("Visa");
    }
}
