using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.MachineLearning.Tests;

/// <summary>A deterministic booking-style slot dataset: party size, day, time and a guest name in varied templates.</summary>
internal static class SyntheticSlots
{
    private static readonly string[] Templates =
    [
        "book a table for {people} on {date} at {time}",
        "hi, can i get a table for {people} at {time} please",
        "we are {people} and would like to come {date}",
        "the reservation is under {name}",
        "{time} on {date} for {people} thanks",
        "my name is {name} and we are {people}",
        "could we move it to {time}?",
        "is there space {date} at {time} for {people}",
        "just the weather please",
        "put it under {name}, {people} at {time}",
    ];

    private static readonly string[] People = ["2 people", "four of us", "3 adults", "six guests", "two", "10 people", "a party of 5"];
    private static readonly string[] Dates = ["tomorrow", "friday", "next monday", "the 12th of may", "saturday", "june 3rd", "tonight"];
    private static readonly string[] Times = ["7pm", "8:30 pm", "noon", "6 o'clock", "19:00", "half past seven", "9am"];
    private static readonly string[] Names = ["Alice Smith", "Rahul Mehta", "Chen Wei", "Maria Lopez", "Tom", "Ana Sousa", "Kofi Mensah"];

    public static List<SpanExample> Generate(int count, int seed)
    {
        var rng = new Random(seed);
        var examples = new List<SpanExample>();
        for (var i = 0; i < count; i++)
        {
            var template = Templates[rng.Next(Templates.Length)];
            var text = "";
            var spans = new List<LabeledSpan>();
            var rest = template;
            while (rest.IndexOf('{') is var open and >= 0)
            {
                var close = rest.IndexOf('}', open);
                text += rest[..open];
                var slot = rest[(open + 1)..close];
                var value = slot switch
                {
                    "people" => People[rng.Next(People.Length)],
                    "date" => Dates[rng.Next(Dates.Length)],
                    "time" => Times[rng.Next(Times.Length)],
                    _ => Names[rng.Next(Names.Length)],
                };
                spans.Add(new LabeledSpan(slot, text.Length, text.Length + value.Length));
                text += value;
                rest = rest[(close + 1)..];
            }
            text += rest;
            // The system asked for the first slot in half of the examples.
            IReadOnlyList<string> requested = spans.Count > 0 && rng.Next(2) == 0 ? [spans[0].Label] : [];
            examples.Add(new SpanExample(text, spans, requested));
        }
        return examples;
    }

    public static SpanTaggerOptions FastOptions(int seed = 7) => new() { Seed = seed, Epochs = 8, MinUpdates = 0 };
}
