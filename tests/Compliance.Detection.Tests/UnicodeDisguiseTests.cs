using System.Text;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// Personal data written with characters that only look like the ASCII the rules match: the spaces, dashes and
/// digits that pasting from Word or Outlook, East Asian and Arabic input methods and copy-paste from PDFs produce.
/// Every rule must find such a value and redaction must replace the original characters.
/// </summary>
public class UnicodeDisguiseTests
{
    private static readonly PersonalDataDetector Detector = PersonalDataDetector.Create([]);

    /// <summary>(recognizer's type, sentence before, value in ASCII, sentence after); every value is valid in ASCII.</summary>
    private static readonly (string Type, string Before, string Value, string After)[] Cases =
    [
        (PersonalDataTypes.CreditCard, "Please charge card ", "4111 1111 1111 1111", " today."),
        (PersonalDataTypes.CreditCard, "Card number: ", "5500-0000-0000-0004", ", expiry 09/27."),
        (PersonalDataTypes.Iban, "Refund to IBAN ", "GB82 WEST 1234 5698 7654 32", " please."),
        (PersonalDataTypes.UkNhs, "My NHS number is ", "943 476 5919", "."),
        (PersonalDataTypes.UkNhs, "NHS no. ", "943-476-5919", " (patient)."),
        (PersonalDataTypes.UsSsn, "SSN: ", "536-22-1234", " on file."),
        (PersonalDataTypes.PhoneNumber, "Call me on ", "+44 20 7946 0958", " after six."),
        (PersonalDataTypes.PhoneNumber, "Phone ", "212-555-0123", " (office)."),
        (PersonalDataTypes.IpAddress, "Login from ", "192.168.1.20", " blocked."),
        (PersonalDataTypes.DateTime, "Born on ", "1984-03-12", " in Leeds."),
        (PersonalDataTypes.DateTime, "Appointment on ", "12 March 1984", "."),
        (PersonalDataTypes.Age, "My son is ", "42", " years old."),
        (PersonalDataTypes.EmailAddress, "Write to ", "jane.doe42@example.com", " soon."),
        (PersonalDataTypes.MedicalLicense, "Prescriber DEA ", "AB1234563", " signed."),
        (PersonalDataTypes.UsBankNumber, "my checking account ", "004512398712", " was debited"),
    ];

    /// <summary>Disguises and whether a value's checksum type is one where Arabic-Indic digits are a realistic input.</summary>
    private static readonly (string Name, Func<string, string> Apply)[] Disguises =
    [
        ("no-break space U+00A0", v => v.Replace(' ', '\u00A0')),
        ("narrow no-break space U+202F", v => v.Replace(' ', '\u202F')),
        ("thin space U+2009", v => v.Replace(' ', '\u2009')),
        ("full-width digits", v => MapDigits(v, '\uFF10')),
        ("en dash", v => v.Replace('-', '\u2013')),
        ("non-breaking hyphen", v => v.Replace('-', '\u2011')),
        ("minus sign", v => v.Replace('-', '\u2212')),
        ("zero-width joiners inside numbers", InsertBetweenDigits('\u200D')),
        ("zero-width spaces inside numbers", InsertBetweenDigits('\u200B')),
    ];

    private static readonly string[] ChecksumTypes =
        [PersonalDataTypes.CreditCard, PersonalDataTypes.Iban, PersonalDataTypes.UkNhs, PersonalDataTypes.MedicalLicense];

    public static TheoryData<string, string, string, string, string> DisguisedValues()
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var (type, before, value, after) in Cases)
        {
            foreach (var (name, apply) in Disguises)
            {
                var disguised = apply(value);
                if (disguised != value)
                    data.Add(type, name, before, disguised, after);
            }
            if (ChecksumTypes.Contains(type))
            {
                data.Add(type, "Arabic-Indic digits", before, MapDigits(value, '\u0660'), after);
                data.Add(type, "Extended Arabic-Indic digits", before, MapDigits(value, '\u06F0'), after);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(DisguisedValues))]
    public void Finds_and_redacts_a_disguised_value_by_its_original_characters(string type, string disguise, string before, string value, string after)
    {
        var text = before + value + after;
        var findings = Detector.Detect(text);
        var finding = findings.SingleOrDefault(f => f.Type == type);
        finding.ShouldNotBeNull($"{disguise}: no {type} in \"{text}\"; found {string.Join(", ", findings)}");
        finding.ValueIn(text).ShouldBe(value, disguise);

        var redacted = new Redactor().Redact(text, [finding]);
        redacted.Text.ShouldBe(before + $"<{type}_1>" + after, disguise);
        Redactor.Restore(redacted.Text, redacted.Placeholders).ShouldBe(text);
    }

    [Theory]
    [InlineData("4111 1111 1111 1112")] // Luhn fails
    [InlineData("943 476 5918")] // mod 11 fails
    public void A_disguised_value_that_fails_its_checksum_is_still_rejected(string value)
    {
        foreach (var zero in new[] { '\uFF10', '\u0660' })
        {
            var text = "Number " + MapDigits(value.Replace(' ', '\u00A0'), zero) + ".";
            Detector.Detect(text).Where(f => f.Type is PersonalDataTypes.CreditCard or PersonalDataTypes.UkNhs).ShouldBeEmpty(text);
        }
    }

    [Fact]
    public void The_same_card_in_full_width_and_ascii_digits_gets_one_placeholder()
    {
        var text = "Card ４１１１ １１１１ １１１１ １１１１ and again 4111 1111 1111 1111.";
        var result = new Redactor().Redact(text, Detector.Detect(text));
        result.Text.ShouldBe("Card <CREDIT_CARD_1> and again <CREDIT_CARD_1>.");
        new Redactor().MaskValue(PersonalDataTypes.CreditCard, "４１１１ １１１１ １１１１ １１１１").ShouldBe("************1111");
    }

    [Fact]
    public void A_name_in_decomposed_diacritics_is_seen_by_recognizers_as_composed_and_mapped_back()
    {
        // "é" as e + U+0301: the folded text holds one character where the original has two.
        var text = "Ame\u0301lie 4111\u00A01111\u00A01111\u00A01111 x";
        var normalized = NormalizedText.Of(text);
        normalized.Text.ShouldBe("Amélie 4111 1111 1111 1111 x");
        var card = Detector.Detect(text).Single(f => f.Type == PersonalDataTypes.CreditCard);
        card.Start.ShouldBe(text.IndexOf('4'));
        card.End.ShouldBe(text.LastIndexOf('1') + 1);
    }

    [Fact]
    public void Folding_a_plain_ascii_text_changes_nothing()
    {
        var normalized = NormalizedText.Of("Card 4111 1111 1111 1111, call +44 20 7946 0958.");
        normalized.IsUnchanged.ShouldBeTrue();
        NormalizedText.Of("Zoë Müller, Łódź, 東京").IsUnchanged.ShouldBeTrue();
    }

    [Fact]
    public void A_ligature_that_expands_maps_every_folded_character_to_the_original_one()
    {
        var normalized = NormalizedText.Of("o\uFB03ce"); // "ffi" ligature
        normalized.Text.ShouldBe("office");
        normalized.ToOriginal(1, 4).ShouldBe((1, 2));
        normalized.ToOriginal(0, 6).ShouldBe((0, 4));
    }

    private static string MapDigits(string value, char zero)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
            builder.Append(c is >= '0' and <= '9' ? (char)(zero + (c - '0')) : c);
        return builder.ToString();
    }

    private static Func<string, string> InsertBetweenDigits(char invisible) => value =>
    {
        var builder = new StringBuilder(value.Length * 2);
        for (var i = 0; i < value.Length; i++)
        {
            builder.Append(value[i]);
            if (i + 1 < value.Length && char.IsAsciiDigit(value[i]) && char.IsAsciiDigit(value[i + 1]) && i % 3 == 0)
                builder.Append(invisible);
        }
        return builder.ToString();
    };
}
