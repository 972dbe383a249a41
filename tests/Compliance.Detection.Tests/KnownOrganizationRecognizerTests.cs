using SpecialistPlatform.Compliance.Detection.Recognizers;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>Organisations known by name: found as whole words with their exact spelling, longest name first, and winning
/// over a tagger name inside them; look-alikes in other case or inside other words stay out.</summary>
public class KnownOrganizationRecognizerTests
{
    private static List<string> Found(string text) =>
        new KnownOrganizationRecognizer().Recognize(text).Select(f => f.ValueIn(text)).ToList();

    [Theory]
    [InlineData("He spent six years in Chengdu working for Tencent.", "Tencent")]
    [InlineData("Referee: Meera Pillai, Infosys", "Infosys")]
    [InlineData("It will be delivered by PostNL tomorrow.", "PostNL")]
    [InlineData("Met vriendelijke groet,\nKlantenservice Vattenfall", "Vattenfall")]
    [InlineData("with Prof. Lars Halvorsen of Karolinska Institutet, looks at", "Karolinska Institutet")]
    [InlineData("She moved from Tata Consultancy Services to Deutsche Bank.", "Tata Consultancy Services", "Deutsche Bank")]
    [InlineData("Kurier InPost.", "InPost")]
    public void Finds_organisations_known_by_name(string text, params string[] expected)
    {
        Assert.Equal(expected, Found(text));
    }

    [Theory]
    [InlineData("my mastercard and a tencent coin")]
    [InlineData("Tencentral station, PostNLX and xInfosys")]
    [InlineData("I haven't received the refund to my Mastercard 5151 8190 9378 6571.")]
    [InlineData("Shell out for a new Apple? Ford the river near Lincoln.")]
    [InlineData("I topped up with Google Pay and Samsung Wallet; my Google pay top up failed.")]
    public void Leaves_other_case_parts_of_words_card_networks_and_ordinary_words(string text)
    {
        Assert.Empty(Found(text));
    }

    [Fact]
    public void Through_the_detector_the_known_organisation_wins_over_a_tagger_name_inside_it()
    {
        const string text = "Contact Karolinska Institutet today.";
        var tagger = new FixedTagger(("Karolinska", PersonalDataTypes.Person, 0.95));
        var findings = new PersonalDataDetector([.. PersonalDataDetector.AllRecognizers(), tagger]).Detect(text);
        Assert.Equal([(PersonalDataTypes.Organization, "Karolinska Institutet")], findings.Select(f => (f.Type, f.ValueIn(text))).ToList());
    }
}
