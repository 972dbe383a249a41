using System.ComponentModel.DataAnnotations;

namespace SpecialistPlatform.Extraction;

/// <summary>Section <c>Extraction</c>: how often the registry is checked, and what to train a schema's span model
/// from when the registry has none yet.</summary>
public sealed class ExtractionOptions
{
    public const string Section = "Extraction";

    [Range(0.1, 3600)]
    public double RegistryRefreshSeconds { get; set; } = 2;

    /// <summary>Registry name → bundled labelled data (format restaurant8k, nlupp or jsonl).</summary>
    public Dictionary<string, DefaultSpanModel> DefaultModels { get; set; } = new(StringComparer.Ordinal)
    {
        ["restaurant8k"] = new() { Data = "data/restaurant8k/train.json", Format = "restaurant8k" },
    };
}

public sealed class DefaultSpanModel
{
    public string Data { get; set; } = "";
    public string Format { get; set; } = "jsonl";
}
