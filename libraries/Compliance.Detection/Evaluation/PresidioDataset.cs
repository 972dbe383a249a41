using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecialistPlatform.Compliance.Detection.Evaluation;

/// <summary>One labelled span in Presidio's evaluation format; positions are Unicode code-point offsets (Python's).</summary>
public sealed record PresidioSpan(
    [property: JsonPropertyName("entity_type")] string EntityType,
    [property: JsonPropertyName("entity_value")] string? EntityValue,
    [property: JsonPropertyName("start_position")] int StartPosition,
    [property: JsonPropertyName("end_position")] int EndPosition);

/// <summary>One sample of presidio-research's InputSample JSON: the text and its labelled spans.</summary>
public sealed record PresidioSample(
    [property: JsonPropertyName("full_text")] string FullText,
    [property: JsonPropertyName("spans")] IReadOnlyList<PresidioSpan> Spans)
{
    [JsonPropertyName("masked")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Masked { get; init; }

    [JsonPropertyName("template_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TemplateId { get; init; }

    /// <summary>Gold spans as UTF-16 [start, end) ranges, the offsets <see cref="Finding"/> uses.</summary>
    public IReadOnlyList<(string Type, int Start, int End)> Utf16Spans() =>
        Spans.Select(s => (s.EntityType, TextOffsets.FromCodePointIndex(FullText, s.StartPosition), TextOffsets.FromCodePointIndex(FullText, s.EndPosition))).ToList();
}

/// <summary>Reads and writes Presidio evaluation data: a JSON array of samples, or one sample per line (JSONL).</summary>
public static class PresidioDataset
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    /// <summary>Reads a Presidio JSON/JSONL file, or a hand-labelled <see cref="AnnotatedTextDataset"/> file (<c>*.pii.txt</c>).</summary>
    public static IReadOnlyList<PresidioSample> Read(string path)
    {
        if (AnnotatedTextDataset.Handles(path))
            return Checked([.. AnnotatedTextDataset.Read(path)], path);
        var text = File.ReadAllText(path);
        var trimmed = text.TrimStart();
        try
        {
            if (trimmed.StartsWith('['))
                return Checked(JsonSerializer.Deserialize<List<PresidioSample>>(trimmed, Options) ?? [], path);
            var samples = new List<PresidioSample>();
            var lineNumber = 0;
            foreach (var line in text.Split('\n'))
            {
                lineNumber++;
                if (line.Trim().Length == 0)
                    continue;
                try
                {
                    samples.Add(JsonSerializer.Deserialize<PresidioSample>(line, Options) ?? throw new JsonException("null sample"));
                }
                catch (JsonException ex)
                {
                    throw new ArgumentException($"{path}:{lineNumber}: {ex.Message}", ex);
                }
            }
            return Checked(samples, path);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"{path}: {ex.Message}", ex);
        }
    }

    private static List<PresidioSample> Checked(List<PresidioSample> samples, string path)
    {
        for (var i = 0; i < samples.Count; i++)
        {
            var s = samples[i];
            if (s.FullText is null || s.Spans is null)
                throw new ArgumentException($"{path}: sample {i + 1} lacks full_text or spans.");
            var length = TextOffsets.ToCodePointIndex(s.FullText, s.FullText.Length);
            foreach (var span in s.Spans)
            {
                if (span.StartPosition < 0 || span.EndPosition > length || span.StartPosition >= span.EndPosition)
                    throw new ArgumentException($"{path}: sample {i + 1} has span [{span.StartPosition}, {span.EndPosition}) outside its text of {length} code points.");
            }
        }
        return samples;
    }

    /// <summary>Writes a JSON array, one sample per line inside it (valid JSON, easy to diff).</summary>
    public static void Write(string path, IEnumerable<PresidioSample> samples)
    {
        using var writer = new StreamWriter(path);
        writer.Write('[');
        var first = true;
        foreach (var sample in samples)
        {
            writer.Write(first ? "\n" : ",\n");
            writer.Write(JsonSerializer.Serialize(sample, Options));
            first = false;
        }
        writer.Write("\n]\n");
    }
}
