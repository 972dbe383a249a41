using SpecialistPlatform.MachineLearning.Data;
using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.MachineLearning.Tests;

public sealed class SpanDataReaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("span-reader-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Reads_restaurant8k_with_requested_slots_and_a_missing_start_index()
    {
        var path = Write("r8k.json", """
            [
              {"userInput": {"text": "There will be 5 adults and 1 child."}, "context": {"requestedSlots": ["people"]},
               "labels": [{"slot": "people", "valueSpan": {"startIndex": 14, "endIndex": 34}}]},
              {"userInput": {"text": "Tomorrow at 7"}, "labels": [{"slot": "date", "valueSpan": {"endIndex": 8}}, {"slot": "time", "valueSpan": {"startIndex": 12, "endIndex": 13}}]},
              {"userInput": {"text": "hello"}}
            ]
            """);

        var examples = SpanDataReader.Read(path, SpanDataFormat.Restaurant8k);

        examples.Count.ShouldBe(3);
        examples[0].RequestedSlots.ShouldBe(["people"]);
        examples[0].Spans.ShouldBe([new LabeledSpan("people", 14, 34)]);
        examples[1].Spans.Select(s => (s.Label, s.Start, s.End)).ShouldBe([("date", 0, 8), ("time", 12, 13)]);
        examples[2].Spans.ShouldBeEmpty();
    }

    [Fact]
    public void Reads_nlupp_slots_with_gold_values()
    {
        var path = Write("nlupp.json", """
            [
              {"text": "Create 6 new standing orders.", "intents": ["new"], "slots": {"number": {"text": "6", "span": [7, 8], "value": 6}}},
              {"text": "any day next week", "intents": [], "slots": {"date_period": {"text": "next week", "span": [8, 17], "values": {"type": "absolute"}}}},
              {"text": "hi", "intents": ["greet"]}
            ]
            """);

        var examples = SpanDataReader.Read(path, SpanDataFormat.Nlupp);

        examples.Count.ShouldBe(3);
        examples[0].Spans.Single().Label.ShouldBe("number");
        examples[0].Spans.Single().Value!.GetValue<int>().ShouldBe(6);
        examples[1].Spans.Single().Value!["type"]!.GetValue<string>().ShouldBe("absolute");
        examples[2].Spans.ShouldBeEmpty();
    }

    [Fact]
    public void Reads_native_jsonl_and_trims_whitespace_inside_spans()
    {
        var path = Write("data.jsonl", """
            {"text": "for  2 people", "spans": [{"label": "people", "start": 4, "end": 13}], "requestedSlots": ["people"]}

            {"text": "nothing here", "spans": []}
            """);

        var examples = SpanDataReader.Read(path, SpanDataFormat.Jsonl);

        examples.Count.ShouldBe(2);
        examples[0].Spans.ShouldBe([new LabeledSpan("people", 5, 13)]);
        examples[0].RequestedSlots.ShouldBe(["people"]);
    }

    [Theory]
    [InlineData("""{"text": "for 2", "spans": [{"label": "people", "start": 4, "end": 9}]}""", "line 2", "not inside the text")]
    [InlineData("""{"text": "for 2", "spans": [{"label": "people", "start": 4}]}""", "line 2", "needs \"start\" and \"end\"")]
    [InlineData("""{"spans": []}""", "line 2", "\"text\" must be a string")]
    [InlineData("""{"text": "x", "spans": [], "requestedSlots": "people"}""", "line 2", "array of strings")]
    [InlineData("""{"text": "x",""", "line 2", "not valid JSON")]
    [InlineData("""{"text": "for 2", "spans": [{"label": "", "start": 4, "end": 5}]}""", "line 2", "empty label")]
    public void Rejects_malformed_jsonl_naming_the_line(string badLine, string where, string why)
    {
        var path = Write("bad.jsonl", """{"text": "ok", "spans": []}""" + "\n" + badLine + "\n");

        var error = Should.Throw<DataFormatException>(() => SpanDataReader.Read(path, SpanDataFormat.Jsonl));

        error.Message.ShouldContain(where);
        error.Message.ShouldContain(why);
    }

    [Fact]
    public void Rejects_malformed_restaurant8k_and_nlupp_records_naming_the_record()
    {
        var r8k = Write("bad.json", """[{"userInput": {"text": "ok"}}, {"userInput": {"text": "7pm"}, "labels": [{"slot": "time", "valueSpan": {"startIndex": 0}}]}]""");
        var nlupp = Write("bad-nlupp.json", """[{"text": "six", "slots": {"number": {"text": "six", "span": [0]}}}]""");
        var notArray = Write("object.json", """{"text": "x"}""");

        Should.Throw<DataFormatException>(() => SpanDataReader.Read(r8k, SpanDataFormat.Restaurant8k)).Message.ShouldContain("record 2");
        Should.Throw<DataFormatException>(() => SpanDataReader.Read(nlupp, SpanDataFormat.Nlupp)).Message.ShouldContain("record 1");
        Should.Throw<DataFormatException>(() => SpanDataReader.Read(notArray, SpanDataFormat.Nlupp)).Message.ShouldContain("expected a JSON array");
        Should.Throw<DataFormatException>(() => SpanDataReader.Read(Path.Combine(_directory, "missing.json"), SpanDataFormat.Nlupp)).Message.ShouldContain("not found");
        Should.Throw<DataFormatException>(() => SpanDataReader.ParseFormat("csv")).Message.ShouldContain("restaurant8k, nlupp or jsonl");
    }

    [Fact]
    public void Native_jsonl_round_trips_through_the_writer()
    {
        var examples = SyntheticSlots.Generate(20, seed: 4);
        var path = Path.Combine(_directory, "round.jsonl");

        SpanDataReader.WriteJsonl(path, examples);
        var read = SpanDataReader.ReadJsonl(path);

        read.Count.ShouldBe(examples.Count);
        for (var i = 0; i < read.Count; i++)
        {
            read[i].Text.ShouldBe(examples[i].Text);
            read[i].Spans.ShouldBe(examples[i].Spans);
            read[i].RequestedSlots.ShouldBe(examples[i].RequestedSlots);
        }
    }
}
