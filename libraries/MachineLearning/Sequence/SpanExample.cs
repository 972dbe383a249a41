using System.Text.Json.Nodes;

namespace SpecialistPlatform.MachineLearning.Sequence;

/// <summary>A labelled character span [Start, End) of a text; Value is a gold normalised value where the data has one.</summary>
public sealed record LabeledSpan(string Label, int Start, int End, JsonNode? Value = null);

/// <summary>
/// A text with its slot spans and the slots the system had just asked for (Restaurant-8k's
/// <c>requestedSlots</c>), which the tagger uses as context features.
/// </summary>
public sealed record SpanExample(string Text, IReadOnlyList<LabeledSpan> Spans, IReadOnlyList<string> RequestedSlots)
{
    public SpanExample(string text, IReadOnlyList<LabeledSpan> spans)
        : this(text, spans, [])
    {
    }
}

/// <summary>A span found by the tagger, with the model's probability that exactly this span carries this label.</summary>
public sealed record PredictedSpan(string Label, int Start, int End, string Text, double Confidence);

/// <summary>Input formats the span readers know.</summary>
public enum SpanDataFormat
{
    /// <summary>Restaurant-8k: a JSON array of {userInput: {text}, context?: {requestedSlots}, labels: [{slot, valueSpan: {startIndex?, endIndex}}]}.</summary>
    Restaurant8k,

    /// <summary>NLU++: a JSON array of {text, intents, slots?: {name: {text, span: [start, end], value | values}}}.</summary>
    Nlupp,

    /// <summary>Native JSON Lines: {"text", "spans": [{"label", "start", "end"}], "requestedSlots"?} per line.</summary>
    Jsonl,
}
