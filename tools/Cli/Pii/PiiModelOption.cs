using System.CommandLine;
using SpecialistPlatform.Compliance.Detection;
using SpecialistPlatform.Compliance.Detection.Tagging;
using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.Cli.Pii;

/// <summary>--model DIR|none: which entity tagger joins the rules (default: the platform's default model, as the service runs it).</summary>
internal static class PiiModelOption
{
    public static Option<string?> Create() => new("--model")
    {
        Description = "Entity tagger directory (from 'specialist train pii'); 'none' for the rules alone. Default: the platform's default model "
            + $"(trained from the fixed-seed generator at first use and cached under ${EntityTaggerModel.CacheVariable} or the user's local data folder).",
    };

    public static IRecognizer? Resolve(ParseResult parseResult, Option<string?> option) =>
        ResolveTagger(parseResult, option) is { } tagger ? new EntityTaggerRecognizer(tagger) : null;

    /// <summary>The entity tagger the option names, or null for 'none'.</summary>
    public static SpanTagger? ResolveTagger(ParseResult parseResult, Option<string?> option)
    {
        var value = parseResult.GetValue(option);
        if (string.Equals(value, "none", StringComparison.OrdinalIgnoreCase))
            return null;
        return value is null
            ? EntityTaggerModel.Default(log: parseResult.InvocationConfiguration.Error)
            : EntityTaggerModel.Load(value);
    }
}
