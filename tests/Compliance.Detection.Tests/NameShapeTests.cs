namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// What the words around a name say about it: a list of names is one span per name (<see cref="NameListSplitter"/>);
/// a name that labels a product, a room or a committee is no person or place (<see cref="ThingNameFilter"/>); a form's
/// labels are no speakers, while a chat's speakers are names, in lower case too (<c>PersonCueRecognizer</c>).
/// </summary>
public class NameShapeTests
{
    private const string Tagger = "entity-tagger";

    private static Finding Span(string text, string value, string type = PersonalDataTypes.Person, string recognizer = Tagger)
    {
        var start = text.IndexOf(value, StringComparison.Ordinal);
        Assert.True(start >= 0, value);
        return new Finding(type, start, start + value.Length, 0.8, recognizer);
    }

    private static List<string> Values(string text, IEnumerable<Finding> findings) => findings.Select(f => f.ValueIn(text)).ToList();

    [Theory]
    [InlineData("Present: Olumide, Bao, Katarzyna, Hamid, Sunita", "Olumide, Bao, Katarzyna, Hamid, Sunita", new[] { "Olumide", "Bao", "Katarzyna", "Hamid", "Sunita" })]
    [InlineData("Interview panel: Heidi, Kofi and Raúl.", "Heidi, Kofi and Raúl", new[] { "Heidi", "Kofi", "Raúl" })]
    [InlineData("Cc: Anna Kowalska, Jan Nowak", "Anna Kowalska, Jan Nowak", new[] { "Anna Kowalska", "Jan Nowak" })]
    [InlineData("Signed: Kowalska, Anna", "Kowalska, Anna", new[] { "Kowalska, Anna" })]
    [InlineData("Signed: Anna Kowalska", "Anna Kowalska", new[] { "Anna Kowalska" })]
    public void A_list_of_names_is_one_span_per_name(string text, string tagged, string[] expected)
    {
        var split = NameListSplitter.Apply(text, [Span(text, tagged)], Tagger);
        Assert.Equal(expected, Values(text, split));
        Assert.All(split, f => Assert.Equal(PersonalDataTypes.Person, f.Type));
    }

    [Fact]
    public void A_given_name_and_surname_the_tagger_closed_apart_are_one_person()
    {
        const string text = "A claim against Mr Declan Forsythe, formerly of Leeds.";
        var joined = NameListSplitter.Apply(text, [Span(text, "Declan"), Span(text, "Forsythe")], Tagger);
        Assert.Equal(["Declan Forsythe"], Values(text, joined));
    }

    [Fact]
    public void Only_the_taggers_person_spans_are_split()
    {
        const string text = "Vendors: Acme, Brindlecorp, Quorvana";
        var org = Span(text, "Acme, Brindlecorp, Quorvana", PersonalDataTypes.Organization);
        var cue = Span(text, "Acme, Brindlecorp, Quorvana", recognizer: "PersonCueRecognizer");
        Assert.Equal([org], NameListSplitter.Apply(text, [org], Tagger));
        Assert.Equal([cue], NameListSplitter.Apply(text, [cue], Tagger));
    }

    [Theory]
    [InlineData("Colours: the Hudson tote and the Sydney weekender bag.", "Hudson", PersonalDataTypes.Person)]
    [InlineData("The collection features the Aurora table lamp.", "Aurora", PersonalDataTypes.Person)]
    [InlineData("Our Savannah loafers are 20% off.", "Savannah", PersonalDataTypes.Person)]
    [InlineData("Retro in the Amsterdam room at ten.", "Amsterdam", PersonalDataTypes.Location)]
    [InlineData("Bring the Oslo sofa bed back.", "Oslo", PersonalDataTypes.Location)]
    [InlineData("Fixed a crash in the Jordan export module.", "Jordan", PersonalDataTypes.Location)]
    [InlineData("The Audit and Risk Committee met.", "Risk Committee", PersonalDataTypes.Person)]
    [InlineData("Upgrade to Sterling Tier today.", "Sterling Tier", PersonalDataTypes.Person)]
    [InlineData("The review is in the Lincoln Room.", "Lincoln Room", PersonalDataTypes.Location)]
    [InlineData("Gwen Tillotson, Parish Secretary", "Parish Secretary", PersonalDataTypes.Person)]
    [InlineData("Room booking confirmation: \"Lisbon\" and \"Oslo\" meeting rooms, 3rd floor.", "Lisbon", PersonalDataTypes.Location)]
    [InlineData("Release notes v2.8 \"Georgia\"\n- Fixed crash", "Georgia", PersonalDataTypes.Location)]
    [InlineData("Ordered the \"Charlotte\" sofa bed in September.", "Charlotte", PersonalDataTypes.Person)]
    [InlineData("Printer \"Curie\" is out of toner again.", "Curie", PersonalDataTypes.Person)]
    [InlineData("Tips for using the Berlin and Hamburg conference rooms.", "Berlin", PersonalDataTypes.Location)]
    [InlineData("Tips for using the Berlin and Hamburg conference rooms.", "Hamburg", PersonalDataTypes.Location)]
    [InlineData("The Denver and Madison pricing tiers are being retired.", "Madison", PersonalDataTypes.Person)]
    [InlineData("Items: 1x Florence ceramic teapot (blue)", "Florence", PersonalDataTypes.Person)]
    [InlineData("Items: 2x Paris espresso cups", "Paris", PersonalDataTypes.Location)]
    public void A_name_that_labels_a_thing_is_dropped(string text, string value, string type)
    {
        Assert.Empty(ThingNameFilter.Apply(text, [Span(text, value, type)]));
    }

    [Theory]
    [InlineData("Anna Kowalska called about the invoice.", "Anna Kowalska", PersonalDataTypes.Person, Tagger)]
    [InlineData("He is the Kowalski who called.", "Kowalski", PersonalDataTypes.Person, Tagger)]
    [InlineData("She runs the Paris office now.", "Paris", PersonalDataTypes.Location, Tagger)]
    [InlineData("We met the Smiths in the Lisbon suburbs.", "Lisbon", PersonalDataTypes.Location, "KnownPlaceRecognizer")]
    [InlineData("This is Hudson speaking.", "Hudson", PersonalDataTypes.Person, "PersonCueRecognizer")]
    [InlineData("the Hudson tote", "Hudson", PersonalDataTypes.Person, "PersonCueRecognizer")]
    [InlineData("This month we thank Bernadette \"Bunny\" Kavanagh.", "Bunny", PersonalDataTypes.Person, Tagger)]
    [InlineData("The staff member (name badge \"Trevor\") refused my card.", "Trevor", PersonalDataTypes.Person, Tagger)]
    [InlineData("{\"city\": \"Lisbon\", \"country\": \"Portugal\"}", "Lisbon", PersonalDataTypes.Location, Tagger)]
    [InlineData("id,name,town\n7,\"Ana\",\"Lisbon\",PT", "Lisbon", PersonalDataTypes.Location, Tagger)]
    [InlineData("Anna and Ben Kowalski visited the Berlin office.", "Berlin", PersonalDataTypes.Location, Tagger)]
    public void A_person_or_place_in_its_own_right_is_kept(string text, string value, string type, string recognizer)
    {
        var finding = Span(text, value, type, recognizer);
        Assert.Equal([finding], ThingNameFilter.Apply(text, [finding]));
    }

    private static List<string> Found(string text, string type) => RuleFindings.Values(text, type);

    [Theory]
    [InlineData("Ride receipt\nDriver: Sandeep\nPickup: 201 Bourke St, Melbourne VIC")]
    [InlineData("Minutes\nAttendees: see below\nApologies: none\nWitness: none")]
    [InlineData("Paciente: ver abaixo\nResponsável: a mãe\nQueixa: febre há três dias")]
    [InlineData("Journey: Zürich HB to Milano Centrale\nDeparture: Saturday\nCoach: 8")]
    public void A_forms_labels_are_no_speakers(string text)
    {
        Assert.Empty(Found(text, PersonalDataTypes.Person));
    }

    [Fact]
    public void A_dialogues_speakers_are_names()
    {
        Assert.Equal(["Nicole", "Tomasz", "Nicole"], Found("Nicole: Remember me?\nTomasz: Of course!\nNicole: Great.", PersonalDataTypes.Person));
        Assert.Equal(["Agnieszka", "Tomasz"], Found("Agnieszka: Hi there.\nTomasz: Hello!", PersonalDataTypes.Person));
    }

    [Fact]
    public void Lower_case_chat_handles_with_time_stamps_are_names_and_repeat()
    {
        const string text = "[09:14] priya: morning all\n[09:15] tomasz: kasia had it\n[09:17] priya: ok, thanks tomasz";
        Assert.Equal(["priya", "tomasz", "priya", "tomasz"], Found(text, PersonalDataTypes.Person));
        // One line each is no chat: a log's "[09:14] error: disk full" stays out.
        Assert.Empty(Found("[09:14] error: disk full\n[09:15] retry: ok", PersonalDataTypes.Person));
    }

    [Fact]
    public void Lower_case_chat_handles_without_time_stamps_are_names_when_first_names_and_a_chat()
    {
        const string text = "lucy_h: me! can fit 3. leaving friday\nben: i'll come with u\nollie: me too\nlucy_h: ok";
        Assert.Equal(["lucy_h", "ben", "ollie", "lucy_h"], Found(text, PersonalDataTypes.Person));
        // A log's repeated lower-case labels are no first names; one line of a name is no chat.
        Assert.Empty(Found("debug: cache miss\nwarn: slow query\ndebug: cache hit", PersonalDataTypes.Person));
        Assert.Empty(Found("Notes for the move\nmark: fragile boxes first", PersonalDataTypes.Person));
    }

    [Theory]
    [InlineData("hey lars, the login alerts are from 2001:db8::1", "lars")]
    [InlineData("yo florence did u get home ok??", "florence")]
    [InlineData("me! shed code is 4471 btw\nahmed: cheers june", "june")]
    [InlineData("Hey jordan, can u pick up the kids at 6?", "jordan")]
    [InlineData("@nikhil bhai kal ka plan kya hai?", "nikhil")]
    [InlineData("@tomasz_wozniak congrats on the marathon!!", "tomasz_wozniak")]
    public void Casual_greetings_and_mentions_mark_lower_case_first_names(string text, string name)
    {
        Assert.Contains(name, Found(text, PersonalDataTypes.Person));
    }

    [Theory]
    [InlineData("yo mark r u still selling the ps5?")]
    [InlineData("hey google set a timer")]
    [InlineData("hi team, standup moved")]
    [InlineData("write to support@helpdesk.example or @acme_support")]
    public void Casual_greetings_before_words_that_are_no_names_find_nothing(string text)
    {
        Assert.Empty(Found(text, PersonalDataTypes.Person));
    }

    [Theory]
    [InlineData("Deliver to: Maria Rossi, 42 Harbour Lane, Bristol.", "Maria Rossi")]
    [InlineData("Cardholder: Ana Lima\nCard: 4111 1111 1111 1111", "Ana Lima")]
    [InlineData("ATTN: Kofi Mensah", "Kofi Mensah")]
    public void A_field_that_holds_a_person_marks_a_first_name_and_its_surname(string text, string name)
    {
        Assert.Contains(name, Found(text, PersonalDataTypes.Person));
    }

    [Theory]
    [InlineData("Ship to: Palermo, Gorriti 4720, piso 2")]
    [InlineData("Customer: Brightwater Logistics Ltd")]
    [InlineData("Name: Quarterly Report")]
    public void A_field_whose_first_word_is_no_first_name_is_no_person_by_this_cue(string text)
    {
        Assert.Empty(Found(text, PersonalDataTypes.Person));
    }

    [Fact]
    public void A_speaker_with_a_time_in_brackets_is_a_name()
    {
        const string text = "Buurtapp Oud-Zuid\nHenk (14:02): Er staat al sinds maandag een container.\nFatima (14:05): Van de verbouwing.\nHenk (14:11): Ah top.";
        Assert.Equal(["Henk", "Fatima", "Henk"], Found(text, PersonalDataTypes.Person));
    }

    [Theory]
    [InlineData("Wil jij het pakketje voor meneer De Vries aannemen?", "meneer")]
    [InlineData("Geachte mevrouw Bakker,", "mevrouw")]
    [InlineData("Bună ziua, doamna Popescu,", "doamna")]
    [InlineData("Stimate domnule Dumitrescu, vă informăm", "domnule")]
    [InlineData("Il suo accompagnatore, dott. Gianluca Ferraresi, ha già", "dott.")]
    [InlineData("Le colis pour madame Lefèvre est arrivé.", "madame")]
    public void Lower_case_titles_before_a_name(string text, string title)
    {
        Assert.Equal([title], Found(text, PersonalDataTypes.Title));
    }

    [Theory]
    [InlineData("Réservation au 14 rue des Trois-Frères, 75018 Paris. Le code de la porte est 4521.", "75018")]
    [InlineData("Und Oma wohnt jetzt in Hauptplatz 7, 8010 Graz.", "8010")]
    [InlineData("Adressen til hytta er Fjellveien 9, 3580 Geilo. Vi ses fredag!", "3580")]
    public void A_postcode_before_a_town_that_ends_the_sentence(string text, string postcode)
    {
        Assert.Equal([postcode], Found(text, PersonalDataTypes.ZipCode));
    }

    [Theory]
    [InlineData("Merhaba Elif Hanım,", "Merhaba Elif", "Elif")]
    [InlineData("anbei die Adresse: Familie Gruber, Wien", "Familie Gruber", "Gruber")]
    [InlineData("Und Resi wohnt jetzt in Graz.", "Und Resi", "Resi")]
    [InlineData("Mensaje de Andrés: oye", "Mensaje de Andrés", "Andrés")]
    [InlineData("Regards, Anna Weber", "Regards, Anna Weber", "Anna Weber")]
    public void A_person_span_loses_the_common_words_at_its_edges(string text, string tagged, string name)
    {
        var refined = TaggerSpanRefiner.Refine(text, [Span(text, tagged)], Tagger);
        Assert.Equal([name], Values(text, refined));
    }

    [Fact]
    public void A_place_the_list_knows_whole_beats_the_taggers_pieces_of_it()
    {
        const string text = "Riverside Court, Newcastle upon Tyne. Contact us.";
        var whole = Span(text, "Newcastle upon Tyne", PersonalDataTypes.Location, "KnownPlaceRecognizer");
        var pieces = new List<Finding> { Span(text, "Newcastle", PersonalDataTypes.Location), Span(text, "Tyne", PersonalDataTypes.Location), whole };
        Assert.Equal([whole], OverlapResolver.CombinePlaces(pieces, Tagger));
    }

    [Theory]
    [InlineData("Review by Florence (Austin, TX)\nStayed three nights.", "TX")]
    [InlineData("Pickup: 201 Bourke St, Melbourne VIC\nDrop-off: 14 Acland Street", "VIC")]
    [InlineData("2250 Rue Sainte-Catherine O, Montréal QC H3H 1M6", "QC")]
    [InlineData("Rua Augusta 1508, São Paulo - SP, CEP 01304-001", "SP")]
    public void A_state_code_after_a_known_town_is_a_place(string text, string state)
    {
        Assert.Contains(state, Found(text, PersonalDataTypes.Location));
    }

    [Theory]
    [InlineData("Thanks Anna, OK\nsee you")]
    [InlineData("Shipped via Fedex, CA")]
    [InlineData("We met in Paris, IT\nwas great")]
    public void A_capital_pair_after_a_name_or_an_unknown_word_is_no_state(string text)
    {
        Assert.DoesNotContain(Found(text, PersonalDataTypes.Location), l => l.Length <= 3);
    }
}
