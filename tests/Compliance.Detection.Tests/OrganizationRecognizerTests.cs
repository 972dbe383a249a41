using SpecialistPlatform.Compliance.Detection.Recognizers;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// Companies and institutions found by <see cref="OrganizationRecognizer"/> with their exact spans: legal forms of about 25
/// countries written after or before the name, industry and institution words in a dozen languages; and ordinary phrases
/// with the same words that must not fire ("the bank", "Bank Holiday", "Apple Pay", job titles, headings, "Cape Town SA").
/// Sentences written here; every company name is made up.
/// </summary>
public class OrganizationRecognizerTests
{
    private static readonly OrganizationRecognizer Recognizer = new();

    private static List<Finding> Found(string text) =>
        OverlapResolver.Resolve(Recognizer.Recognize(text)).Where(f => f.Score >= PersonalDataDetector.DefaultMinimumScore).ToList();

    /// <summary>Each expected name must be found as one span starting where it first occurs in the text, in text order.</summary>
    private static void ShouldFindExactly(string text, string[] expected)
    {
        var found = Found(text);
        found.Select(f => f.ValueIn(text)).ToArray().ShouldBe(expected, $"in: {text}");
        var from = 0;
        for (var k = 0; k < expected.Length; k++)
        {
            var start = text.IndexOf(expected[k], from, StringComparison.Ordinal);
            found[k].Start.ShouldBe(start, $"{expected[k]} in: {text}");
            found[k].End.ShouldBe(start + expected[k].Length, $"{expected[k]} in: {text}");
            found[k].Type.ShouldBe(PersonalDataTypes.Organization);
            from = found[k].End;
        }
    }

    [Theory]
    // United States, United Kingdom, Ireland
    [InlineData("We signed with Smith, Jones and Brown LLP last week.", new[] { "Smith, Jones and Brown LLP" })]
    [InlineData("Brightmoor Analytics Ltd was founded in 1977 by two engineers.", new[] { "Brightmoor Analytics Ltd" })]
    [InlineData("Acme Corp. and Globex Corporation are rivals.", new[] { "Acme Corp.", "Globex Corporation" })]
    [InlineData("Invoice from Harwick & Pell, P.C. attached.", new[] { "Harwick & Pell, P.C." })]
    [InlineData("Dear Quellbrook Holdings Inc., thank you.", new[] { "Quellbrook Holdings Inc." })]
    [InlineData("McLaughlin & Sons Ltd, Tarrow Digital plc and Fenwick Labs LLC all bid.", new[] { "McLaughlin & Sons Ltd", "Tarrow Digital plc", "Fenwick Labs LLC" })]
    [InlineData("The parcel from Kestrel Holdings Limited is late.", new[] { "Kestrel Holdings Limited" })]
    // Germany, Austria, Switzerland
    [InlineData("Invoice to: Zentrix GmbH, Hauptstraße 112, 70173 Stuttgart", new[] { "Zentrix GmbH" })]
    [InlineData("Vertrag mit Müller Bau GmbH & Co. KG und der Hasenkamp AG.", new[] { "Müller Bau GmbH & Co. KG", "Hasenkamp AG" })]
    [InlineData("Mitglied im Förderkreis Lindenhof e.V. seit 2019.", new[] { "Förderkreis Lindenhof e.V." })]
    [InlineData("Gegründet als Brenner Digital UG (haftungsbeschränkt) in Graz.", new[] { "Brenner Digital UG (haftungsbeschränkt)" })]
    // France, Belgium, Luxembourg
    [InlineData("Le contrat avec Dumont Frères SARL est signé.", new[] { "Dumont Frères SARL" })]
    [InlineData("Facture de Lavergne Conseil S.A.S. reçue.", new[] { "Lavergne Conseil S.A.S." })]
    [InlineData("Fonds géré par Valmont Capital S.à r.l. au Luxembourg.", new[] { "Valmont Capital S.à r.l." })]
    // Spain, Portugal, Brazil, Mexico
    [InlineData("Pedido a Construcciones Ribera S.L.U. y a Textiles Moreno S.A.", new[] { "Construcciones Ribera S.L.U.", "Textiles Moreno S.A." })]
    [InlineData("Fatura da Costa e Associados Lda. e da Pinheiro Ltda.", new[] { "Costa e Associados Lda.", "Pinheiro Ltda." })]
    [InlineData("Grupo Bimbo S.A.B. de C.V. and Comercializadora Norte S.A. de C.V. merged.", new[] { "Grupo Bimbo S.A.B. de C.V.", "Comercializadora Norte S.A. de C.V." })]
    [InlineData("Serviços prestados por Almeida Transportes EIRELI.", new[] { "Almeida Transportes EIRELI" })]
    // Italy
    [InlineData("Fornitore: Dell'Amico S.r.l. e Ferretti Meccanica S.p.A.", new[] { "Dell'Amico S.r.l.", "Ferretti Meccanica S.p.A." })]
    // Netherlands, Belgium
    [InlineData("Offerte van Jansen en Zonen B.V. en Dekker Logistiek NV.", new[] { "Jansen en Zonen B.V.", "Dekker Logistiek NV" })]
    // Nordic countries
    [InlineData("anyone seen the invoice from Vartiainen Logistics Oy?", new[] { "Vartiainen Logistics Oy" })]
    [InlineData("The freight was handled by Nordvik Shipping AS.", new[] { "Nordvik Shipping AS" })]
    [InlineData("Vestas Wind Systems A/S and Norlund Pharma ApS signed.", new[] { "Vestas Wind Systems A/S", "Norlund Pharma ApS" })]
    [InlineData("Report by Lindqvist Fastigheter AB (publ) for 2023.", new[] { "Lindqvist Fastigheter AB (publ)" })]
    [InlineData("Samningur við Fjarðarbyggð Tækni ehf. er tilbúinn.", new[] { "Fjarðarbyggð Tækni ehf." })]
    [InlineData("Signed in Helsinki for Pohjola Wind Ab and Saarinen Oyj.", new[] { "Pohjola Wind Ab", "Saarinen Oyj" })]
    // Poland, Czechia, Slovakia, Hungary
    [InlineData("Payment from Kowalski i Wspólnicy Sp. z o.o. arrived.", new[] { "Kowalski i Wspólnicy Sp. z o.o." })]
    [InlineData("Faktura od Novák s.r.o. a Dvořák a.s. dorazila.", new[] { "Novák s.r.o.", "Dvořák a.s." })]
    [InlineData("A számlát a Kovács és Társa Kft. küldte.", new[] { "Kovács és Társa Kft." })]
    // Balkans, Romania, Turkey, Russia
    [InlineData("Ugovor s Horvat Gradnja d.o.o. je potpisan.", new[] { "Horvat Gradnja d.o.o." })]
    [InlineData("Contractul cu SC Popescu Trans SRL a expirat.", new[] { "SC Popescu Trans SRL" })]
    [InlineData("Bu teklif Yılmaz Tekstil A.Ş. tarafından gönderildi.", new[] { "Yılmaz Tekstil A.Ş." })]
    [InlineData("Договор с ООО «Ромашка» подписан.", new[] { "ООО «Ромашка»" })]
    // Asia, Oceania
    [InlineData("Contract with PT Maju Bersama Tbk signed in Jakarta.", new[] { "PT Maju Bersama Tbk" })]
    [InlineData("Supplied by Tan Brothers Sdn Bhd and Lim Trading Pte. Ltd.", new[] { "Tan Brothers Sdn Bhd", "Lim Trading Pte. Ltd." })]
    [InlineData("Our partner Sharma Infotech Pvt. Ltd. in Pune.", new[] { "Sharma Infotech Pvt. Ltd." })]
    [InlineData("Billed by Coastline Roofing Pty Ltd of Perth.", new[] { "Coastline Roofing Pty Ltd" })]
    [InlineData("Shipped by Hayashi Seiki K.K. and Shenzhen Brightway Co., Ltd. today.", new[] { "Hayashi Seiki K.K.", "Shenzhen Brightway Co., Ltd." })]
    // Industry words
    [InlineData("She works at Quillmore Systems in Oslo.", new[] { "Quillmore Systems" })]
    [InlineData("Zemlak and Sons delivered the parts; Costa e Associados handled the law.", new[] { "Zemlak and Sons", "Costa e Associados" })]
    [InlineData("The quote from Harrowgate Logistics was cheaper than Brindle Technologies.", new[] { "Harrowgate Logistics", "Brindle Technologies" })]
    [InlineData("Kettering Gruppe and Santiago Hermanos joined the tender.", new[] { "Kettering Gruppe", "Santiago Hermanos" })]
    // Institutions, name first
    [InlineData("Rivka Shapiro\nHadassah Medical Center", new[] { "Hadassah Medical Center" })]
    [InlineData("She is a nurse at Oslo University Hospital.", new[] { "Oslo University Hospital" })]
    [InlineData("Ankara Üniversitesi and Semmelweis Egyetem signed a deal.", new[] { "Ankara Üniversitesi", "Semmelweis Egyetem" })]
    [InlineData("Treated at Acıbadem Hastanesi, paid via Ziraat Bankası.", new[] { "Acıbadem Hastanesi", "Ziraat Bankası" })]
    // Institutions, word first
    [InlineData("I studied at the University of Oslo and then at Universität Hamburg.", new[] { "University of Oslo", "Universität Hamburg" })]
    [InlineData("He banks with Bank of Montreal, not Banco Santander.", new[] { "Bank of Montreal", "Banco Santander" })]
    [InlineData("Trabajo en la Universidad de Chile desde 2010.", new[] { "Universidad de Chile" })]
    [InlineData("Studiuje na Uniwersytet Jagielloński, leczony w Szpital Bielański.", new[] { "Uniwersytet Jagielloński", "Szpital Bielański" })]
    [InlineData("Lavoro all'Ospedale Maggiore? No, alla Università di Bologna.", new[] { "Ospedale Maggiore", "Università di Bologna" })]
    [InlineData("The National Bank of Greece and the London School of Economics.", new[] { "National Bank of Greece", "London School of Economics" })]
    // Two bodies joined by "and", a hashtag before, a title-case headline: only the organisation itself
    [InlineData("Aid is needed, say UN and Nordhavn Bank chiefs.", new[] { "Nordhavn Bank" })]
    [InlineData("The Pope and Kestrel Council of Churches met.", new[] { "Kestrel Council of Churches" })]
    [InlineData("Proud alumni #GoBlue University of Michigan", new[] { "University of Michigan" })]
    [InlineData("Russia Liquidates Its Treasury Holdings", new[] { "Treasury Holdings" })]
    [InlineData("The Gurdwara and the Ealing Interfaith Forum invite everyone.", new[] { "Ealing Interfaith Forum" })]
    [InlineData("Tenant application – Lakeshore Property Management", new[] { "Lakeshore Property Management" })]
    [InlineData("Notice of registration – Amtsgericht München, Handelsregister B", new[] { "Amtsgericht München" })]
    [InlineData("Let me know if OceanBridge Lines can help.", new[] { "OceanBridge Lines" })]
    public void Finds_each_organisation_with_its_exact_span(string text, string[] expected) =>
        ShouldFindExactly(text, expected);

    [Theory]
    // Ordinary words, lower case
    [InlineData("Call the bank tomorrow, our university is closed.")]
    [InlineData("The company said the group would hold the shares.")]
    // Capitalised look-alikes
    [InlineData("The office is closed on Bank Holiday.")]
    [InlineData("I paid with Apple Pay at the store.")]
    [InlineData("Customer Service is open 9-5.")]
    [InlineData("Group Chat is muted.")]
    [InlineData("Systems are down again.")]
    [InlineData("Global Solutions offers great deals.")]
    [InlineData("Switch to Your Bank today.")]
    [InlineData("Is Travel Insurance included?")]
    [InlineData("Welcome to the Student Union party.")]
    [InlineData("Our Customer Service Group will call you.")]
    // Job titles (an organisation word inside a capitalised run)
    [InlineData("She is the new Dynamic Communications Manager.")]
    [InlineData("Previously: Senior Group Developer for five years.")]
    // Two-letter forms that are abbreviations
    [InlineData("Ship it to Adelaide SA 5000.")]
    [InlineData("Cape Town SA is lovely.")]
    [InlineData("PLEASE REPLY AS SOON AS POSSIBLE.")]
    [InlineData("Blood type AB is rare.")]
    [InlineData("My PT Sarah Jones is great and my CV Template is done.")]
    // A legal form with no name before it, or a county
    [InlineData("Ltd companies pay corporation tax.")]
    [InlineData("Ballincollig, Co. Cork")]
    [InlineData("The GmbH was dissolved.")]
    // Names without a legal form or an organisation word are left to the tagger
    [InlineData("Our vendor Harris-Walker sent a quote.")]
    [InlineData("Thanks to Smith, Jones and Brown for coming.")]
    // Initials of a country, an ordinary word and a company word
    [InlineData("We should do the same in the U.S.A. now.")]
    [InlineData("Proud of my Three Sons!")]
    // Inside a domain or an e-mail address
    [InlineData("Write to sales@acme-ltd.co.uk or see www.inc.com.")]
    public void Does_not_fire(string text) =>
        Found(text).Select(f => f.ValueIn(text)).ShouldBeEmpty($"in: {text}");

    [Fact]
    public void A_legal_form_scores_above_an_organisation_word()
    {
        var text = "Quillmore Systems and Nordvik Shipping AS.";
        var found = Found(text);
        found.Single(f => f.ValueIn(text) == "Quillmore Systems").Score.ShouldBe(OrganizationRecognizer.OrganizationWordScore);
        found.Single(f => f.ValueIn(text) == "Nordvik Shipping AS").Score.ShouldBe(OrganizationRecognizer.LegalFormScore);
    }

    private static List<(string Type, string Value)> Detect(string text, FixedTagger tagger) =>
        PersonalDataDetector.Create([], tagger: tagger).Detect(text)
            .Where(f => f.Type is PersonalDataTypes.Organization or PersonalDataTypes.Person or PersonalDataTypes.Location or PersonalDataTypes.StreetAddress)
            .Select(f => (f.Type, f.ValueIn(text))).ToList();

    [Fact]
    public void Through_the_detector_a_confident_tagger_place_inside_a_legal_form_gives_way()
    {
        var text = "The freight was handled by Nordvik Shipping AS in Bergen.";
        Detect(text, new FixedTagger(("Nordvik", PersonalDataTypes.Location, 0.99), ("Bergen", PersonalDataTypes.Location, 0.95)))
            .ShouldBe([(PersonalDataTypes.Organization, "Nordvik Shipping AS"), (PersonalDataTypes.Location, "Bergen")]);
    }

    [Fact]
    public void Through_the_detector_a_tagger_company_across_two_legal_forms_leaves_both_to_the_rule()
    {
        var text = "Acme Corp. and Globex Corporation are rivals.";
        Detect(text, new FixedTagger(("Acme Corp. and Globex", PersonalDataTypes.Organization, 0.93)))
            .ShouldBe([(PersonalDataTypes.Organization, "Acme Corp."), (PersonalDataTypes.Organization, "Globex Corporation")]);
    }

    [Fact]
    public void Through_the_detector_a_tagger_name_keeps_its_part_outside_the_company()
    {
        var text = "Contact Anna Kowalska, Brightmoor Analytics Ltd today.";
        Detect(text, new FixedTagger(("Anna Kowalska, Brightmoor", PersonalDataTypes.Person, 0.97)))
            .ShouldBe([(PersonalDataTypes.Person, "Anna Kowalska"), (PersonalDataTypes.Organization, "Brightmoor Analytics Ltd")]);
    }

    [Fact]
    public void Through_the_detector_an_institution_read_as_a_street_or_person_is_the_institution()
    {
        var text = "Kind regards,\nRivka Shapiro\nHadassah Medical Center";
        Detect(text, new FixedTagger(("Rivka Shapiro", PersonalDataTypes.Person, 1.0), ("Hadassah Medical Center", PersonalDataTypes.StreetAddress, 1.0)))
            .ShouldBe([(PersonalDataTypes.Person, "Rivka Shapiro"), (PersonalDataTypes.Organization, "Hadassah Medical Center")]);
        var turkish = "Ankara Üniversitesi signed a deal.";
        Detect(turkish, new FixedTagger(("Ankara Üniversitesi", PersonalDataTypes.Person, 0.95)))
            .ShouldBe([(PersonalDataTypes.Organization, "Ankara Üniversitesi")]);
    }

    [Fact]
    public void Through_the_detector_a_tagger_name_trimmed_of_a_common_word_inside_an_organisation_goes_to_it()
    {
        // The tagger's "for Jo Quillmore" loses its leading common word; what is left lies inside the rule organisation,
        // which knows where the company name runs.
        var text = "Ask for Jo Quillmore Systems support.";
        var spans = Detect(text, new FixedTagger(("for Jo Quillmore", PersonalDataTypes.Person, 0.9)));
        spans.ShouldBe([(PersonalDataTypes.Organization, "Jo Quillmore Systems")]);
    }

    [Fact]
    public void Runs_through_the_detector_on_folded_text_with_original_offsets()
    {
        var text = "Invoice\u00a0from Zentrix\u00a0GmbH today.";
        var found = PersonalDataDetector.Create([]).Detect(text).Where(f => f.Type == PersonalDataTypes.Organization).ToList();
        found.Select(f => f.ValueIn(text)).ShouldBe(["Zentrix\u00a0GmbH"]);
        found[0].Start.ShouldBe(13);
    }
}
