using System.CommandLine;
using SpecialistPlatform.MachineLearning.Moderation;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>--datasets and --handwritten: where the moderation commands find the bundled training data.</summary>
internal sealed class ModerationDataOptions
{
    public Option<string?> Datasets { get; } = new("--datasets")
    {
        Description = $"The shared datasets folder (holding moderation/ and prompt-injection/); default ${ModerationDataset.DatasetsVariable}, else the first shared/datasets above the working directory.",
    };

    public Option<string?> HandWritten { get; } = new("--handwritten")
    {
        Description = "The folder of the hand-written sets (data/moderation); default the copy beside the program.",
    };

    public IEnumerable<Option> Options => [Datasets, HandWritten];

    public string DatasetsRoot(ParseResult parseResult) => ModerationDataset.FindDatasetsRoot(parseResult.GetValue(Datasets));

    public string HandWrittenDirectory(ParseResult parseResult) => ModerationDataset.FindHandWrittenDirectory(parseResult.GetValue(HandWritten));

    public ModerationData Build(ParseResult parseResult, int seed, int windowWords) =>
        ModerationDataset.Build(DatasetsRoot(parseResult), HandWrittenDirectory(parseResult), seed, windowWords);
}
