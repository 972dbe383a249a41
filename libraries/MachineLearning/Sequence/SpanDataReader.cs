using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpecialistPlatform.MachineLearning.Data;

namespace SpecialistPlatform.MachineLearning.Sequence;

/// <summary>An input line for extraction: the id as raw JSON (echoed as given), the text and any requested slots.</summary>
public sealed record ExtractionInput(string IdJson, string Text, IReadOnlyList<string> RequestedSlots);

/// <summary>
/// Reads span-labelled data in the Restaurant-8k, NLU++ and native JSONL formats. Every problem is a
/// <see cref="DataFormatException"/> naming the file and the record (JSON arrays, 1-based) or line (JSONL).
/// Spans are checked to lie inside the text with start &lt; end; surrounding whitespace inside a span is trimmed.
/// </summary>
public static class SpanDataReader
{
    public static SpanDataFormat ParseFormat(string name) => name.Trim().ToLowerInvariant() switch
    {
        "restaurant8k" or "restaurant-8k" => SpanDataFormat.Restaurant8k,
        "nlupp" or "nlu++" => SpanDataFormat.Nlupp,
        "jsonl" => SpanDataFormat.Jsonl,
        _ => throw new DataFormatException($"Unknown data format '{name}': use restaurant8k, nlupp or jsonl."),
    };

    public static IReadOnlyList<SpanExample> Read(string path, SpanDataFormat format) => format switch
    {
        SpanDataFormat.Restaurant8k => ReadRestaurant8k(path),
        SpanDataFormat.Nlupp => ReadNlupp(path),
        SpanDataFormat.Jsonl => ReadJsonl(path),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static IReadOnlyList<SpanExample> ReadRestaurant8k(string path)
    {
        var examples = new List<SpanExample>();
        foreach (var (record, root) in JsonArray(path))
        {
            var where = $"{path} record {record}";
            var userInput = RequiredObject(root, "userInput", where);
            var text = RequiredString(userInput, "text", where);
            var requested = new List<string>();
            if (root.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object
                && context.TryGetProperty("requestedSlots", out var slots))
            {
                requested.AddRange(StringArray(slots, "context.requestedSlots", where));
            }
            var spans = new List<LabeledSpan>();
            if (root.TryGetProperty("labels", out var labels) && labels.ValueKind != JsonValueKind.Null)
            {
                if (labels.ValueKind != JsonValueKind.Array)
                {
                    throw new DataFormatException($"{where}: \"labels\" must be an array.");
                }
                foreach (var label in labels.EnumerateArray())
                {
                    if (label.ValueKind != JsonValueKind.Object)
                    {
                        throw new DataFormatException($"{where}: each label must be an object.");
                    }
                    var slot = RequiredString(label, "slot", where);
                    var span = RequiredObject(label, "valueSpan", where);
                    var start = span.TryGetProperty("startIndex", out var s) ? Int(s, "valueSpan.startIndex", where) : 0;
                    if (!span.TryGetProperty("endIndex", out var e))
                    {
                        throw new DataFormatException($"{where}: valueSpan has no \"endIndex\".");
                    }
                    spans.Add(CheckedSpan(slot, start, Int(e, "valueSpan.endIndex", where), text, where, null));
                }
            }
            examples.Add(new SpanExample(text, spans, requested));
        }
        return examples;
    }

    public static IReadOnlyList<SpanExample> ReadNlupp(string path)
    {
        var examples = new List<SpanExample>();
        foreach (var (record, root) in JsonArray(path))
        {
            var where = $"{path} record {record}";
            var text = RequiredString(root, "text", where);
            var spans = new List<LabeledSpan>();
            if (root.TryGetProperty("slots", out var slots) && slots.ValueKind != JsonValueKind.Null)
            {
                if (slots.ValueKind != JsonValueKind.Object)
                {
                    throw new DataFormatException($"{where}: \"slots\" must be an object of slot name to {{text, span, value}}.");
                }
                foreach (var slot in slots.EnumerateObject())
                {
                    if (slot.Value.ValueKind != JsonValueKind.Object || !slot.Value.TryGetProperty("span", out var span)
                        || span.ValueKind != JsonValueKind.Array || span.GetArrayLength() != 2)
                    {
                        throw new DataFormatException($"{where}: slot \"{slot.Name}\" needs a \"span\" of two offsets [start, end].");
                    }
                    JsonNode? value = null;
                    if (slot.Value.TryGetProperty("value", out var v) || slot.Value.TryGetProperty("values", out v))
                    {
                        value = JsonNode.Parse(v.GetRawText());
                    }
                    spans.Add(CheckedSpan(slot.Name, Int(span[0], "span[0]", where), Int(span[1], "span[1]", where), text, where, value));
                }
            }
            examples.Add(new SpanExample(text, spans.OrderBy(s => s.Start).ToArray(), []));
        }
        return examples;
    }

    public static IReadOnlyList<SpanExample> ReadJsonl(string path)
    {
        var examples = new List<SpanExample>();
        foreach (var (line, root) in JsonLines(path))
        {
            var where = $"{path} line {line}";
            var text = RequiredString(root, "text", where);
            var spans = new List<LabeledSpan>();
            if (root.TryGetProperty("spans", out var array) && array.ValueKind != JsonValueKind.Null)
            {
                if (array.ValueKind != JsonValueKind.Array)
                {
                    throw new DataFormatException($"{where}: \"spans\" must be an array of {{label, start, end}}.");
                }
                foreach (var span in array.EnumerateArray())
                {
                    if (span.ValueKind != JsonValueKind.Object)
                    {
                        throw new DataFormatException($"{where}: each span must be an object {{label, start, end}}.");
                    }
                    var label = RequiredString(span, "label", where);
                    if (!span.TryGetProperty("start", out var s) || !span.TryGetProperty("end", out var e))
                    {
                        throw new DataFormatException($"{where}: span \"{label}\" needs \"start\" and \"end\".");
                    }
                    JsonNode? value = span.TryGetProperty("value", out var v) && v.ValueKind != JsonValueKind.Null ? JsonNode.Parse(v.GetRawText()) : null;
                    spans.Add(CheckedSpan(label, Int(s, "start", where), Int(e, "end", where), text, where, value));
                }
            }
            IReadOnlyList<string> requested = root.TryGetProperty("requestedSlots", out var slots) ? StringArray(slots, "requestedSlots", where) : [];
            examples.Add(new SpanExample(text, spans.OrderBy(s => s.Start).ToArray(), requested));
        }
        return examples;
    }

    /// <summary>Reads extraction input: one {"id": string|number, "text": ..., "requestedSlots"?: [...]} per line.</summary>
    public static IReadOnlyList<ExtractionInput> ReadExtractionInput(string path)
    {
        var inputs = new List<ExtractionInput>();
        foreach (var (line, root) in JsonLines(path))
        {
            var where = $"{path} line {line}";
            if (!root.TryGetProperty("id", out var id))
            {
                throw new DataFormatException($"{where}: the object has no \"id\" field.");
            }
            if (id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                throw new DataFormatException($"{where}: \"id\" must be a string or a number, not {id.ValueKind.ToString().ToLowerInvariant()}.");
            }
            IReadOnlyList<string> requested = root.TryGetProperty("requestedSlots", out var slots) ? StringArray(slots, "requestedSlots", where) : [];
            inputs.Add(new ExtractionInput(id.GetRawText(), RequiredString(root, "text", where), requested));
        }
        return inputs;
    }

    /// <summary>Writes examples in the native JSONL format (gold values included where present).</summary>
    public static void WriteJsonl(string path, IEnumerable<SpanExample> examples)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        foreach (var example in examples)
        {
            var spans = new JsonArray();
            foreach (var span in example.Spans)
            {
                var node = new JsonObject { ["label"] = span.Label, ["start"] = span.Start, ["end"] = span.End };
                if (span.Value is not null)
                {
                    node["value"] = span.Value.DeepClone();
                }
                spans.Add(node);
            }
            var line = new JsonObject { ["text"] = example.Text, ["spans"] = spans };
            if (example.RequestedSlots.Count > 0)
            {
                line["requestedSlots"] = new JsonArray(example.RequestedSlots.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
            }
            writer.Write(line.ToJsonString());
            writer.Write('\n');
        }
    }

    private static LabeledSpan CheckedSpan(string label, int start, int end, string text, string where, JsonNode? value)
    {
        if (label.Length == 0)
        {
            throw new DataFormatException($"{where}: a span has an empty label.");
        }
        if (start < 0 || end > text.Length || start >= end)
        {
            throw new DataFormatException($"{where}: span \"{label}\" [{start}, {end}) is not inside the text (length {text.Length}) with start < end.");
        }
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        if (start == end)
        {
            throw new DataFormatException($"{where}: span \"{label}\" covers only whitespace.");
        }
        return new LabeledSpan(label, start, end, value);
    }

    private static IEnumerable<(int Record, JsonElement Root)> JsonArray(string path)
    {
        EnsureExists(path);
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            throw new DataFormatException($"{path}: not valid JSON (line {ex.LineNumber + 1}: {ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}).", ex);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new DataFormatException($"{path}: expected a JSON array of examples, found {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
            }
            var record = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                record++;
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw new DataFormatException($"{path} record {record}: expected an object.");
                }
                yield return (record, element);
            }
        }
    }

    private static IEnumerable<(int Line, JsonElement Root)> JsonLines(string path)
    {
        EnsureExists(path);
        return Data.JsonLines.Read(path);
    }

    private static void EnsureExists(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException($"Data file not found: {path}");
        }
    }

    private static string RequiredString(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            throw new DataFormatException($"{where}: \"{name}\" must be a string.");
        }
        return value.GetString()!;
    }

    private static JsonElement RequiredObject(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            throw new DataFormatException($"{where}: \"{name}\" must be an object.");
        }
        return value;
    }

    private static int Int(JsonElement element, string name, string where)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var value))
        {
            throw new DataFormatException($"{where}: \"{name}\" must be an integer offset.");
        }
        return value;
    }

    private static string[] StringArray(JsonElement element, string name, string where)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (element.ValueKind != JsonValueKind.Array || element.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new DataFormatException($"{where}: \"{name}\" must be an array of strings.");
        }
        return element.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }
}
