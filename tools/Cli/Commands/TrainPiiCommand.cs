using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SpecialistPlatform.Compliance.Detection.Tagging;
using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist train pii --out DIR [--seed N] [--count N]</summary>
internal static class TrainPiiCommand
{
    public static Command Build()
    {
        var output = new Option<string>("--out") { Description = "Directory to write tagger.bin and tagger.json into.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the training generator and the training order (validation uses seed + 1).", DefaultValueFactory = _ => EntityTaggerModel.DefaultSeed };
        var count = new Option<int>("--count") { Description = "Training examples to generate.", DefaultValueFactory = _ => EntityTaggerModel.DefaultCount };
        var command = new Command("pii", "Regenerate the seeded entity training data (Bogus, many locales and frames, PII-free utterances) and train the PERSON/LOCATION/ORGANIZATION/STREET_ADDRESS tagger.")
        {
            output, seed, count,
        };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var console = CliApp.ConsoleFor(parseResult);
            var n = parseResult.GetValue(count);
            if (n < 100)
                throw new UsageException("--count must be at least 100.");
            var s = parseResult.GetValue(seed);
            var result = await CliApp.WithProgress(console, "Training", progress =>
                EntityTaggerModel.Train(s, n, progress, cancellationToken));
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Trained on {result.TrainingExamples} generated examples in {result.Elapsed.TotalSeconds:0.0} s; {result.Model.FeatureRows} feature rows; {result.SpansDropped} overlapping spans skipped."));
            if (result.Validation is { } validation)
            {
                console.WriteLine($"Validation: {result.ValidationExamples} examples from seed {s + 1} (same generator: an in-distribution check, not the benchmark)");
                EvalExtractCommand.WriteTable(console, validation);
            }
            var path = EntityTaggerModel.Save(result, parseResult.GetRequiredValue(output), s, n);
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Saved {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB) and {Path.Combine(parseResult.GetRequiredValue(output), SpanTaggerArtifact.ManifestFileName)}"));
            return 0;
        }));
        return command;
    }
}
