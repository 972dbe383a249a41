using SpecialistPlatform.MachineLearning.Features;

namespace SpecialistPlatform.MachineLearning.Training;

/// <summary>Named training configurations, so a model can be reproduced by name.</summary>
public static class IntentPresets
{
    public const string Default = "linear";

    public static IReadOnlyList<string> Names { get; } = ["linear", "word", "char", "ensemble"];

    public static IntentTrainingOptions Create(string name) => name switch
    {
        "linear" => new IntentTrainingOptions(),
        "word" => new IntentTrainingOptions { Components = [new FeatureOptions { CharNgramMin = 0, CharNgramMax = 0 }] },
        "char" => new IntentTrainingOptions { Components = [new FeatureOptions { WordUnigrams = false, WordBigrams = false }] },
        "ensemble" => new IntentTrainingOptions
        {
            Components =
            [
                new FeatureOptions { CharNgramMin = 0, CharNgramMax = 0 },
                new FeatureOptions { WordUnigrams = false, WordBigrams = false },
            ],
        },
        _ => throw new ArgumentException($"Unknown preset '{name}'; choose one of: {string.Join(", ", Names)}."),
    };
}
