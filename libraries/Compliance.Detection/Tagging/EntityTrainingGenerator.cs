using System.Globalization;
using System.Text;
using Bogus;
using SpecialistPlatform.MachineLearning.Sequence;
using T = SpecialistPlatform.Compliance.Detection.PersonalDataTypes;

namespace SpecialistPlatform.Compliance.Detection.Tagging;

/// <summary>
/// Seeded training data for the entity tagger: Bogus names, addresses, cities, countries and companies from
/// <see cref="EntityGazetteer.TrainingLocales"/>, placed in varied frames (notes, tickets, shipping labels,
/// signatures, letters in six languages, CSV and key-value records, lists, e-mail headers, news-like sentences),
/// mixed with other personal data that stays untagged (the rules own it) and with real PII-free utterances
/// (<see cref="NegativeUtterances"/>) as negatives. Written independently of the CLI's benchmark generator
/// (other frames, other locales, other name forms) so that the benchmark measures generalisation.
/// The same seed and count give the same examples, on any day: dates come from fixed ranges, never relative to now.
/// </summary>
public sealed class EntityTrainingGenerator
{
    public static readonly IReadOnlyList<string> Labels = [T.Person, T.Location, T.Organization, T.StreetAddress];

    /// <summary>Share of examples that are real utterances without personal data.</summary>
    public const double NegativeShare = 0.25;

    private readonly Random _random;
    private readonly Faker[] _fakers;
    private readonly IReadOnlyList<string> _negatives;

    public EntityTrainingGenerator(int seed)
    {
        _random = new Random(seed);
        _fakers = EntityGazetteer.TrainingLocales
            .Select((locale, i) => new Faker(locale) { Random = new Randomizer(unchecked(seed * 7919 + i)) })
            .ToArray();
        _negatives = NegativeUtterances.All;
    }

    public IEnumerable<SpanExample> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (_random.NextDouble() < NegativeShare)
            {
                yield return Negative();
                continue;
            }
            var f = _fakers[_random.Next(_fakers.Length)];
            var b = new Builder(this, f);
            var parts = 1 + (_random.NextDouble() < 0.35 ? 1 : 0) + (_random.NextDouble() < 0.1 ? 1 : 0);
            for (var p = 0; p < parts; p++)
            {
                if (p > 0)
                    b.Text(_random.NextDouble() < 0.5 ? "\n" : " ");
                Frames[_random.Next(Frames.Length)](b);
            }
            yield return b.Build();
        }
    }

    /// <summary>A first name or surname drawn as the generator draws them (locales, hand-written lists, invented ones).</summary>
    internal string DrawNameWord(bool first) => new Builder(this, _fakers[_random.Next(_fakers.Length)]).NameText(first);

    /// <summary>
    /// A real town or city from the place list (<see cref="Recognizers.KnownPlaces"/>). Not Bogus's towns: many are built
    /// from a first name and a surname ("Maria Rossi" style), and renamed places in hand-written contexts taught the tagger
    /// that a person after "Deliver to:" is a place.
    /// </summary>
    internal string DrawTown() => Towns[_random.Next(Towns.Length)];

    private static readonly string[] Towns = [.. Recognizers.KnownPlaces.Cities, .. Recognizers.KnownPlaces.MoreCities];

    private SpanExample Negative()
    {
        var text = _negatives[_random.Next(_negatives.Count)];
        // Banking77 is sentence case, CLINC150 lower case: give both forms, plus capitalised product and calendar
        // words that are not names.
        if (_random.NextDouble() < 0.5 && text.Length > 0 && char.IsLower(text[0]))
            text = char.ToUpperInvariant(text[0]) + text[1..];
        if (_random.NextDouble() < 0.3)
            text += " " + Pick(NotNames);
        return new SpanExample(text, []);
    }

    private static readonly string[] NotNames =
    [
        "I use Apple Pay.", "It was a Visa card.", "My Mastercard was declined.", "Is Google Pay supported?", "The ATM kept my card.",
        "Do you support SWIFT transfers?", "I need my IBAN and BIC.", "See you on Monday.", "It happened in March.", "The PIN is wrong.",
        "Thanks, Support Team", "Sent from my iPhone", "Best regards", "Kind regards, Customer Service", "Please reply ASAP.",
        "Order Status: Shipped", "Subject: Refund request", "The App Store charged me twice.", "I paid with PayPal.", "Happy New Year!",
        "Our Terms and Conditions changed.", "Re: Your Account", "FAQ", "Monthly Statement", "Dear Customer,", "Hello Team,",
    ];

    private string Pick(IReadOnlyList<string> options) => options[_random.Next(options.Count)];

    /// <summary>Headings, notices and interface strings, written here for the negatives (generator version 4).</summary>
    private static readonly string[] Headings =
    [
        "Terms of Service", "Privacy Policy", "Terms and Conditions", "Refund Policy", "Shipping Policy", "Order Confirmation", "Booking Reference",
        "Payment Received", "Account Settings", "Customer Service", "Customer Support", "Help Center", "Contact Us", "Frequently Asked Questions",
        "Service Unavailable", "Internal Server Error", "Bad Request", "Not Found", "Access Denied", "Password Reset", "Two-Factor Authentication",
        "Delivery Status", "Tracking Number", "Order Summary", "Billing Address", "Payment Method", "Return Request", "Out of Stock", "Sales Team",
        "Annual Report", "Quarterly Review", "Release Notes", "User Guide", "Getting Started", "Action Required", "Reservation Confirmed",
        "Appointment Reminder", "Security Alert", "New Sign-in", "Weekly Digest", "Data Protection Notice", "Accessibility Statement", "Opening Hours",
    ];

    /// <summary>Acronyms of identifiers that precede a code ("DEA AB1234563", "IBAN DE89 ...").</summary>
    private static readonly string[] IdAcronyms =
        ["DEA", "NPI", "GMC", "IBAN", "BIC", "SWIFT", "VAT", "EIN", "TIN", "SSN", "NHS", "PIN", "CVV", "ID", "REF", "PO", "SKU", "UPC", "ISBN", "MRN"];

    private delegate void Frame(Builder b);

    private static readonly Frame[] Frames =
    [
        b => b.Text(b.Pick("Met with ", "Call with ", "Had lunch with ", "Spoke to ")).Person().Text(" from ").Org().Text(b.Pick(" in ", " at their office in ")).City()
            .Text(b.Pick(" about the renewal.", " to discuss pricing.", ". Follow up next week.", ".")),
        b => b.Text("Ticket ").Text(b.Digits(5)).Text(": customer ").Person().Text(b.Pick(" reports that the parcel sent to ", " says nothing arrived at ")).Street()
            .Text(", ").Text(b.F.Address.ZipCode()).Text(" ").City().Text(b.Pick(" never arrived.", " is missing.", ".")),
        b => b.Person().Text("\n").Street().Text(b.Maybe("\n" + b.F.Address.SecondaryAddress())).Text("\n").Text(b.F.Address.ZipCode()).Text(" ").City()
            .Text(b.Maybe("\n", 0.6)).Country(0.6),
        b => b.Text(b.Pick("--\n", "Regards,\n", "Cheers,\n", "Best,\n", "Thanks,\n")).Person().Text("\n").Text(b.F.Name.JobTitle()).Text(b.Pick(", ", " | ", "\n")).Org()
            .Text(b.Maybe("\n" + b.F.Phone.PhoneNumber(), 0.5)),
        b => b.Org().Text(b.Pick(" announced today that ", " said on Tuesday that ", " confirmed that ")).Person()
            .Text(b.Pick(" will lead its new office in ", " is moving to ", " opened a branch in ")).City().Text("."),
        b => b.Person().Text(b.Pick(" joined ", " left ", " was hired by ", " works for ")).Org().Text(b.Pick(" in ", " last year and lives in ", " and is based in ")).City().Text("."),
        b => b.Text(b.Pick("Flight booked for ", "Train ticket for ", "Hotel reservation for ")).Person().Text(" from ").City().Text(" to ").City()
            .Text(b.Pick(".", " on Friday.", ", seat 14C.")),
        b => b.Text(b.Pick("Please deliver the parcel to ", "Ship to: ", "Send the documents to ", "Deliver to ")).Person().Text(", ").Street().Text(", ").City()
            .Text(b.Maybe(", ", 0.4)).Country(0.4).Text("."),
        b => b.Text(b.Pick("To whom it may concern, I have known ", "I can recommend ", "We are pleased to introduce ")).Title().Surname()
            .Text(b.Pick(" for many years.", " without reservation.", ", who has worked with us since 2019.")),
        b => b.FirstName().Text(";").Surname().Text(";").Org().Text(";").City().Text(";").Text(b.F.Internet.Email()),
        b => b.Text(b.Pick("customer_name: ", "Name = ", "client: ", "NAME: ")).Person().Text(b.Pick(" | city: ", "; location = ", ", town: ")).City()
            .Text(b.Pick(" | company: ", "; employer = ", ", org: ")).Org(),
        b => b.Text("Invitation: ").Text(b.Pick("Call", "Sync", "Interview", "Review")).Text(" with ").Person().Text(" (").Org().Text(") @ ")
            .Text(b.F.Random.Int(8, 18).ToString(CultureInfo.InvariantCulture)).Text(":00"),
        b => b.Text(b.Pick("The branch in ", "Your office in ", "The store in ")).City().Text(b.Pick(" refused my deposit, and the manager ", " lost my papers and ")).Person()
            .Text(b.Pick(" was rude.", " did not call back.", " never answered.")),
        b => b.Text(b.Pick("Attendees: ", "CC: ", "Present: ", "Team: ")).Person().Text(", ").Person().Text(b.Pick(" and ", ", ")).Person().Text("."),
        b => b.Text(b.Pick("Card holder ", "Account owner ", "Payer ")).Person().Text(", card ").Text(b.F.Finance.CreditCardNumber()).Text(", expires ")
            .Text(b.F.Date.Between(new DateTime(2026, 1, 1), new DateTime(2031, 12, 31)).ToString("MM/yy", CultureInfo.InvariantCulture)).Text("."),
        b => b.Text("From: ").Person().Text(" <").Text(b.F.Internet.Email()).Text(">\nTo: ").Person().Text(" <").Text(b.F.Internet.Email()).Text(">\nSubject: ")
            .Text(b.Pick("Invoice", "Meeting next week", "Your application", "Contract")),
        b => b.Text(b.Pick("Sehr geehrte Frau ", "Sehr geehrter Herr ", "Hallo ")).Surname().Text(",\nvielen Dank für Ihre Nachricht.\nMit freundlichen Grüßen\n").Person(),
        b => b.Text(b.Pick("Bonjour ", "Cher ", "Chère ")).FirstName().Text(",\nmerci pour votre retour.\nCordialement,\n").Person().Text("\n").Org(),
        b => b.Text(b.Pick("Hola ", "Estimado ", "Estimada ")).FirstName().Text(", le escribo desde ").City().Text(". Saludos, ").Person(),
        b => b.Text(b.Pick("Gentile ", "Caro ", "Ciao ")).Person().Text(", la consegna a ").Street().Text(" è prevista domani."),
        b => b.Text(b.Pick("Beste ", "Hallo ", "Geachte heer ")).Surname().Text(", uw pakket wordt bezorgd op ").Street().Text(" in ").City().Text("."),
        b => b.Text(b.Pick("I moved from ", "We relocated from ", "She came from ")).City().Text(" to ").Street().Text(" in ").City().Text(b.Pick(" last year.", " in 2021.", ".")),
        b => b.Person().Text(b.Pick("'s account at ", "'s loan with ", "'s contract with ")).Org().Text(b.Pick(" was closed.", " is overdue.", " was renewed.")),
        b => b.Text(b.Pick("Our supplier ", "The vendor ", "Their parent company ")).Org().Text(b.Pick(" is headquartered in ", " has a plant near ", " ships from ")).City()
            .Text(", ").Country(1).Text("."),
        b => b.Text(b.Pick("Applicant: ", "Patient: ", "Tenant: ", "Employee: ")).Person().Text(b.Pick("\nHome address: ", "\nAddress: ", ", residing at ")).Street().Text(", ")
            .Text(b.F.Address.ZipCode()).Text(" ").City(),
        b => b.Text(b.Pick("Visited ", "Trip to ", "Conference in ")).City().Text(b.Pick(", ", " and ")).City().Text(b.Pick(" in May.", " with the team.", ".")),
        b => b.Text(b.Pick("Can you ask ", "Please remind ", "Tell ")).FirstName().Text(b.Pick(" to send the report", " to call ", " that ")).Text(b.Maybe(" ")).Person(0.5)
            .Text(b.Pick("?", " today.", ".")),
        b => b.Text(b.Pick("Signed, ", "Approved by ", "Reviewed by ", "Prepared by ")).Person().Text(b.Pick(" on behalf of ", ", ", " for ")).Org().Text("."),
        b => b.Org().Text(b.Pick("\n", ", ")).Street().Text(b.Pick("\n", ", ")).Text(b.F.Address.ZipCode()).Text(" ").City().Text(b.Maybe("\nTel. " + b.F.Phone.PhoneNumber(), 0.5)),
        b => b.Text(b.Pick("hi its ", "hey, this is ", "yo it's ")).FirstName().Text(b.Pick(", im at ", " - I'm outside ", ", meet me at ")).Street().Text(b.Pick(" now", "", " ok?")),
        b => b.Text(b.Pick("The weather in ", "Rent prices in ", "Traffic around ")).City().Text(b.Pick(" is terrible today.", " went up again.", " was fine.")),
        b => b.Text(b.Pick("Born in ", "Grew up in ", "Lives in ")).City().Text(", ").Country(1).Text("."),
        b => b.Form(),
        b => b.Form(),
        b => b.Form(),
        b => b.Text(b.Pick("login: ", "user: ", "handle @", "username - ", "uid=")).Text(b.Handle()).Text(b.Pick("", " (inactive)", "; role=admin", ", last seen yesterday"))
            .Text(b.Maybe(" – owner ")).Person(0.3),
        b => b.Text(b.Pick("Attachment: ", "File ", "Saved as ")).Text(b.Handle()).Text(b.Pick(".pdf", ".docx", "_final.xlsx", ".png")),
        // Since generator versions 3 and 4 (issue 16): dialogue and chat with speaker labels, self-introductions, names mentioned
        // mid-sentence, a title before a surname, made-up company names with legal suffixes, multi-line addresses with
        // postcode and country lines, and names that are no word of any list (see Builder.Invented).
        b => b.Dialogue(),
        b => b.Dialogue(),
        b => b.Text(b.Pick("I am ", "I'm ", "My name is ", "Hello, my name is ", "Hi, I am ", "This is ")).Person().Text(b.Pick(" and I would like to ", ", I ", ". I ", " and I need to "))
            .Text(b.LowerUtterance()),
        b => b.Text(b.Pick("Hello, this is ", "Hi, it's ", "Hey, this is ", "Good morning, this is ")).FirstName().Text(b.Pick(" from ", " at ")).Org()
            .Text(b.Pick(". ", " again. ", ", ")).Text(b.Utterance()),
        b => b.Text(b.Pick("Hi ", "Hello ", "Dear ", "Hey ", "Thanks ")).FirstName().Text(b.Pick(",\n", ", ", "!\n")).Text(b.Utterance()).Text(b.Pick("\n\nBest,\n", "\nThanks,\n", "\n")).Person(0.7),
        b => b.Text(b.Pick("Dear ", "Hello ", "Good afternoon ")).Title().Surname().Text(b.Pick(",\n", ", ")).Text(b.Utterance()).Text(b.Pick(" ", "\n")).Title().Surname()
            .Text(b.Pick(" will call you.", " agreed.", " is copied.")),
        b => b.Text(b.Pick("Can you ask ", "Did ", "Has ", "Why did ", "Tell ")).FirstName().Text(b.Pick(" to call me back?", " pay you back?", " send the file?", " about it.")),
        b => b.Text(b.Pick("We went to ", "I visited ", "She flew to ", "They met in ")).City().Text(b.Pick(" with ", " together with ")).Person().Text(b.Pick(" and his wife ", " and her husband ", " and ")).FirstName().Text("."),
        b => b.Text(b.Pick("Thank you for contacting ", "Welcome to ", "Thanks for choosing ", "You are chatting with ")).Org().Text(b.Pick(" support.", ". How can we help?", ".")),
        b => b.Org().Text(b.Pick(" was founded in ", " was established in ", ", founded in ")).Text(b.F.Random.Int(1900, 2020).ToString(CultureInfo.InvariantCulture))
            .Text(b.Pick(" in ", " by two engineers from ", ", is based in ")).City().Text("."),
        b => b.Text(b.Pick("Please ship it to:\n", "Deliver to:\n", "Shipping label\n", "Return address:\n", "")).Person().Text("\n").Street().Text("\n")
            .Text(b.F.Address.ZipCode()).Text(" ").City().Text("\n").Country(1).Text(b.Maybe("\ntel. " + b.F.Phone.PhoneNumber(), 0.4)),
        // Capitalised headings, notices and UI strings, and identifier acronyms before a code: capitalised, unknown to
        // the vocabulary of ordinary requests, and never an entity.
        b => b.Text(b.Pick(Headings)).Text(b.Pick(": ", "\n", " - ", ". ")).Text(b.Utterance()).Text(b.Maybe(" See our " + b.Pick(Headings) + ".", 0.4)),
        b => b.Title().Surname().Text(" (").Text(b.Pick(IdAcronyms)).Text(" ").Text(b.F.Random.Replace(b.Pick("??#######", "##########", "#######"))).Text(")")
            .Text(b.Pick(".", " signed the form.", " approved it.")),
        b => b.Text(b.Pick("Transfer to ", "Pay to ", "Refund to ", "Send to ")).Text(b.Pick(IdAcronyms)).Text(" ").Text(b.F.Random.Replace("??##########")).Text(b.Pick(".", " today.", " by Friday.")),
        b => b.Text(b.Pick("Our new hire, ", "Our colleague ", "Welcome aboard, ")).Person().Text(b.Pick(", starts on Monday in the ", ", moves to the ", " joins the ")).City()
            .Text(b.Pick(" office.", " team.", " branch.")),
    ];

    /// <summary>Field labels that start form lines: capitalised, line-initial, and never a name.</summary>
    private static readonly string[] FieldLabels =
    [
        "Reference", "Order number", "Customer ID", "Passport number", "Passport No.", "Bill to", "Ship to", "Sold to", "Invoice date", "Due date", "Amount",
        "Total", "Phone", "Mobile", "Fax", "Email", "E-mail", "Website", "Date of birth", "DOB", "Gender", "Nationality", "Account number", "Sort code",
        "Policy number", "Claim", "Status", "Priority", "Category", "Subject", "Notes", "Comments", "Driver's license", "Licence no.", "Tax ID", "VAT",
        "Member since", "Plan", "Balance", "Card", "Expiry", "Issue", "Description", "Department", "Position", "Manager", "Signature", "Payment method",
    ];

    /// <summary>Concatenates text and labelled values, recording UTF-16 spans.</summary>
    private sealed class Builder(EntityTrainingGenerator generator, Faker faker)
    {
        private readonly StringBuilder _text = new();
        private readonly List<LabeledSpan> _spans = [];

        public Faker F => faker;

        public string Pick(params string[] options) => generator.Pick(options);

        public string Pick(IReadOnlyList<string> options) => generator.Pick(options);

        public string Maybe(string value, double p = 0.5) => generator._random.NextDouble() < p ? value : "";

        public string Digits(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => (char)('0' + generator._random.Next(10))));

        public Builder Text(string value)
        {
            _text.Append(value);
            return this;
        }

        private Builder Add(string label, string value)
        {
            value = value.Trim();
            if (value.Length == 0)
                return this;
            // Now and then in capitals, as forms and shipping labels write them.
            if (generator._random.NextDouble() < 0.04)
                value = value.ToUpperInvariant();
            _spans.Add(new LabeledSpan(label, _text.Length, _text.Length + value.Length));
            _text.Append(value);
            return this;
        }

        public Builder Person(double p = 1)
        {
            if (generator._random.NextDouble() >= p)
                return this;
            var first = FirstNameText();
            var last = LastNameText();
            var name = generator._random.Next(10) switch
            {
                0 => $"{first} {char.ToUpperInvariant(faker.Name.FirstName()[0])}. {last}",
                1 => $"{first[0]}. {last}",
                2 => $"{last}, {first}",
                3 => $"{first} {last}-{faker.Name.LastName()}",
                4 => $"{first} {faker.Name.FirstName()} {last}",
                _ => $"{first} {last}",
            };
            return Add(T.Person, name);
        }

        public Builder FirstName() => Add(T.Person, FirstNameText());

        public Builder Surname() => Add(T.Person, LastNameText());

        /// <summary>
        /// A first name: from Bogus, one in <see cref="InventedShare"/> that is no word of any list, or one in
        /// <see cref="NameListShare"/> from the hand-written lists of the locales Bogus lacks (generator version 6).
        /// </summary>
        private string FirstNameText() => NameText(first: true);

        private string LastNameText() => NameText(first: false);

        internal string NameText(bool first)
        {
            var draw = generator._random.NextDouble();
            if (draw < InventedShare)
                return Invented();
            if (draw < InventedShare + NameListShare)
            {
                // One list per example, so that a person's first name and surname come from the same locale.
                _nameList ??= EntityGazetteer.NameLists[generator._random.Next(EntityGazetteer.NameLists.Count)];
                return generator.Pick(first ? _nameList.FirstNames : _nameList.LastNames);
            }
            return first ? faker.Name.FirstName() : faker.Name.LastName();
        }

        private EntityGazetteer.NameList? _nameList;

        /// <summary>
        /// Share of names drawn from <see cref="EntityGazetteer.NameLists"/>: the gazetteer knows them, so training must
        /// show the name classes of those words in a name's place, or the CRF gives the new entries no weight.
        /// </summary>
        private const double NameListShare = 0.15;

        /// <summary>
        /// Share of names, towns and company names made up from syllables. Names from locales no list covers
        /// (Hungarian, Hebrew, Icelandic, Danish ...) reach the tagger as unknown words; made-up ones in training teach it
        /// to read the context ("Dear Dr ...", "... wrote:", a speaker label) rather than to remember the word.
        /// </summary>
        private const double InventedShare = 0.2;

        private static readonly string[] Onsets =
            ["b", "br", "d", "dr", "f", "g", "gr", "h", "j", "k", "kr", "l", "m", "n", "p", "pr", "r", "s", "sz", "st", "t", "tr", "v", "w", "z", "ch", "sh",
             "ł", "ś", "ž", "č", "š", "kv", "sv", "bj", "y", "ts", "gy", "zs", "cs", "ř", "ð", "þ"];

        private static readonly string[] Vowels =
            ["a", "e", "i", "o", "u", "a", "e", "o", "ä", "ö", "ü", "ø", "å", "é", "á", "í", "ó", "ő", "ű", "ě", "y", "ai", "ei", "ou", "ja", "ie"];

        private static readonly string[] Codas = ["", "", "", "n", "r", "l", "s", "k", "t", "m", "sz", "ck", "rd", "nd", "ş", "v", "j", "ch"];

        /// <summary>A capitalised word of two or three syllables, with the diacritics of Central, Eastern and Northern Europe.</summary>
        public string Invented()
        {
            var syllables = generator._random.Next(2, 4);
            var word = new StringBuilder();
            for (var i = 0; i < syllables; i++)
                word.Append(Pick(Onsets)).Append(Pick(Vowels)).Append(i == syllables - 1 ? Pick(Codas) : "");
            word[0] = char.ToUpperInvariant(word[0]);
            return word.ToString();
        }

        /// <summary>A real PII-free utterance (Banking77, CLINC150) in sentence case.</summary>
        public string Utterance()
        {
            var text = LowerUtterance();
            return text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
        }

        public string LowerUtterance()
        {
            var text = Pick(generator._negatives).Trim();
            return text.Length == 0 ? "ok" : char.ToLowerInvariant(text[0]) + text[1..];
        }

        /// <summary>Two to five lines of "Speaker: utterance", sometimes after a "[09:41]" time stamp, now and then naming someone.</summary>
        public Builder Dialogue()
        {
            var speakers = new[] { FirstNameText(), FirstNameText() };
            var stamped = generator._random.NextDouble() < 0.3;
            var lines = generator._random.Next(2, 6);
            for (var i = 0; i < lines; i++)
            {
                if (i > 0)
                    Text("\n");
                if (stamped)
                    Text("[").Text(generator._random.Next(7, 23).ToString("00", CultureInfo.InvariantCulture)).Text(":").Text(generator._random.Next(0, 60).ToString("00", CultureInfo.InvariantCulture)).Text("] ");
                Add(T.Person, speakers[i % 2]).Text(": ");
                switch (generator._random.Next(6))
                {
                    case 0:
                        Text(Pick("Remember ", "Have you seen ", "Did you call ", "Ask ")).FirstName().Text("?");
                        break;
                    case 1:
                        Text(Pick("We met in ", "I'm still in ", "Are you back from ")).City().Text(Pick("?", ".", " last week."));
                        break;
                    default:
                        Text(Utterance());
                        break;
                }
            }
            return this;
        }

        public Builder Title() => Text(Pick("Mr. ", "Mrs. ", "Ms. ", "Dr. ", "Prof. ", "Mr ", "Ms "));

        public Builder City()
        {
            var city = generator._random.Next(6) == 0 ? faker.Address.State() : generator._random.NextDouble() < InventedShare / 2 ? Invented() : faker.Address.City();
            return Add(T.Location, city);
        }

        public Builder Country(double p)
        {
            if (generator._random.NextDouble() >= p)
                return this;
            return Add(T.Location, faker.Address.Country());
        }

        public Builder Street()
        {
            var street = generator._random.NextDouble() < LocaleStreetShare
                ? LocaleStreet()
                : faker.Address.StreetAddress(generator._random.NextDouble() < 0.2);
            return Add(T.StreetAddress, street);
        }

        /// <summary>Share of street lines written in the formats of locales Bogus has no address data for (generator version 5).</summary>
        private const double LocaleStreetShare = 0.3;

        private int N(int min, int max) => generator._random.Next(min, max + 1);

        private string Num(int max = 199) => N(1, max).ToString(CultureInfo.InvariantCulture);

        /// <summary>A real-looking root or, now and then, a made-up one (capitalised, with diacritics).</summary>
        private string Root(params string[] roots) => generator._random.NextDouble() < 0.3 ? Invented() : Pick(roots);

        /// <summary>
        /// A street line as Hungarian, Danish, Icelandic, Hebrew, Greek, Ukrainian, Bulgarian and Russian, Lithuanian,
        /// Latvian, Estonian, Japanese and Korean (romanised), Indian and Nigerian addresses write it: the locale's street
        /// words, its order of name and house number, and its flat parts. Written for generator version 5 (issue 16) from
        /// general knowledge of these formats; the roots are common street names or made up.
        /// </summary>
        public string LocaleStreet() => generator._random.Next(14) switch
        {
            0 => $"{Root("Petőfi Sándor", "Kossuth Lajos", "Rákóczi", "Szabadság", "Béke", "Dózsa György", "Ady Endre", "Jókai", "Arany János", "Bartók Béla", "Fő", "Váci", "Hunyadi")} " +
                 $"{Pick("utca", "út", "tér", "körút", "köz", "sor", "u.", "krt.")} {Num()}.{Maybe($" {N(1, 9)}. em. {N(1, 30)}.", 0.3)}",
            1 => $"{Root("Nørre", "Vester", "Øster", "Skov", "Strand", "Kirke", "Mølle", "Bred", "Rosen", "Sønder", "Frederiks", "Hav")}{Pick("gade", "vej", "allé", "stræde", "gade", "vej")}" +
                 $" {Num()}{Maybe(Pick("A", "B", "C"), 0.15)}{Maybe($", {Pick($"{N(1, 6)}.", "st.")} {Pick("th.", "tv.", "mf.", "th", "tv")}", 0.45)}",
            2 => $"{Root("Lauga", "Skóla", "Hverfis", "Banka", "Hring", "Suður", "Nýbýla", "Sól", "Vallar", "Hafnar", "Kirkju", "Austur")}{Pick("vegur", "gata", "stræti", "braut", "stígur", "gerði", "hlíð")} {Num(120)}",
            3 => Pick(
                $"{Pick("Rehov ", "Rechov ", "")}{Pick("Herzl", "Ben Yehuda", "Dizengoff", "Jabotinsky", "Weizmann", "Allenby", "Bialik", "Ha-Nevi'im", "Ahad Ha'am", "Sokolov", Invented())} {Num()}",
                $"{Pick("רחוב ", "רח' ", "")}{Pick("הרצל", "בן יהודה", "דיזנגוף", "ויצמן", "ז'בוטינסקי", "אלנבי", "ביאליק")} {Num()}",
                $"{Pick("Rothschild", "Ben Gurion", "Herzl", "Dizengoff", "Hayarkon", Invented())} {Pick("Blvd", "St.", "Street", "Ave")} {Num()}{Maybe($", Apt {N(1, 40)}", 0.3)}"),
            4 => Pick(
                $"{Pick("Odos ", "Leoforos ", "")}{Pick("Ermou", "Stadiou", "Patision", "Akadimias", "Panepistimiou", "Solonos", "Kifisias", "Egnatias", "Tsimiski", Invented())} {Num()}",
                $"{Pick("οδός ", "Λεωφ. ", "")}{Pick("Ερμού", "Σταδίου", "Πατησίων", "Ακαδημίας", "Σόλωνος", "Εγνατίας", "Τσιμισκή", "Κηφισίας")} {Num()}"),
            5 => $"{Pick("вул.", "вулиця", "просп.", "пров.", "бул.", "ул.", "улица", "пл.")} {Pick("Хрещатик", "Шевченка", "Франка", "Лесі Українки", "Грушевського", "Витоша", "Цар Освободител", "Граф Игнатиев", "Раковски", "Васил Левски", "Ленина", "Пушкина", "Гагарина", "Садовая")}" +
                 $"{Pick(", ", " ")}{Pick("", "", "д. ", "буд. ", "№ ")}{Num()}{Maybe(Pick($", кв. {N(1, 120)}", $", ет. {N(1, 9)}, ап. {N(1, 60)}", $"/{N(1, 9)}"), 0.35)}",
            6 => $"{Pick("vul.", "bul.", "ul.", "prosp.")} {Pick("Khreshchatyk", "Shevchenka", "Franka", "Vitosha", "Rakovski", "Vasil Levski", "Hrushevskoho", Invented())} {Num()}{Maybe($", kv. {N(1, 120)}", 0.3)}",
            7 => $"{Root("Gedimino", "Vilniaus", "Laisvės", "Savanorių", "Konstitucijos", "Pilies", "Didžioji", "Ukmergės")} {Pick("g.", "pr.", "al.", "g.")} {Num()}{Maybe($"-{N(1, 90)}", 0.35)}",
            8 => Pick(
                $"{Root("Brīvības", "Elizabetes", "Tērbatas", "Krišjāņa Barona", "Valdemāra", "Dzirnavu", "Ģertrūdes")} iela {Num()}{Maybe($"-{N(1, 90)}", 0.35)}",
                $"{Root("Narva", "Pärnu", "Tartu", "Viru", "Rävala", "Tondi", "Mustamäe")} {Pick("mnt", "mnt.", "tänav", "pst", "tee")} {Num()}{Maybe($"-{N(1, 90)}", 0.3)}"),
            9 => Pick(
                $"{N(1, 9)}-{N(1, 30)}-{N(1, 20)} {Pick("Nishi-Shinjuku", "Ginza", "Minami-Aoyama", "Umeda", "Sakae", "Shibuya", "Roppongi", "Higashi-Ikebukuro", "Jingumae")}",
                $"{Pick("Nishi-Shinjuku", "Ginza", "Minami-Aoyama", "Umeda", "Sakae", "Shibuya", "Roppongi", "Jingumae")} {N(1, 9)}-{Pick("chome", "chōme")} {N(1, 30)}-{N(1, 20)}",
                $"{N(1, 9)}-chome-{N(1, 30)}-{N(1, 20)} {Pick("Ginza", "Umeda", "Roppongi", "Shibuya")}{Maybe($", Room {N(101, 905)}", 0.3)}"),
            10 => Pick(
                $"{Num(500)} {Pick("Teheran", "Sejong", "Gangnam", "Jong", "Olympic", "Hannam", "Dosan", "Eulji", "Toegye", "Yeoksam")}-{Pick("ro", "daero", "ro")}",
                $"{Pick("Teheran", "Sejong", "Gangnam", "Jong", "Olympic", "Hannam", "Dosan", "Eulji", "Toegye")}-{Pick("ro", "daero")} {Maybe($"{N(1, 60)}-gil ", 0.4)}{Num(500)}"),
            11 => Pick(
                $"{Pick("Flat ", "House No. ", "#", "No. ", "Door No. ")}{Num(300)}, {Pick("Gandhi", "Nehru", "Shastri", "Tilak", "Rajaji", "Indira", "Ashok", "Subhash", "Lajpat", "Anna", "MG", "Jawahar", "Patel", Invented())} " +
                $"{Pick("Nagar", "Marg", "Road", "Layout", "Colony", "Enclave", "Street")}",
                $"{Num(300)}, {N(1, 18)}{Pick("st", "nd", "rd", "th")} {Pick("Cross", "Main", "Main Road", "Cross Road")}",
                $"Plot {Num(300)}, Sector {N(1, 80)}"),
            12 => $"{Pick("", "", "Plot ", "No. ")}{Num(300)}{Pick(" ", ", ")}{Pick("Adeola Odeku", "Awolowo", "Allen", "Admiralty", "Ozumba Mbadiwe", "Adetokunbo Ademola", "Bode Thomas", "Herbert Macaulay", "Ahmadu Bello", "Akin Adesola", "Ligali Ayorinde", Invented())} " +
                  $"{Pick("Street", "Close", "Crescent", "Avenue", "Way", "Road", "Drive")}",
            _ => $"{Maybe(Pick("Flat ", "Apt ", "Unit ") + N(1, 40) + ", ", 0.5)}{Num(300)} {Root("Kingsley", "Harbour View", "Oak", "Mill", "Chapel", "Station", "Victoria", "Church", "Park")} " +
                 $"{Pick("Road", "Close", "Crescent", "Lane", "Terrace", "Grove", "Mews", "Court", "Drive", "Way")}",
        };

        public Builder Org()
        {
            var name = generator._random.Next(8) switch
            {
                0 => $"{faker.Name.LastName()} {Pick("Consulting", "Logistics", "Partners", "Holdings", "Bank", "Systems", "Foods", "Motors")}",
                1 => $"{Pick("University of ", "Bank of ", "Hospital of ", "Port of ")}{faker.Address.City()}",
                2 => $"{faker.Name.LastName()} {faker.Company.CompanySuffix()}",
                3 => $"{Invented()}{Pick("", " " + Pick("Holdings", "Logistics", "Analytics", "Marine", "Software", "Robotics", "Wind", "Data", "Freight", "Consulting Group"))} {Pick(LegalSuffixes)}".TrimEnd(),
                4 => Invented(),
                _ => faker.Company.CompanyName(),
            };
            return Add(T.Organization, name);
        }

        private static readonly string[] LegalSuffixes =
            ["Inc.", "Inc", "Ltd", "Ltd.", "LLC", "GmbH", "AG", "AS", "ASA", "AB", "Oy", "Oyj", "ApS", "A/S", "S.A.", "SA", "S.r.l.", "SpA", "B.V.", "N.V.",
             "sp. z o.o.", "s.r.o.", "a.s.", "Kft.", "Zrt.", "Pty Ltd", "PLC", "plc", "Ltda.", "S.L.", ""];

        public string Handle()
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            var separator = Pick("_", ".", "", "-");
            return generator._random.Next(3) switch
            {
                0 => first + separator + last + Digits(generator._random.Next(0, 3)),
                1 => first.ToLowerInvariant() + separator + last.ToLowerInvariant(),
                _ => last + Digits(generator._random.Next(1, 3)),
            };
        }

        /// <summary>A form of three to six "Label: value" lines: some values are entities, the rest identifiers, dates and amounts that stay untagged.</summary>
        public Builder Form()
        {
            var lines = generator._random.Next(3, 7);
            var separator = Pick(": ", ": ", " - ", ":\t", " = ");
            for (var i = 0; i < lines; i++)
            {
                if (i > 0)
                    Text("\n");
                switch (generator._random.Next(9))
                {
                    case 0:
                        Text(Pick("Name", "Full name", "Customer", "Contact", "Patient", "Holder", "Nombre", "Nom", "Naam")).Text(separator).Person();
                        break;
                    case 1:
                        Text(Pick("City", "Town", "Place of birth", "Ciudad", "Ville", "Stadt", "Plaats")).Text(separator).City();
                        break;
                    case 2:
                        Text(Pick("Company", "Employer", "Organisation", "Firma", "Société", "Empresa", "Bedrijf")).Text(separator).Org();
                        break;
                    case 3:
                        Text(Pick("Street", "Address", "Address line 1", "Straße", "Adresse", "Dirección", "Adres")).Text(separator).Street();
                        break;
                    case 4:
                        Text(Pick("Country", "Land", "País", "Pays")).Text(separator).Country(1);
                        break;
                    default:
                        Text(Pick(FieldLabels)).Text(separator).Text(generator._random.Next(5) switch
                        {
                            0 => faker.Random.Replace("??-#####"),
                            1 => faker.Date.Between(new DateTime(1995, 1, 1), new DateTime(2025, 12, 31)).ToString(Pick("yyyy-MM-dd", "dd/MM/yyyy", "MMMM d, yyyy"), CultureInfo.InvariantCulture),
                            2 => faker.Finance.Amount(1, 5000).ToString("0.00", CultureInfo.InvariantCulture) + Pick(" EUR", " USD", "", " GBP"),
                            3 => Pick("Pending", "Approved", "High", "Standard", "N/A", "Yes", "No", "Premium", "Closed", "Visa", "Bank transfer"),
                            _ => faker.Random.Replace("#########"),
                        });
                        break;
                }
            }
            return this;
        }

        public SpanExample Build() => new(_text.ToString(), _spans.ToList());
    }
}
