using SpecialistPlatform.Compliance.Detection.Recognizers;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// Issue 16's coverage: card schemes and lengths beyond the common four, national phone formats, years and weekdays,
/// titles, postcodes, nationality/religion/party words and names marked by their sentence. Examples written here.
/// </summary>
public class CoverageRecognizerTests
{
    private static readonly PersonalDataDetector Detector = PersonalDataDetector.Create([]);

    private static List<string> Values(string text, string type) =>
        Detector.Detect(text).Where(f => f.Type == type).Select(f => f.ValueIn(text)).ToList();

    [Theory]
    [InlineData("6759 5260 1812", "Maestro")] // 12 digits
    [InlineData("501859083013", "Maestro")]
    [InlineData("213166131860910", "JCB")] // 15 digits, 2131
    [InlineData("1800 3909 9603 086", "JCB")] // 15 digits, 1800
    [InlineData("3528 5291 7034 2369", "JCB")]
    [InlineData("6297 1147 1049 7465 073", "UnionPay")] // 19 digits
    [InlineData("3667 127684 2685", "Diners Club")] // 14 digits
    [InlineData("630446563212233079", "Maestro")] // 18 digits
    [InlineData("4924402685991", "Visa")] // 13 digits
    [InlineData("4603 1372 1590 1092 814", "Visa")] // 19 digits
    [InlineData("2720 9754 3231 9489", "Mastercard")]
    [InlineData("2201 3982 5979 1904", "Mir")]
    [InlineData("9792 0841 4852 5386", "Troy")]
    [InlineData("5019 8853 9336 3389", "Dankort")]
    [InlineData("6521 5472 8038 5284", "Discover")]
    [InlineData("6767 7059 0139 6246", "Maestro")]
    public void Finds_every_card_scheme_and_length_in_use(string card, string issuer)
    {
        CreditCardRecognizer.IssuerOf(new string(card.Where(char.IsAsciiDigit).ToArray())).ShouldBe(issuer);
        var text = $"The payment with {card} failed twice.";
        Values(text, PersonalDataTypes.CreditCard).ShouldBe([card]);
    }

    [Theory]
    [InlineData("6759 5260 1813")] // Maestro length, Luhn fails
    [InlineData("213166131860911")] // JCB prefix, Luhn fails
    [InlineData("1234 5678 9012")] // 12 digits, no scheme issues it
    public void Rejects_card_shapes_that_fail_luhn_or_have_no_scheme(string number) =>
        Values($"Reference {number} attached.", PersonalDataTypes.CreditCard).ShouldBeEmpty();

    [Theory]
    [InlineData("Zadzwoń: 512 345 678", "512 345 678")] // Poland
    [InlineData("Zavolej mi na 602 123 456.", "602 123 456")] // Czechia
    [InlineData("Llámame al 612 345 678, gracias", "612 345 678")] // Spain, mobile
    [InlineData("Teléfono 91 123 45 67", "91 123 45 67")] // Spain, Madrid landline
    [InlineData("Ring meg på 412 34 567", "412 34 567")] // Norway
    [InlineData("Tlf: ring 22 12 34 56", "22 12 34 56")] // Norway, landline
    [InlineData("Celular: (11) 91234-5678", "(11) 91234-5678")] // Brazil
    [InlineData("Tel. 55 1234 5678 (CDMX)", "55 1234 5678")] // Mexico
    [InlineData("Call 138 0013 8000 after 9", "138 0013 8000")] // China
    [InlineData("Chiamami al 347 123 4567", "347 123 4567")] // Italy, mobile
    [InlineData("Telefon: 30 123 4567", "30 123 4567")] // Hungary, mobile
    [InlineData("Telefone: 912 345 678", "912 345 678")] // Portugal
    [InlineData("Ring på 12 34 56 78", "12 34 56 78")] // Denmark
    [InlineData("call me on 020 7946 0958", "020 7946 0958")] // UK (trunk rule)
    [InlineData("Telefon 030 4471 2290", "030 4471 2290")] // Germany (trunk rule)
    [InlineData("appelle-moi au 06 12 34 56 78", "06 12 34 56 78")] // France (trunk rule)
    [InlineData("bel 06-12345678", "06-12345678")] // Netherlands (trunk rule)
    [InlineData("ring 070-123 45 67", "070-123 45 67")] // Sweden (trunk rule)
    [InlineData("soita 040 123 4567", "040 123 4567")] // Finland (trunk rule)
    [InlineData("phone 02 9374 4000", "02 9374 4000")] // Australia (trunk rule)
    [InlineData("tel 03-1234-5678", "03-1234-5678")] // Japan (trunk rule)
    [InlineData("phone 052-718-4432", "052-718-4432")] // Israel (trunk rule)
    [InlineData("call (212) 555-0123", "(212) 555-0123")] // USA
    [InlineData("ご不明点は06-6341-2290までご連絡ください。", "06-6341-2290")] // Japan, glued to kana
    [InlineData("我的微信电话是138 1752 4096，你有空吗", "138 1752 4096")] // China, glued phone word
    [InlineData("เช็คอินหลัง 14.00 น. ติดต่อ081 245 7390ค่ะ", "081 245 7390")] // Thailand, glued
    [InlineData("uncle ka number 98450 31726", "98450 31726")] // India
    [InlineData("Si hay algún problema, llámale al 612 48 93 07.", "612 48 93 07")] // Spain
    public void Finds_national_phone_formats_of_common_locales(string text, string phone) =>
        Values(text, PersonalDataTypes.PhoneNumber).ShouldBe([phone]);

    [Theory]
    [InlineData("The flat costs 1 250 000 in total")]
    [InlineData("Order 512 345 678 has shipped")]
    [InlineData("Population 38 386 000 in 2021")]
    [InlineData("Invoice total € 12 500 000")]
    [InlineData("see 512 345 678")] // no phone word: too often an ID
    public void National_grouped_numbers_need_a_phone_word(string text) =>
        Values(text, PersonalDataTypes.PhoneNumber).ShouldBeEmpty();

    [Theory]
    [InlineData("The company was founded in 1977 by two brothers.", "1977")]
    [InlineData("Jan Nowak, born 1985, lives in Gdynia.", "1985")]
    [InlineData("She has lived here since 2003.", "2003")]
    [InlineData("Graduated: 2011", "2011")]
    [InlineData("Wir sind seit 1998 am Markt.", "1998")]
    [InlineData("Firma założona w 1991 roku.", "1991")]
    [InlineData("in the year 1969 they landed", "1969")]
    public void Finds_years_in_context(string text, string year) =>
        Values(text, PersonalDataTypes.DateTime).ShouldContain(year);

    [Theory]
    [InlineData("Room 2019 is on the second floor.")]
    [InlineData("We sold 2000 units.")]
    [InlineData("Error code 1999 again")]
    public void A_four_digit_number_without_year_context_is_no_date(string text) =>
        Values(text, PersonalDataTypes.DateTime).ShouldBeEmpty();

    [Theory]
    [InlineData("See you on Friday!", "Friday")]
    [InlineData("The lab is closed on Wednesdays.", "Wednesdays")]
    [InlineData("Reservation for Friday 12 July, table for four.", "Friday 12 July")]
    [InlineData("Termin am Montag, 3. Juni um 10 Uhr", "Montag, 3. Juni")]
    [InlineData("Le livreur a dit mardi.", "mardi")]
    [InlineData("Er du ledig på torsdag?", "torsdag")]
    [InlineData("ci vediamo venerdì?", "venerdì")]
    [InlineData("Spotkanie w środę? Nie, w czwartek.", "czwartek")]
    [InlineData("Monday, March 4, 2024 works for me", "Monday, March 4, 2024")]
    public void Finds_weekdays_alone_and_leading_a_date(string text, string date) =>
        Values(text, PersonalDataTypes.DateTime).ShouldContain(date);

    [Theory]
    [InlineData("Dear Mr Halvorsen,", "Mr")]
    [InlineData("Appointment with Dr. Katz on Tuesday", "Dr.")]
    [InlineData("Prof. Zsófia Kertész will chair", "Prof.")]
    [InlineData("Sehr geehrte Frau Schäfer,", "Frau")]
    [InlineData("Mme Dubois a appelé", "Mme")]
    [InlineData("Ms Lindqvist replaces Mrs Berg", "Ms")]
    public void Finds_titles_before_names(string text, string title) =>
        Values(text, PersonalDataTypes.Title).ShouldContain(title);

    [Theory]
    [InlineData("dr who knows")]
    [InlineData("Mr. and Mrs. are titles")]
    public void A_title_needs_a_capitalised_word_after_it(string text) =>
        Values(text, PersonalDataTypes.Title).ShouldBeEmpty();

    [Theory]
    [InlineData("Hauptstraße 112, 70173 Stuttgart", "70173")]
    [InlineData("ul. Piotrkowska 104/12\n90-006 Łódź\nPoland", "90-006")]
    [InlineData("Vinohradská 1511/230\n100 00 Praha 10", "100 00")]
    [InlineData("Nørrebrogade 45\n2200 København N\nDenmark", "2200")]
    [InlineData("Laugavegur 28, 101 Reykjavík", "101")]
    [InlineData("4410 Maple Grove Drive, Columbus, OH 43215", "43215")]
    [InlineData("15 George Street, Sydney NSW 2000", "2000")]
    [InlineData("Flat 3, 27 Kingsley Road, Bristol BS6 5AE", "BS6 5AE")]
    [InlineData("Postcode: SW1A 1AA", "SW1A 1AA")]
    [InlineData("Denver, CO 80205-1234", "80205-1234")]
    public void Finds_postcodes_where_addresses_put_them(string text, string zip) =>
        Values(text, PersonalDataTypes.ZipCode).ShouldBe([zip]);

    [Theory]
    [InlineData("4410 Maple Grove Drive, Columbus, OH 43215", "OH")]
    [InlineData("15 George Street, Sydney NSW 2000", "NSW")]
    public void Finds_a_state_code_before_a_postcode(string text, string state) =>
        Values(text, PersonalDataTypes.Location).ShouldContain(state);

    [Fact]
    public void A_capitalised_pair_of_letters_before_a_number_that_is_no_state_is_no_location() =>
        Values("Error XY 40404 again", PersonalDataTypes.Location).ShouldBeEmpty();

    [Theory]
    [InlineData("We sold 70173 units last year.")]
    [InlineData("I have 300 Spartans")]
    [InlineData("Call me at 5 Oclock")]
    public void A_number_outside_an_address_position_is_no_postcode(string text) =>
        Values(text, PersonalDataTypes.ZipCode).ShouldBeEmpty();

    [Theory]
    [InlineData("My grandmother is 91 and lives alone in Brno.", "91")]
    [InlineData("I'm 29, Muslim, and I would like halal meals.", "29")]
    [InlineData("She turned 40 last week.", "40")]
    [InlineData("a 52 year old engineer", "52")]
    public void Finds_ages_stated_of_a_person(string text, string age) =>
        Values(text, PersonalDataTypes.Age).ShouldBe([age]);

    [Theory]
    [InlineData("I'm 5 minutes away.")]
    [InlineData("The total is 91, thanks.")]
    [InlineData("I am 100 percent sure.")]
    public void A_number_after_a_person_that_is_no_age_stays_out(string text) =>
        Values(text, PersonalDataTypes.Age).ShouldBeEmpty();

    [Theory]
    [InlineData("He is a Catholic priest.", "Catholic")]
    [InlineData("a 34-year-old Brazilian national", "Brazilian")]
    [InlineData("The Democrats and Republicans disagree.", "Democrats")]
    [InlineData("Nationality: Polish", "Polish")]
    [InlineData("I'm Muslim and would like halal meals.", "Muslim")]
    [InlineData("Two Nigerians and three Pakistanis were on the list.", "Nigerians")]
    [InlineData("Two Nigerians and three Pakistanis were on the list.", "Pakistanis")]
    [InlineData("The family are Roman Catholic.", "Roman Catholic")]
    [InlineData("She is Greek Orthodox and fasts in Lent.", "Greek Orthodox")]
    [InlineData("He votes for the Social Democrats.", "Social Democrats")]
    [InlineData("Our new neighbours are Poles who moved from Gdańsk.", "Poles")]
    [InlineData("The guide was a Maasai elder.", "Maasai")]
    [InlineData("Staatsangehörigkeit: Deutscher", "Deutscher")]
    [InlineData("Elle est Française et vit à Lyon.", "Française")]
    [InlineData("He is Druze from the Galilee.", "Druze")]
    [InlineData("a 40-year-old Ivorian engineer", "Ivorian")]
    [InlineData("The Frenchman declined to comment.", "Frenchman")]
    [InlineData("Födelsedatum: 1991-05-14\nMedborgarskap: eritreansk\nNuvarande adress:", "eritreansk")]
    [InlineData("Religionsbekenntnis: römisch-katholisch\nStaatsangehörigkeit: österreichisch", "römisch-katholisch")]
    [InlineData("Religionsbekenntnis: römisch-katholisch\nStaatsangehörigkeit: österreichisch", "österreichisch")]
    [InlineData("Je soussigné Oumar Diallo, de nationalité guinéenne, né le 12 juin 1989", "guinéenne")]
    [InlineData("Ethnic group: Asian British – Bangladeshi\nReligion: Muslim", "Asian British – Bangladeshi")]
    public void Finds_nationality_religion_and_political_group(string text, string nrp) =>
        Values(text, PersonalDataTypes.Nrp).ShouldContain(nrp);

    [Theory]
    [InlineData("Can I pay in British pounds?")]
    [InlineData("How many Swiss francs is that?")]
    [InlineData("Can I top up with my American Express?")]
    [InlineData("How long does a European transfer take?")]
    [InlineData("Please polish the report.")]
    [InlineData("We flew Deutsche Bahn and paid with Deutsche Bank.")]
    [InlineData("I ordered Swiss cheese and French fries.")]
    [InlineData("The office is in Tamil Nadu.")]
    [InlineData("Call Finn or Dane about the invoice.")]
    [InlineData("Expeditions to the North Pole are expensive.")]
    [InlineData("Main language: Sylheti; speaks English well")]
    [InlineData("Serve with a pot of English Breakfast.")]
    [InlineData("The letter was translated from Polish.")]
    [InlineData("Religion: none\nNationality: prefer not to say")]
    public void Currency_adjectives_and_lower_case_words_are_no_nrp(string text) =>
        Values(text, PersonalDataTypes.Nrp).ShouldBeEmpty();

    [Theory]
    [InlineData("I am Anna Kowalska and I would like to close my account.", "Anna Kowalska")]
    [InlineData("Hello, this is Dmitri from accounts.", "Dmitri")]
    [InlineData("Hi, it's Grzegorz again.", "Grzegorz")]
    [InlineData("My name is Søren Kierkegaard-Holm.", "Søren Kierkegaard-Holm")]
    [InlineData("Hi Agnieszka,\nthanks for the reply.", "Agnieszka")]
    [InlineData("Nicole: Remember me?\nTomasz: Of course!", "Nicole")]
    [InlineData("[09:41] Liisa: yes\n[09:42] Pekka: ok", "Liisa")]
    [InlineData("Dear Dr Cohen, thank you.", "Cohen")]
    [InlineData("Ms Lindqvist replaces Mr Halvorsen as secretary.", "Lindqvist")]
    [InlineData("Sehr geehrte Frau Schäfer,", "Schäfer")]
    [InlineData("Vortrag von Prof. Dr. Wolkenstein über Kristalle", "Wolkenstein")]
    [InlineData("Sehr geehrter Herr Dipl.-Ing. Brösel,", "Brösel")]
    public void Finds_names_marked_by_their_sentence(string text, string name) =>
        Values(text, PersonalDataTypes.Person).ShouldContain(name);

    [Theory]
    [InlineData("I am happy with the service.")]
    [InlineData("This is Germany, not Austria.")]
    [InlineData("Name: \nPhone: 123\nNote: call back")]
    [InlineData("Subject: Refund\nStatus: open")]
    [InlineData("Hi Team,\nthe build is green.")]
    [InlineData("I am Canadian.")]
    public void Ordinary_words_after_a_cue_are_no_names(string text) =>
        Values(text, PersonalDataTypes.Person).ShouldBeEmpty();

    [Fact]
    public void A_second_title_in_a_run_is_no_name() =>
        Values("Vortrag von Prof. Dr. Wolkenstein", PersonalDataTypes.Person).ShouldBe(["Wolkenstein"]);

    [Fact]
    public void A_tagger_span_is_cut_around_a_title_and_a_postcode()
    {
        const string text = "Dr Cohen, Hauptstraße 112, 70173 Stuttgart";
        var findings = new List<Finding>
        {
            new(PersonalDataTypes.Person, 0, 8, 0.8, "entity-tagger"),
            new(PersonalDataTypes.StreetAddress, 10, 42, 0.8, "entity-tagger"),
            new(PersonalDataTypes.Title, 0, 2, 0.6, "TitleRecognizer"),
            new(PersonalDataTypes.ZipCode, 27, 32, 0.5, "ZipCodeRecognizer"),
        };
        var refined = TaggerSpanRefiner.Refine(text, findings, "entity-tagger");
        refined.Select(f => (f.Type, f.ValueIn(text))).OrderBy(p => text.IndexOf(p.Item2, StringComparison.Ordinal)).ShouldBe(
        [
            (PersonalDataTypes.Title, "Dr"), (PersonalDataTypes.Person, "Cohen"), (PersonalDataTypes.StreetAddress, "Hauptstraße 112"),
            (PersonalDataTypes.ZipCode, "70173"), (PersonalDataTypes.StreetAddress, "Stuttgart"),
        ]);
    }
}
