using System.Text.RegularExpressions;
using SpecialistPlatform.Compliance.Detection.Tagging;
using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>The training generator's output (version 7: enterprise layouts and capitalised non-names) as the tagger will see it.</summary>
public class EntityTrainingGeneratorTests
{
    private static readonly List<SpanExample> Examples = new EntityTrainingGenerator(31).Generate(4000).ToList();

    private static IEnumerable<(SpanExample Example, LabeledSpan Span, string Value)> Spans() =>
        Examples.SelectMany(e => e.Spans.Select(s => (e, s, e.Text[s.Start..s.End])));

    [Fact]
    public void Every_span_is_inside_its_text_trimmed_on_token_boundaries_and_apart_from_the_others()
    {
        foreach (var example in Examples)
        {
            var tokens = SpanTokenizer.Tokenize(example.Text);
            var starts = tokens.Select(t => t.Start).ToHashSet();
            var ends = tokens.Select(t => t.End).ToHashSet();
            var previousEnd = -1;
            foreach (var span in example.Spans.OrderBy(s => s.Start))
            {
                EntityTrainingGenerator.Labels.ShouldContain(span.Label);
                span.Start.ShouldBeGreaterThanOrEqualTo(previousEnd, example.Text);
                span.End.ShouldBeGreaterThan(span.Start);
                span.End.ShouldBeLessThanOrEqualTo(example.Text.Length);
                var value = example.Text[span.Start..span.End];
                value.ShouldBe(value.Trim(), example.Text);
                starts.ShouldContain(span.Start, example.Text);
                ends.ShouldContain(span.End, example.Text);
                previousEnd = span.End;
            }
        }
    }

    [Fact]
    public void Mail_headers_name_people_and_companies_after_From_and_list_people_after_To_and_Cc()
    {
        bool After(string prefix, string label) => Spans().Any(x => x.Span.Label == label && x.Span.Start >= prefix.Length
            && x.Example.Text.AsSpan(x.Span.Start - prefix.Length, prefix.Length).SequenceEqual(prefix));

        After("From: ", PersonalDataTypes.Person).ShouldBeTrue();
        After("From: ", PersonalDataTypes.Organization).ShouldBeTrue();
        After("Cc: ", PersonalDataTypes.Person).ShouldBeTrue();
        After("; ", PersonalDataTypes.Person).ShouldBeTrue();
        After("Sent on behalf of ", PersonalDataTypes.Person).ShouldBeTrue();
        After("Attendees: ", PersonalDataTypes.Person).ShouldBeTrue();
        After("said ", PersonalDataTypes.Person).ShouldBeTrue();
        After("\"name\": \"", PersonalDataTypes.Person).ShouldBeTrue();
        After("<city>", PersonalDataTypes.Location).ShouldBeTrue();
    }

    [Fact]
    public void Airline_names_are_one_person_span_and_the_title_after_them_is_not_tagged()
    {
        var airline = Spans().Where(x => x.Span.Label == PersonalDataTypes.Person && Regex.IsMatch(x.Value, @"^\p{Lu}[\p{Lu}\- ]*/\p{Lu}[\p{Lu}\- ]*$")).ToList();

        airline.ShouldNotBeEmpty();
        foreach (var (example, span, _) in airline)
        {
            var after = example.Text[span.End..];
            var title = Regex.Match(after, @"^ (MR|MRS|MS|MISS|DR|MSTR)\b");
            if (title.Success)
                example.Spans.ShouldNotContain(s => s.Start < span.End + title.Length && s.End > span.End, example.Text);
        }
    }

    [Theory]
    [InlineData("Head of Procurement|Senior Associate|Data Protection Officer|Legal Counsel|Key Account Manager")]
    [InlineData("Human Resources|Accounts Payable|Internal Audit|Customer Success")]
    [InlineData("Steering Committee|Any Other Business|Risk Register|Town Hall|Quarterly Business Review")]
    [InlineData("Caesar Salad|Eggs Benedict|Victoria Sponge|Chocolate Fudge Cake|Margherita Pizza")]
    [InlineData("Even though|Will you tell me why|Mine is broken and|May I ask why|Hope you are well")]
    [InlineData("Russian rubles|Russian Ruble|Swiss francs|Japanese yen|Polish zloty|Mexican pesos|Chinese yuan")]
    public void Capitalised_job_titles_departments_headings_menus_and_sentence_starts_are_never_tagged(string alternatives)
    {
        var pattern = new Regex($@"\b(?:{alternatives})\b");
        var seen = 0;
        foreach (var example in Examples)
        {
            foreach (Match m in pattern.Matches(example.Text))
            {
                seen++;
                example.Spans.ShouldNotContain(s => s.Start < m.Index + m.Length && s.End > m.Index, example.Text);
            }
        }
        seen.ShouldBeGreaterThan(0, $"one of '{alternatives}' should occur in the generated text");
    }

    [Fact]
    public void Team_and_project_code_names_stay_O_while_names_that_are_also_places_are_people_or_places_by_context()
    {
        foreach (var example in Examples)
        {
            foreach (Match m in Regex.Matches(example.Text, @"\b(Team|Project|Operation|Programme) (Phoenix|Falcon|Atlas|Orion|Apollo|Horizon|Aurora)\b"))
                example.Spans.ShouldNotContain(s => s.Start < m.Index + m.Length && s.End > m.Index, example.Text);
        }

        Spans().ShouldContain(x => x.Span.Label == PersonalDataTypes.Person && (x.Value == "Jordan" || x.Value == "Florence" || x.Value == "Paris" || x.Value == "Sydney"));
        Spans().ShouldContain(x => x.Span.Label == PersonalDataTypes.Location && (x.Value == "Jordan" || x.Value == "Florence" || x.Value == "Paris" || x.Value == "Sydney"));
    }

    [Fact]
    public void Some_names_are_lower_case_as_chat_writes_them_and_some_are_in_capitals_on_forms()
    {
        Spans().ShouldContain(x => x.Span.Label == PersonalDataTypes.Person && x.Value.All(c => !char.IsLetter(c) || char.IsLower(c)));
        Spans().ShouldContain(x => x.Span.Label == PersonalDataTypes.Person && x.Value.Length > 3 && x.Value.All(c => !char.IsLetter(c) || char.IsUpper(c)));
    }

    [Fact]
    public void Version_7_layouts_come_out_the_same_for_the_same_seed()
    {
        var again = new EntityTrainingGenerator(31).Generate(4000).ToList();

        again.Select(e => e.Text).ShouldBe(Examples.Select(e => e.Text));
        again.SelectMany(e => e.Spans).ShouldBe(Examples.SelectMany(e => e.Spans));
        EntityTaggerModel.GeneratorVersion.ShouldBe(7);
        EntityTaggerModel.Recipe.ShouldStartWith("generator=7;");
    }
}
