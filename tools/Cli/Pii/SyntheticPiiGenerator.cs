using System.Globalization;
using System.Text;
using Bogus;
using SpecialistPlatform.Compliance.Detection;
using SpecialistPlatform.Compliance.Detection.Evaluation;
using T = SpecialistPlatform.Compliance.Detection.PersonalDataTypes;

namespace SpecialistPlatform.Cli.Pii;

/// <summary>
/// A seeded generator of labelled synthetic texts in Presidio's evaluation format: emails, chat messages,
/// forms and invoices across several Bogus locales, each value labelled with its span. Identifiers with a
/// check digit are generated valid (cards, IBANs, NHS, DEA, Bitcoin); phone numbers come in each locale's own
/// formats, so some are deliberately outside what the rules know. PERSON, LOCATION and ORGANIZATION are
/// labelled too, for a learned tagger; no rule here claims them. The same seed gives the same file.
/// </summary>
public sealed class SyntheticPiiGenerator
{
    /// <remarks>pl, sv and pt_BR are locales the entity tagger's training generator and gazetteer never use.</remarks>
    public static readonly IReadOnlyList<string> Locales = ["en", "en_GB", "en_US", "de", "fr", "es", "it", "nl", "pl", "sv", "pt_BR"];

    private static readonly Dictionary<string, string> Cultures = new()
    {
        ["en"] = "en-US", ["en_GB"] = "en-GB", ["en_US"] = "en-US", ["de"] = "de-DE", ["fr"] = "fr-FR", ["es"] = "es-ES", ["it"] = "it-IT", ["nl"] = "nl-NL", ["pl"] = "pl-PL", ["sv"] = "sv-SE", ["pt_BR"] = "pt-BR",
    };

    private readonly Random _random;
    private readonly Dictionary<string, Faker> _fakers = [];

    public SyntheticPiiGenerator(int seed)
    {
        _random = new Random(seed);
        for (var i = 0; i < Locales.Count; i++)
            _fakers[Locales[i]] = new Faker(Locales[i]) { Random = new Randomizer(seed * 31 + i) };
    }

    private delegate void Template(Faker f, Builder b, Context c);

    private sealed record Context(string Locale, CultureInfo Culture, SyntheticPiiGenerator Generator);

    public IEnumerable<PresidioSample> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var locale = Locales[_random.Next(Locales.Count)];
            var faker = _fakers[locale];
            var (name, template) = Templates[_random.Next(Templates.Length)];
            var builder = new Builder();
            template(faker, builder, new Context(locale, CultureInfo.GetCultureInfo(Cultures[locale]), this));
            yield return builder.Build(name + ":" + locale);
        }
    }

    private static readonly (string Name, Template Template)[] Templates =
    [
        ("email-intro", (f, b, c) =>
        {
            var first = f.Name.FirstName();
            var last = f.Name.LastName();
            b.Text("Hi ").Add(T.Person, first).Text(",\n\nThanks for your message. You can reach me at ")
                .Add(T.EmailAddress, f.Internet.Email(first, last)).Text(" or call ").Add(T.PhoneNumber, c.Generator.Phone(f))
                .Text(".\nBest regards,\n").Add(T.Person, f.Name.FullName()).Text("\n").Add(T.Organization, f.Company.CompanyName());
        }),
        ("email-refund", (f, b, c) =>
        {
            b.Text("Dear support team,\nplease refund the payment of ").Text(f.Finance.Amount(5, 900).ToString("0.00", CultureInfo.InvariantCulture))
                .Text(" EUR to my account ").Add(T.Iban, c.Generator.Iban(f)).Text(". The charge on card ").Add(T.CreditCard, c.Generator.Card())
                .Text(" was made on ").Add(T.DateTime, c.Generator.Date(f, c)).Text(" by mistake.\nKind regards, ").Add(T.Person, f.Name.FullName());
        }),
        ("email-medical", (f, b, c) =>
        {
            b.Text("Patient ").Add(T.Person, f.Name.FullName()).Text(", NHS number ").Add(T.UkNhs, c.Generator.Nhs())
                .Text(", aged ").Add(T.Age, f.Random.Int(1, 99).ToString(CultureInfo.InvariantCulture))
                .Text(", was seen on ").Add(T.DateTime, c.Generator.Date(f, c)).Text(" by Dr. ").Add(T.Person, f.Name.LastName())
                .Text(" (DEA ").Add(T.MedicalLicense, c.Generator.Dea(f)).Text(").");
        }),
        ("chat-card", (f, b, c) =>
        {
            b.Text(f.PickRandom("hey", "hi", "hello", "ok so")).Text(" my card number is ").Add(T.CreditCard, c.Generator.Card())
                .Text(f.PickRandom(" can you check why it got declined?", " and it keeps failing", ", expiry 09/27"));
        }),
        ("chat-contact", (f, b, c) =>
        {
            b.Text(f.PickRandom("you can text me on ", "my number is ", "call me at ")).Add(T.PhoneNumber, c.Generator.Phone(f))
                .Text(f.PickRandom(" after 6", " anytime", " tomorrow")).Text(" or email ").Add(T.EmailAddress, f.Internet.Email());
        }),
        ("chat-age", (f, b, c) =>
        {
            var age = f.Random.Int(18, 90).ToString(CultureInfo.InvariantCulture);
            if (f.Random.Bool())
                b.Text("I'm ").Add(T.Age, age).Text(" years old and I live in ").Add(T.Location, f.Address.City()).Text(", is that a problem?");
            else
                b.Text("my father is ").Add(T.Age, age).Text("-year-old and wants to open an account");
        }),
        ("chat-crypto", (f, b, c) =>
        {
            b.Text(f.PickRandom("send the BTC to ", "my wallet address: ", "pls transfer to ")).Add(T.Crypto, c.Generator.Bitcoin(f))
                .Text(f.PickRandom(" thanks", " asap", ""));
        }),
        ("chat-login", (f, b, c) =>
        {
            b.Text("someone logged into my account from ").Add(T.IpAddress, f.Random.Bool(0.7f) ? f.Internet.Ip() : f.Internet.Ipv6())
                .Text(" at ").Add(T.DateTime, c.Generator.Time(f)).Text(", I never use ").Add(T.Url, f.Internet.UrlWithPath());
        }),
        ("chat-website", (f, b, c) =>
        {
            b.Text(f.PickRandom("is ", "I found your offer on ", "did you buy ")).Add(T.DomainName, f.Internet.DomainName())
                .Text(f.PickRandom(" legit?", " yesterday", " or is it a scam?"));
        }),
        ("form-us", (f, b, c) =>
        {
            b.Text("Name: ").Add(T.Person, f.Name.FullName()).Text("\nDate of birth: ").Add(T.DateTime, c.Generator.Date(f, c))
                .Text("\nSSN: ").Add(T.UsSsn, c.Generator.Ssn(f)).Text("\nDriver's license: ").Add(T.UsDriverLicense, f.Random.Replace("?#######"))
                .Text("\nPassport number: ").Add(T.UsPassport, f.Random.Replace("#########"))
                .Text("\nAddress: ").Add(T.StreetAddress, f.Address.StreetAddress()).Text(", ").Add(T.Location, f.Address.City());
        }),
        ("form-bank", (f, b, c) =>
        {
            b.Text("Account holder: ").Add(T.Person, f.Name.FullName()).Text("\nBank account number: ").Add(T.UsBankNumber, f.Random.Replace("##########"))
                .Text("\nEmail: ").Add(T.EmailAddress, f.Internet.Email()).Text("\nPhone: ").Add(T.PhoneNumber, c.Generator.Phone(f));
        }),
        ("form-signup", (f, b, c) =>
        {
            b.Text("username=").Text(f.Internet.UserName()).Text("; email=").Add(T.EmailAddress, f.Internet.Email())
                .Text("; ip=").Add(T.IpAddress, f.Internet.Ip()).Text("; website=").Add(T.Url, f.Internet.Url())
                .Text("; signed up ").Add(T.DateTime, c.Generator.Date(f, c));
        }),
        ("invoice", (f, b, c) =>
        {
            b.Text("INVOICE ").Text(f.Random.Replace("INV-####-###")).Text("\nFrom: ").Add(T.Organization, f.Company.CompanyName())
                .Text("\nBill to: ").Add(T.Person, f.Name.FullName()).Text(", ").Add(T.Location, f.Address.City())
                .Text("\nDate: ").Add(T.DateTime, c.Generator.Date(f, c)).Text("\nAmount due: ").Text(f.Finance.Amount(10, 5000).ToString("0.00", CultureInfo.InvariantCulture))
                .Text("\nPay to IBAN ").Add(T.Iban, c.Generator.Iban(f)).Text("\nQuestions: ").Add(T.EmailAddress, f.Internet.Email());
        }),
        ("invoice-card", (f, b, c) =>
        {
            b.Text("Receipt ").Text(f.Random.Replace("#######")).Text(" - paid ").Text(f.Finance.Amount(1, 300).ToString("0.00", CultureInfo.InvariantCulture))
                .Text(" with card ").Add(T.CreditCard, c.Generator.Card()).Text(" on ").Add(T.DateTime, c.Generator.Date(f, c))
                .Text(" at ").Add(T.DateTime, c.Generator.Time(f)).Text(". Visit ").Add(T.Url, f.Internet.Url()).Text(" for returns.");
        }),
        ("shipping-notice", (f, b, c) =>
        {
            b.Text(f.PickRandom("Good news! ", "Update: ", "")).Text("Your parcel is on its way.\nRecipient: ").Add(T.Person, f.Name.FullName())
                .Text("\nDelivery address: ").Add(T.StreetAddress, f.Address.StreetAddress(f.Random.Bool(0.3f))).Text("\n").Text(f.Address.ZipCode()).Text(" ")
                .Add(T.Location, f.Address.City()).Text("\nShipped by ").Add(T.Organization, f.Company.CompanyName()).Text(" on ").Add(T.DateTime, c.Generator.Date(f, c));
        }),
        ("meeting-notes", (f, b, c) =>
        {
            b.Text("Notes from today's call: ").Add(T.Person, f.Name.FullName()).Text(" (").Add(T.Organization, f.Company.CompanyName())
                .Text(f.PickRandom(") will send the draft to ", ") agreed to brief ", ") is waiting for feedback from ")).Add(T.Person, f.Name.FirstName())
                .Text(f.PickRandom(" before the workshop in ", " ahead of the offsite in ", "; next meeting in ")).Add(T.Location, f.Address.City()).Text(".");
        }),
        ("cv", (f, b, c) =>
        {
            b.Add(T.Person, f.Name.FullName()).Text("\n").Text(f.Name.JobTitle()).Text(" at ").Add(T.Organization, f.Company.CompanyName())
                .Text(", ").Add(T.Location, f.Address.City()).Text("\nPreviously: ").Text(f.Name.JobTitle()).Text(", ").Add(T.Organization, f.Company.CompanyName())
                .Text("\nAge: ").Add(T.Age, f.Random.Int(20, 65).ToString(CultureInfo.InvariantCulture));
        }),
        ("chat-courier", (f, b, c) =>
        {
            b.Text(f.PickRandom("i ordered from ", "bought a chair from ", "got a package from ")).Add(T.Organization, f.Company.CompanyName())
                .Text(f.PickRandom(" and the courier left it at ", " but they delivered to ")).Add(T.StreetAddress, f.Address.StreetAddress())
                .Text(f.PickRandom(" instead?? my name is ", " - wrong house. this is ")).Add(T.Person, f.Name.FullName());
        }),
        ("news-appointment", (f, b, c) =>
        {
            b.Add(T.Location, f.Address.City()).Text(" - ").Add(T.Organization, f.Company.CompanyName()).Text(" has appointed ").Add(T.Person, f.Name.FullName())
                .Text(f.PickRandom(" as chief financial officer", " to its board", " as head of sales")).Text(", the company said on ").Add(T.DateTime, c.Generator.Date(f, c)).Text(".");
        }),
        ("travel-booking", (f, b, c) =>
        {
            b.Text("Booking confirmed for ").Add(T.Person, f.Name.FullName()).Text(": ").Add(T.Location, f.Address.City()).Text(" to ")
                .Add(T.Location, f.Address.Country()).Text(", departing ").Add(T.DateTime, c.Generator.Date(f, c)).Text(". Reference ").Text(f.Random.Replace("??####")).Text(".");
        }),
        ("hr-letter", (f, b, c) =>
        {
            var last = f.Name.LastName();
            b.Text(f.PickRandom("Dear Ms. ", "Dear Mr. ", "Dear Dr. ")).Add(T.Person, last).Text(",\n\nWe are pleased to offer you the position of ").Text(f.Name.JobTitle())
                .Text(" at our ").Add(T.Location, f.Address.City()).Text(" office, starting ").Add(T.DateTime, c.Generator.Date(f, c)).Text(".\n\nYours sincerely,\n")
                .Add(T.Person, f.Name.FullName()).Text("\nPeople Team, ").Add(T.Organization, f.Company.CompanyName());
        }),
        ("no-pii-capitalised", (f, b, c) =>
        {
            b.Text(f.PickRandom(
                "Please update the Android app to version 5.2 before Friday.",
                "Our Customer Care team is available Monday to Saturday.",
                "The new Premium Plan includes Travel Insurance and Priority Support.",
                "Read our Privacy Notice and Cookie Policy for details.",
                "Apple Pay and Google Pay are now supported in the EU.",
                "Error 504: Gateway Timeout. Try again later.",
                "Terms of Service updated in January.",
                "Thank you for contacting the Help Centre."));
        }),
        ("no-pii", (f, b, c) =>
        {
            b.Text(f.PickRandom(
                "How do I change the PIN on my card?",
                "What is the exchange rate for dollars today?",
                "My transfer of 250 euros has been pending for 3 days.",
                "Order 12345678 has not arrived yet.",
                "Can I top up with a cheque? The fee seemed to be 1.5% last time.",
                "Version 2.4.1 of the app crashes when I open settings.",
                "I was charged twice, reference 2026/0042."));
        }),
    ];

    private string Phone(Faker f)
    {
        if (f.Random.Bool(0.6f))
            return f.Phone.PhoneNumber();
        var (cc, groups) = f.PickRandom(("+44", "20 #### ####"), ("+49", "30 ########"), ("+33", "# ## ## ## ##"), ("+1", "###-###-####"), ("+34", "### ### ###"), ("+31", "6 ########"));
        var national = f.Random.Replace(groups);
        if (cc == "+1")
            national = f.Random.Int(2, 9) + national[1..4] + f.Random.Int(2, 9) + national[5..];
        return cc + " " + national;
    }

    private string Card()
    {
        var (prefix, length) = _random.Next(5) switch
        {
            0 => ("4", 16),
            1 => ("5" + _random.Next(1, 6), 16),
            2 => (_random.Next(2) == 0 ? "34" : "37", 15),
            3 => ("6011", 16),
            _ => ("4", 16),
        };
        var digits = new StringBuilder(prefix);
        while (digits.Length < length - 1)
            digits.Append((char)('0' + _random.Next(10)));
        for (var check = 0; check < 10; check++)
        {
            var candidate = digits.ToString() + (char)('0' + check);
            if (Checksums.Luhn(candidate))
                return _random.Next(3) switch
                {
                    0 => candidate,
                    1 => Group(candidate, length == 15 ? [4, 6, 5] : [4, 4, 4, 4], ' '),
                    _ => Group(candidate, length == 15 ? [4, 6, 5] : [4, 4, 4, 4], '-'),
                };
        }
        throw new InvalidOperationException("unreachable");
    }

    private static string Group(string digits, int[] sizes, char separator)
    {
        var parts = new List<string>();
        var i = 0;
        foreach (var size in sizes)
        {
            parts.Add(digits.Substring(i, size));
            i += size;
        }
        return string.Join(separator, parts);
    }

    private string Iban(Faker f)
    {
        var country = f.PickRandom("DE", "GB", "FR", "ES", "IT", "NL", "BE", "AT", "CH", "PL");
        var length = Compliance.Detection.Recognizers.IbanRecognizer.Lengths[country];
        var bban = f.Random.Replace(new string('#', length - 4));
        var numeric = string.Concat((bban + country + "00").Select(ch => char.IsAsciiLetter(ch) ? (ch - 'A' + 10).ToString(CultureInfo.InvariantCulture) : ch.ToString()));
        var remainder = 0;
        foreach (var ch in numeric)
            remainder = (remainder * 10 + (ch - '0')) % 97;
        var iban = country + (98 - remainder).ToString("00", CultureInfo.InvariantCulture) + bban;
        return f.Random.Bool() ? iban : string.Join(' ', iban.Chunk(4).Select(ch => new string(ch)));
    }

    private string Nhs()
    {
        while (true)
        {
            var digits = new StringBuilder();
            for (var i = 0; i < 9; i++)
                digits.Append((char)('0' + _random.Next(10)));
            for (var check = 0; check < 10; check++)
            {
                var candidate = digits.ToString() + (char)('0' + check);
                if (Checksums.NhsMod11(candidate))
                    return _random.Next(2) == 0 ? $"{candidate[..3]} {candidate[3..6]} {candidate[6..]}" : candidate;
            }
        }
    }

    private string Ssn(Faker f)
    {
        while (true)
        {
            var area = f.Random.Int(1, 899).ToString("000", CultureInfo.InvariantCulture);
            var group = f.Random.Int(1, 99).ToString("00", CultureInfo.InvariantCulture);
            var serial = f.Random.Int(1, 9999).ToString("0000", CultureInfo.InvariantCulture);
            if (Compliance.Detection.Recognizers.UsSsnRecognizer.IsValid(area, group, serial))
                return $"{area}-{group}-{serial}";
        }
    }

    private string Dea(Faker f)
    {
        var prefix = f.PickRandom("A", "B", "F", "M") + (char)('A' + f.Random.Int(0, 25));
        var d = Enumerable.Range(0, 6).Select(_ => f.Random.Int(0, 9)).ToArray();
        var check = (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10;
        return prefix + string.Concat(d) + check;
    }

    private string Bitcoin(Faker f)
    {
        var program = f.Random.Bytes(20);
        switch (f.Random.Int(0, 2))
        {
            case 0:
                return Checksums.Base58CheckEncode([0x00, .. program]);
            case 1:
                return Checksums.Base58CheckEncode([0x05, .. program]);
            default:
                var data = Checksums.ConvertBits(program, 8, 5, pad: true)!;
                return Checksums.Bech32Encode("bc", [0, .. data], Checksums.Bech32Constant);
        }
    }

    private string Date(Faker f, Context c)
    {
        var date = f.Date.Between(new DateTime(1950, 1, 1), new DateTime(2026, 12, 31));
        var format = f.PickRandom("yyyy-MM-dd", "MM/dd/yyyy", "dd.MM.yyyy", "dd/MM/yyyy", "MMMM d, yyyy", "d MMMM yyyy", "MMM d", "d MMM yyyy");
        // Named months in the locale's own language; numeric forms are culture-neutral here.
        var culture = format.Contains("MMM", StringComparison.Ordinal) && !format.StartsWith("MMMM d,", StringComparison.Ordinal) ? c.Culture : CultureInfo.InvariantCulture;
        return date.ToString(format, culture);
    }

    private string Time(Faker f)
    {
        var hour = f.Random.Int(0, 23);
        var minute = f.Random.Int(0, 59);
        return f.Random.Bool()
            ? $"{hour:00}:{minute:00}"
            : $"{(hour % 12 == 0 ? 12 : hour % 12)}:{minute:00} {(hour < 12 ? "am" : "pm")}";
    }

    /// <summary>Concatenates literal text and labelled values, recording each value's span.</summary>
    private sealed class Builder
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _masked = new();
        private readonly List<(string Type, int Start, int End, string Value)> _spans = [];

        public Builder Text(string value)
        {
            _text.Append(value);
            _masked.Append(value);
            return this;
        }

        public Builder Add(string type, string value)
        {
            _spans.Add((type, _text.Length, _text.Length + value.Length, value));
            _text.Append(value);
            _masked.Append('{').Append(type).Append('}');
            return this;
        }

        public PresidioSample Build(string templateId)
        {
            var text = _text.ToString();
            var spans = _spans.Select(s => new PresidioSpan(s.Type, s.Value, TextOffsets.ToCodePointIndex(text, s.Start), TextOffsets.ToCodePointIndex(text, s.End))).ToList();
            return new PresidioSample(text, spans) { Masked = _masked.ToString(), TemplateId = templateId };
        }
    }
}
