using SpecialistPlatform.Compliance.Detection.Tagging;
using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// The hand-written development sets as tagger training text (<see cref="HandWrittenTrainingText"/>): what is read, what
/// is kept of it, and how a text is renamed so the tagger learns the contexts rather than the few hundred names.
/// </summary>
public class HandWrittenTrainingTests
{
    [Fact]
    public void The_development_sets_are_embedded_and_the_checks_are_not()
    {
        Assert.Equal(7, HandWrittenTrainingText.ResourceNames.Count);
        Assert.All(HandWrittenTrainingText.ResourceNames, n => Assert.DoesNotContain("independent", n, StringComparison.OrdinalIgnoreCase));
        Assert.All(HandWrittenTrainingText.ResourceNames, n => Assert.DoesNotContain("holdout", n, StringComparison.OrdinalIgnoreCase));
        // dev 45 + dev2 100 + dev3 120 + dev4 126 + dev5 130 + dev6 110 + dev7 110 texts.
        Assert.Equal(741, HandWrittenTrainingText.Examples.Count);
    }

    [Fact]
    public void Only_the_taggers_labels_are_kept_with_utf16_offsets()
    {
        const string content = "===\nHi {{PERSON|Zoë}} 👋, call {{PHONE_NUMBER|07700 900418}} or visit {{ORGANIZATION|Brightwater Ltd}} in {{LOCATION|Łódź}}.\n";
        var example = Assert.Single(HandWrittenTrainingText.FromAnnotatedText(content, "test"));
        Assert.Equal(["Zoë", "Brightwater Ltd", "Łódź"], example.Spans.Select(s => example.Text[s.Start..s.End]));
        Assert.Equal([PersonalDataTypes.Person, PersonalDataTypes.Organization, PersonalDataTypes.Location], example.Spans.Select(s => s.Label));
    }

    [Fact]
    public void Renaming_replaces_each_name_word_the_same_way_throughout_and_keeps_its_case()
    {
        const string content = "===\n[09:14] {{PERSON|priya}}: {{PERSON|Priya Raman}} here, ask {{PERSON|RAMAN}} or {{PERSON|J. Okafor}} in {{LOCATION|Leeds}}.\nMeet at {{ORGANIZATION|Brightwater Ltd}}.\n";
        var example = Assert.Single(HandWrittenTrainingText.FromAnnotatedText(content, "test"));
        var renamed = HandWrittenTrainingText.Renamed(example, new EntityTrainingGenerator(3), renamePlaces: true);

        Assert.Equal(example.Spans.Select(s => s.Label), renamed.Spans.Select(s => s.Label));
        var values = renamed.Spans.Select(s => renamed.Text[s.Start..s.End]).ToList();
        Assert.DoesNotContain("Priya", values[1], StringComparison.Ordinal);
        Assert.Equal(values[0].ToLowerInvariant(), values[0]);
        Assert.StartsWith(values[0], values[1], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(values[2].ToUpperInvariant(), values[2]);
        Assert.EndsWith(values[2], values[1], StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("J. ", values[3], StringComparison.Ordinal);
        Assert.NotEqual("Leeds", values[4]);
        Assert.Equal("Brightwater Ltd", values[5]);
        // The text between the spans is untouched.
        Assert.StartsWith("[09:14] ", renamed.Text, StringComparison.Ordinal);
        Assert.EndsWith(".\nMeet at Brightwater Ltd.", renamed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hand_written_share_of_training_stays_fixed_whatever_the_generated_count()
    {
        Assert.Equal(14, HandWrittenTrainingText.RepeatsFor(12_000));
        Assert.Equal(7, HandWrittenTrainingText.RepeatsFor(6_000));
        Assert.Equal(1, HandWrittenTrainingText.RepeatsFor(100));
    }

    [Fact]
    public void Repeats_give_the_text_once_as_written_then_renamed()
    {
        var repeated = HandWrittenTrainingText.Repeated(seed: 5, repeats: 2).Take(HandWrittenTrainingText.Examples.Count + 1).ToList();
        Assert.Equal(HandWrittenTrainingText.Examples[0], repeated[0]);
        var first = HandWrittenTrainingText.Examples[0];
        var again = repeated[^1];
        Assert.Equal(first.Spans.Count, again.Spans.Count);
        Assert.NotEqual(first.Text, again.Text);
    }
}
