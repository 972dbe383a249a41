using SpecialistPlatform.Compliance.Detection.Recognizers;

namespace SpecialistPlatform.Compliance.Detection.Tests;

public class NewRecognizerTests
{
    private static readonly PersonalDataDetector Detector = PersonalDataDetector.Create([]);

    private static string Single(string text, string type)
    {
        var findings = Detector.Detect(text).Where(f => f.Type == type).ToList();
        findings.Count.ShouldBe(1, $"findings: {string.Join(", ", Detector.Detect(text))}");
        return findings[0].ValueIn(text);
    }

    private static void None(string text, string type) =>
        Detector.Detect(text).Where(f => f.Type == type).ShouldBeEmpty($"in \"{text}\"");

    [Theory]
    [InlineData("See https://example.com/a/b?q=1&x=2.", "https://example.com/a/b?q=1&x=2")]
    [InlineData("(details at www.example.org/docs)", "www.example.org/docs")]
    [InlineData("wiki: https://en.wikipedia.org/wiki/Foo_(bar), ok", "https://en.wikipedia.org/wiki/Foo_(bar)")]
    [InlineData("local http://192.168.0.1:8080/admin", "http://192.168.0.1:8080/admin")]
    public void Finds_urls_without_trailing_punctuation(string text, string url) =>
        Single(text, PersonalDataTypes.Url).ShouldBe(url);

    [Theory]
    [InlineData("visit http://jérémie.fr now", "http://jérémie.fr")]
    [InlineData("visit https://salom\uFFFD.org/a now", "https://salom\uFFFD.org/a")]
    public void Urls_with_non_ascii_hosts_are_judged_without_throwing(string text, string url) =>
        Single(text, PersonalDataTypes.Url).ShouldBe(url);

    [Theory]
    [InlineData("open http://intranet.corp/page")]
    [InlineData("the ratio was 3.5/10")]
    public void Rejects_urls_with_unknown_hosts(string text) => None(text, PersonalDataTypes.Url);

    [Theory]
    [InlineData("I bought it on example.co.uk yesterday", "example.co.uk")]
    [InlineData("is shop-online.com legit?", "shop-online.com")]
    [InlineData("visit müller.de", "müller.de")]
    public void Finds_domain_names_with_known_suffixes(string text, string domain) =>
        Single(text, PersonalDataTypes.DomainName).ShouldBe(domain);

    [Theory]
    [InlineData("run main.py then setup.sh")]
    [InlineData("see report.final and 12.io")]
    [InlineData("I lost my card.It was blue")]
    [InlineData("version 1.5.com")]
    public void Does_not_take_file_names_or_run_on_sentences_for_domains(string text) => None(text, PersonalDataTypes.DomainName);

    [Fact]
    public void An_email_is_one_email_not_a_domain()
    {
        var findings = Detector.Detect("write to jane.doe@example.com");
        findings.ShouldHaveSingleItem().Type.ShouldBe(PersonalDataTypes.EmailAddress);
    }

    [Theory]
    [InlineData("192.168.1.20")]
    [InlineData("2001:db8::8a2e:370:7334")]
    [InlineData("::ffff:10.0.0.1")]
    public void Finds_ipv4_and_ipv6_addresses(string ip) => Single($"login from {ip} failed", PersonalDataTypes.IpAddress).ShouldBe(ip);

    [Theory]
    [InlineData("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")]
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")]
    [InlineData("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4")]
    [InlineData("bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297")]
    public void Finds_bitcoin_addresses_with_valid_checksums(string address) =>
        Single($"send it to {address} please", PersonalDataTypes.Crypto).ShouldBe(address);

    [Theory]
    [InlineData("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")]
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")]
    [InlineData("Bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")]
    public void Rejects_bitcoin_addresses_with_a_changed_character(string address) => None($"send it to {address}", PersonalDataTypes.Crypto);

    [Fact]
    public void Generated_addresses_round_trip_through_the_checksums()
    {
        var program = Enumerable.Range(1, 20).Select(i => (byte)(i * 7)).ToArray();
        CryptoRecognizer.IsValidAddress(Checksums.Base58CheckEncode([0x00, .. program])).ShouldBeTrue();
        CryptoRecognizer.IsValidAddress(Checksums.Base58CheckEncode([0x05, .. program])).ShouldBeTrue();
        var data = Checksums.ConvertBits(program, 8, 5, pad: true)!;
        CryptoRecognizer.IsValidAddress(Checksums.Bech32Encode("bc", [0, .. data], Checksums.Bech32Constant)).ShouldBeTrue();
        // Witness version 0 must use bech32, not bech32m.
        CryptoRecognizer.IsValidAddress(Checksums.Bech32Encode("bc", [0, .. data], Checksums.Bech32mConstant)).ShouldBeFalse();
    }

    [Fact]
    public void Finds_dea_numbers_with_a_valid_check_digit()
    {
        Checksums.DeaNumber("AB1234563").ShouldBeTrue();
        Single("Prescriber DEA AB1234563", PersonalDataTypes.MedicalLicense).ShouldBe("AB1234563");
        None("Prescriber DEA AB1234564", PersonalDataTypes.MedicalLicense);
        Detector.Detect("Prescriber DEA AB1234563")[0].Score.ShouldBeGreaterThan(Detector.Detect("code AB1234563")[0].Score);
    }

    [Theory]
    [InlineData("born on 12 March 1984 in", "12 March 1984")]
    [InlineData("due March 12th, 2025.", "March 12th, 2025")]
    [InlineData("am 5. März 2024 um", "5. März 2024")]
    [InlineData("le 3 juil. 1950", "3 juil. 1950")]
    [InlineData("signed 2024-01-15T10:30:00Z ok", "2024-01-15T10:30:00Z")]
    [InlineData("on 12/31/2024 we", "12/31/2024")]
    [InlineData("call at 7pm", "7pm")]
    public void Finds_dates_and_times(string text, string value) => Single(text, PersonalDataTypes.DateTime).ShouldBe(value);

    [Theory]
    [InlineData("version 1.2.34 released")]
    [InlineData("on 31/02/2024 we")]
    [InlineData("set 5 alarms")]
    [InlineData("ratio 3/4")]
    public void Rejects_things_that_only_look_like_dates(string text) => None(text, PersonalDataTypes.DateTime);

    [Theory]
    [InlineData("he is 42 years old", "42")]
    [InlineData("a 7-year-old boy", "7")]
    [InlineData("Patient aged 67, stable", "67")]
    [InlineData("Age: 35", "35")]
    public void Finds_ages_as_the_number(string text, string age) => Single(text, PersonalDataTypes.Age).ShouldBe(age);

    [Theory]
    [InlineData("she is 200 years old")]
    [InlineData("I waited 42 years for this")]
    public void Rejects_numbers_that_are_not_ages(string text) => None(text, PersonalDataTypes.Age);

    [Theory]
    [InlineData("Driver's license: D1234567", PersonalDataTypes.UsDriverLicense, "D1234567")]
    [InlineData("passport number 512345678", PersonalDataTypes.UsPassport, "512345678")]
    [InlineData("my checking account 004512398712", PersonalDataTypes.UsBankNumber, "004512398712")]
    public void Weak_identifiers_need_context(string text, string type, string value)
    {
        Single(text, type).ShouldBe(value);
        None($"the code is {value}", type);
    }

    [Fact]
    public void Negative_context_lowers_the_score()
    {
        var withContext = new UsBankNumberRecognizer().Recognize("bank 12345678901").Single().Score;
        var neutral = new UsBankNumberRecognizer().Recognize("number 12345678901").Single().Score;
        var negative = new UsBankNumberRecognizer().Recognize("tracking 12345678901").Single().Score;
        withContext.ShouldBeGreaterThan(neutral);
        negative.ShouldBeLessThan(neutral);
    }

    [Theory]
    [InlineData("666-12-3456")]
    [InlineData("000-12-3456")]
    [InlineData("912-12-3456")]
    [InlineData("536-00-3456")]
    [InlineData("536-12-0000")]
    public void Ssn_area_group_and_serial_rules_hold(string ssn) => None($"SSN {ssn}", PersonalDataTypes.UsSsn);
}
