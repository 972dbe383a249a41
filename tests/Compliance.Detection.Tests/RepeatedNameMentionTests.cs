namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// A name found once marks its other mentions in the same text: the bare surname later in a letter, the first name
/// again in a chat. Words that could be something else (common English words, places, nationalities, labels) and
/// mentions inside other findings stay as they are.
/// </summary>
public class RepeatedNameMentionTests
{
    private static Finding Person(string text, string name, double score = 0.8)
    {
        var start = text.IndexOf(name, StringComparison.Ordinal);
        return new Finding(PersonalDataTypes.Person, start, start + name.Length, score, "entity-tagger");
    }

    private static List<string> Added(string text, params Finding[] findings) =>
        RepeatedNameMentions.Add(text, findings)
            .Where(f => f.Recognizer == RepeatedNameMentions.Name)
            .Select(f => $"{f.Type}:{f.ValueIn(text)}@{f.Start}")
            .ToList();

    [Fact]
    public void The_bare_surname_later_in_a_letter_is_a_person()
    {
        const string text = "I am Anna Kowalska and I would like to close my account. Kowalska is my married name, and Kowalska's card is attached.";
        var added = Added(text, Person(text, "Anna Kowalska"));
        Assert.Equal(
        [
            $"PERSON:Kowalska@{text.IndexOf("Kowalska is", StringComparison.Ordinal)}",
            $"PERSON:Kowalska@{text.IndexOf("Kowalska's", StringComparison.Ordinal)}",
        ], added);
    }

    [Fact]
    public void A_repeated_full_name_is_one_span_and_diacritics_and_hyphens_count()
    {
        const string text = "Søren Kierkegaard-Holm signed first.\nLater Søren Kierkegaard-Holm came back, and Søren left.";
        var first = Person(text, "Søren Kierkegaard-Holm");
        var added = Added(text, first);
        var second = text.IndexOf("Søren Kierkegaard-Holm", first.End, StringComparison.Ordinal);
        Assert.Equal(
        [
            $"PERSON:Søren Kierkegaard-Holm@{second}",
            $"PERSON:Søren@{text.LastIndexOf("Søren", StringComparison.Ordinal)}",
        ], added);
    }

    [Fact]
    public void A_name_found_earlier_marks_an_earlier_mention_too()
    {
        const string text = "[09:41] mikko: has Liisa seen it?\n[09:42] Pekka: Hi Liisa, yes.";
        var greeted = text.LastIndexOf("Liisa", StringComparison.Ordinal);
        var found = new Finding(PersonalDataTypes.Person, greeted, greeted + "Liisa".Length, 0.7, nameof(Recognizers.PersonCueRecognizer));
        Assert.Equal([$"PERSON:Liisa@{text.IndexOf("Liisa", StringComparison.Ordinal)}"], Added(text, found));
    }

    [Theory]
    // common English words, even when the gazetteer knows them as names
    [InlineData("Will Nakamura called.", "Will Nakamura", "Will you call back?")]
    [InlineData("Bill Okafor called.", "Bill Okafor", "Bill me later, please.")]
    // places, nationalities and labels
    [InlineData("Jordan Baptiste called.", "Jordan Baptiste", "Shipping to Jordan takes a week.")]
    [InlineData("Paris Whitlock called.", "Paris Whitlock", "The Paris office is closed.")]
    // short words and initials
    [InlineData("Jo Li called.", "Jo Li", "Jo and Li are busy.")]
    public void Words_that_could_be_something_else_are_not_repeated(string first, string name, string later)
    {
        var text = first + " " + later;
        Assert.Empty(Added(text, Person(text, name)));
    }

    [Fact]
    public void Mentions_inside_addresses_handles_and_other_findings_or_in_lower_case_are_left()
    {
        const string text = "Ines Brzozowska wrote from ines.brzozowska@example.com as @Brzozowska (Brzozowska Logistics Sp. z o.o.), brzozowska here, Brzozowska2.";
        var org = text.IndexOf("Brzozowska Logistics", StringComparison.Ordinal);
        var company = new Finding(PersonalDataTypes.Organization, org, org + "Brzozowska Logistics Sp. z o.o.".Length, 0.75, "OrganizationRecognizer");
        Assert.Empty(Added(text, Person(text, "Ines Brzozowska"), company));
    }

    [Fact]
    public void A_weak_person_finding_lends_no_words()
    {
        const string text = "Quorvana Update\nQuorvana is down again.";
        Assert.Empty(Added(text, Person(text, "Quorvana", score: 0.4)));
        Assert.NotEmpty(Added(text, Person(text, "Quorvana", score: 0.7)));
    }

    [Fact]
    public void All_capital_words_repeat_only_when_the_gazetteer_knows_them_as_names()
    {
        const string text = "Booking for NOWAK/ANNA. NOWAK boards first; QZXV stays.";
        var added = Added(text, Person(text, "NOWAK"), Person(text, "QZXV"));
        Assert.Equal([$"PERSON:NOWAK@{text.IndexOf("NOWAK boards", StringComparison.Ordinal)}"], added);
    }

    [Fact]
    public void The_detector_adds_repeats_only_when_persons_are_asked_for()
    {
        var detector = new PersonalDataDetector(PersonalDataDetector.AllRecognizers());
        const string text = "I am Bartosz Wiśniewski. Please tell Wiśniewski's bank that Wiśniewski moved.";
        var all = detector.Detect(text);
        Assert.Equal(3, all.Count(f => f.Type == PersonalDataTypes.Person));
        Assert.Equal(2, all.Count(f => f.Recognizer == RepeatedNameMentions.Name));
        Assert.Empty(detector.Detect(text, [PersonalDataTypes.Location]));
    }
}
