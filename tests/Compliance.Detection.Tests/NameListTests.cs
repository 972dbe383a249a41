using SpecialistPlatform.Compliance.Detection.Tagging;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// The detector with the platform's default tagger (trained once, then read from the model cache) and every rule, as
/// the service runs it; shared by the classes that need the real model rather than a small one.
/// </summary>
public sealed class DefaultTaggerFixture
{
    public DefaultTaggerFixture() => Detector = PersonalDataDetector.Create([], tagger: new EntityTaggerRecognizer(EntityTaggerModel.Default()));

    public PersonalDataDetector Detector { get; }
}

/// <summary>
/// Names of locales Bogus has no names for (Tagging/Names), found in sentences written here in no frame of the
/// training generator: mid-sentence, after a comma, in pairs, as an object of a verb.
/// </summary>
public class NameListTests(DefaultTaggerFixture fixture) : IClassFixture<DefaultTaggerFixture>
{
    [Theory]
    // Hungarian, Danish, Icelandic, Hebrew, Greek
    [InlineData("Yesterday the plumber, Zoltán Kovács, fixed the boiler in our flat.", "Zoltán Kovács")]
    [InlineData("Both Ágnes Szabó and Bence Horváth missed the deadline.", "Ágnes Szabó", "Bence Horváth")]
    [InlineData("The invoice was approved by Mette Sørensen after lunch.", "Mette Sørensen")]
    [InlineData("Mads Kristensen and Freja Kjær are sharing the desk by the window.", "Mads Kristensen", "Freja Kjær")]
    [InlineData("Our guide was Guðrún Sigurðardóttir, who knew every glacier by name.", "Guðrún Sigurðardóttir")]
    [InlineData("Please forward the contract to Yossi Mizrahi before Thursday.", "Yossi Mizrahi")]
    [InlineData("Ask Noa Friedman or Itai Peretz about the seating plan.", "Noa Friedman", "Itai Peretz")]
    [InlineData("Dimitris Papadopoulos will present the budget on behalf of the board.", "Dimitris Papadopoulos")]
    // Balkan, Baltic, Ukrainian, Russian
    [InlineData("I shared a taxi with Nemanja Jovanović to the airport.", "Nemanja Jovanović")]
    [InlineData("Žiga Potočnik called twice about the broken chair.", "Žiga Potočnik")]
    [InlineData("The new accountant, Desislava Georgieva, starts after the holidays.", "Desislava Georgieva")]
    [InlineData("The translation was reviewed by Gintarė Kazlauskienė overnight.", "Gintarė Kazlauskienė")]
    [InlineData("The keys are with Kadri Saar until the weekend.", "Kadri Saar")]
    [InlineData("The keynote speaker, Oleksandr Shevchenko, arrived late.", "Oleksandr Shevchenko")]
    [InlineData("Kateryna Bondarenko has not replied to my last two emails.", "Kateryna Bondarenko")]
    [InlineData("The apartment belongs to Sergei Smirnov and his sister.", "Sergei Smirnov")]
    // Arabic, Persian, South Asian
    [InlineData("We owe Khaled Haddad the rest of the deposit.", "Khaled Haddad")]
    [InlineData("Parisa Hosseini signed the lease on the second floor.", "Parisa Hosseini")]
    [InlineData("The refund was requested by Priyanka Chaturvedi last week.", "Priyanka Chaturvedi")]
    [InlineData("Karthikeyan Subramanian is leading the migration project.", "Karthikeyan Subramanian")]
    // Chinese, Japanese, Korean, Thai, Filipino, Malay
    [InlineData("The parcel was picked up by Xiaoming Zhang at the front desk.", "Xiaoming Zhang")]
    [InlineData("Haruto Yamamoto sent the slides late last night.", "Haruto Yamamoto")]
    [InlineData("I forwarded the complaint to Jihoon Choi on the night shift.", "Jihoon Choi")]
    [InlineData("Somchai Srisuk confirmed the booking for three nights.", "Somchai Srisuk")]
    [InlineData("The nurse on duty was Maricel Dimaculangan.", "Maricel Dimaculangan")]
    [InlineData("The thesis of Zulkifli Hashim is due in spring.", "Zulkifli Hashim")]
    // Yoruba, Igbo, Hausa, Kikuyu, Swahili, Amharic, Zulu, Akan, Somali
    [InlineData("The scholarship went to Oluwaseun Adeyemi this year.", "Oluwaseun Adeyemi")]
    [InlineData("Thanks to Ngozi Okafor and Emeka Nwosu the audit went smoothly.", "Ngozi Okafor", "Emeka Nwosu")]
    [InlineData("We are still waiting for Abubakar Garba to approve the transfer.", "Abubakar Garba")]
    [InlineData("Wanjiru Kamau handles payroll for the whole branch.", "Wanjiru Kamau")]
    [InlineData("Baraka Otieno lent his ladder to the neighbours.", "Baraka Otieno")]
    [InlineData("Our driver, Tesfaye Bekele, knows every road in the region.", "Tesfaye Bekele")]
    [InlineData("The complaint from Sipho Dlamini was escalated on Monday.", "Sipho Dlamini")]
    [InlineData("Kwame Mensah will cover the night shift instead of me.", "Kwame Mensah")]
    [InlineData("Hodan Warsame asked again about the visa appointment.", "Hodan Warsame")]
    // Irish, Welsh, Gaelic, Catalan, Basque
    [InlineData("The report was proofread by Aoife Brennan and Ciarán Ó Briain.", "Aoife Brennan")]
    [InlineData("Rhodri Pritchard won the regional chess tournament.", "Rhodri Pritchard")]
    [InlineData("The ferry tickets were booked by Eilidh MacKinnon.", "Eilidh MacKinnon")]
    [InlineData("The minutes were taken by Núria Vilanova as usual.", "Núria Vilanova")]
    [InlineData("Aitor Etxeberria coaches the junior team on Saturdays.", "Aitor Etxeberria")]
    public void Finds_names_of_locales_without_bogus_data(string text, params string[] names)
    {
        var persons = fixture.Detector.Detect(text).Where(f => f.Type == PersonalDataTypes.Person).ToList();
        foreach (var name in names)
        {
            var start = text.IndexOf(name, StringComparison.Ordinal);
            persons.ShouldContain(f => f.Start == start && f.End == start + name.Length, $"{name} in \"{text}\"; found {string.Join(", ", persons.Select(p => p.ValueIn(text)))}");
        }
    }

    [Theory]
    [InlineData("zoltán", GazetteerClass.FirstName)]
    [InlineData("kovács", GazetteerClass.LastName)]
    [InlineData("kovacs", GazetteerClass.LastName)]
    [InlineData("sigurðardóttir", GazetteerClass.LastName)]
    [InlineData("sigurdardottir", GazetteerClass.LastName)]
    [InlineData("oluwaseun", GazetteerClass.FirstName)]
    [InlineData("etxeberria", GazetteerClass.LastName)]
    [InlineData("олександр", GazetteerClass.FirstName)]
    public void The_gazetteer_knows_the_list_names_with_and_without_diacritics(string word, GazetteerClass cls) =>
        EntityGazetteer.Default.Lookup(word).HasFlag(cls).ShouldBeTrue();

    [Fact]
    public void The_lists_hold_no_word_of_ordinary_requests_and_no_particle()
    {
        var lists = EntityGazetteer.NameLists;
        lists.Count.ShouldBeGreaterThanOrEqualTo(20);
        var vocabulary = NegativeUtterances.Vocabulary;
        foreach (var list in lists)
        {
            list.FirstNames.Count.ShouldBeGreaterThan(40, list.Locale);
            list.LastNames.Count.ShouldBeGreaterThan(40, list.Locale);
            list.FirstNames.Concat(list.LastNames).Where(n => vocabulary.Contains(n.ToLowerInvariant())).ShouldBeEmpty(list.Locale);
        }
        // "Al-Masri" adds "masri", not the particle.
        EntityGazetteer.Default.Lookup("masri").HasFlag(GazetteerClass.LastName).ShouldBeTrue();
        // Names that are common words too were left out of the lists on purpose.
        var listed = lists.SelectMany(l => l.FirstNames.Concat(l.LastNames)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var word in new[] { "Park", "Song", "Kiss", "Stern", "Abril", "Segura", "Mac", "Nic" })
            listed.ShouldNotContain(word);
        foreach (var word in new[] { "rechnung", "kontakt" })
            (EntityGazetteer.Default.Lookup(word) & (GazetteerClass.FirstName | GazetteerClass.LastName)).ShouldBe(GazetteerClass.None, word);
    }
}
