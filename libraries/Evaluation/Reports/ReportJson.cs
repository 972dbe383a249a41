using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecialistPlatform.Evaluation.Reports;

/// <summary>The one JSON shape for the detailed parts of an evaluation run, written by the CLI and read by the report.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json, T fallback) =>
        string.IsNullOrWhiteSpace(json) ? fallback : JsonSerializer.Deserialize<T>(json, Options) ?? fallback;
}
