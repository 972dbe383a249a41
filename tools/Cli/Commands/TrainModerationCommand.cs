using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Spectre.Console;
using SpecialistPlatform.MachineLearning.Moderation;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist train moderation --out DIR [--datasets DIR] [--handwritten DIR] [--add FILE...] [--seed 42] [--epochs 5] [--injection-window-words 32] [--injection-segments true] [--novelty-weights 0 1 2 3 4 6 8] [--request-weights 0 2 4 8 12 16] [--l2 1e-5]</summary>
internal static class TrainModerationCommand
{
    public static Command Build()
    {
        var output = new Option<string>("--out") { Description = "Directory to write model.bin and model.json into.", Required = true };
        var data = new ModerationDataOptions();
        var add = new Option<string[]>("--add")
        {
            Description = "More training data: JSONL of {\"text\", \"labels\": [categories], \"categories\"?: [the categories it is judged on, default all]}.",
            AllowMultipleArgumentsPerToken = true,
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the validation split, the BIPIA construction and the training order.", DefaultValueFactory = _ => 42 };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => new ModerationTrainingOptions().Linear.Epochs };
        var windows = new Option<int>("--injection-window-words")
        {
            Description = "Window size (words) the injection head also scores long texts in; 0 scores the whole text only.",
            DefaultValueFactory = _ => ModerationTrainingOptions.DefaultWindowWords,
        };
        var segments = new Option<bool>("--injection-segments")
        {
            Description = "Whether the injection head also scores each line and sentence of a long text with a segment component of its own (docs/decisions/0021).",
            DefaultValueFactory = _ => new ModerationTrainingOptions().InjectionSegments,
        };
        var novelty = new Option<float[]>("--novelty-weights")
        {
            Description = "Candidate weights of a line's novelty in the document (its share of words found nowhere else) in the injection head's segment scores; validation keeps the one that catches the most. 0 alone: segments scored by their margin only.",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ModerationTrainingOptions.DefaultNoveltyWeights.ToArray(),
        };
        var requestWeights = new Option<float[]>("--request-weights")
        {
            Description = "Candidate weights of (how much a line is shaped like a request) x (its novelty) in the injection head's segment scores; validation keeps the best pair with --novelty-weights. 0 alone: no request component.",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ModerationTrainingOptions.DefaultRequestWeights.ToArray(),
        };
        var l2 = new Option<float>("--l2") { Description = "L2 regularisation of the heads.", DefaultValueFactory = _ => new ModerationTrainingOptions().Linear.L2 };
        var command = new Command("moderation",
            "Train the moderation model (hate, offensive, sexual, self-harm, violence, jailbreak, injection) from the bundled data: TweetEval, Davidson, BIPIA, the jailbreak and benign-instruction sets, and the hand-written sets.")
        {
            output, add, seed, epochs, windows, segments, novelty, requestWeights, l2,
        };
        foreach (var option in data.Options)
        {
            command.Options.Add(option);
        }
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var console = CliApp.ConsoleFor(parseResult);
            var options = new ModerationTrainingOptions
            {
                Seed = parseResult.GetValue(seed),
                InjectionWindowWords = parseResult.GetValue(windows),
                InjectionSegments = parseResult.GetValue(segments),
                NoveltyWeights = parseResult.GetValue(novelty) ?? [],
                RequestWeights = parseResult.GetValue(requestWeights) ?? [],
            };
            options = options with { Linear = options.Linear with { Epochs = parseResult.GetValue(epochs), L2 = parseResult.GetValue(l2) } };
            var datasets = data.DatasetsRoot(parseResult);
            var handWritten = data.HandWrittenDirectory(parseResult);
            var bundled = ModerationDataset.Build(datasets, handWritten, options.Seed, options.InjectionWindowWords);
            var added = (parseResult.GetValue(add) ?? []).Select(f => (File: f, Examples: ModerationDataset.ReadLabelled(f, Path.GetFileNameWithoutExtension(f)))).ToArray();
            var training = bundled.Training.Concat(added.SelectMany(a => a.Examples)).ToArray();
            var files = bundled.Files.Concat(added.Select(a => a.File)).ToArray();

            var result = await CliApp.WithProgress(console, "Training moderation model",
                report => ModerationTrainer.Train(bundled with { Training = training }, options, p => report(p.Fraction), cancellationToken));
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Trained on {result.TrainingExamples} examples ({result.Model.Space.Rows} feature rows) in {result.Elapsed.TotalSeconds:0.0} s; validation: {result.ValidationExamples} examples"));
            ModerationTable.Write(console, "Validation (thresholds chosen here, so these numbers are optimistic)", result.Validation, result.Model);

            var extra = new Dictionary<string, object?>
            {
                ["createdUtc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                ["trainingSeconds"] = Math.Round(result.Elapsed.TotalSeconds, 3),
                ["datasets"] = Path.GetFullPath(datasets),
                ["handWritten"] = Path.GetFullPath(handWritten),
                ["dataFiles"] = files.Select(f => new { file = Path.GetFullPath(f), sha256 = FileSha256(f) }).ToArray(),
            };
            var path = ModerationArtifact.Save(result.Model, parseResult.GetRequiredValue(output), extra);
            console.WriteLine($"Saved {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB) and {Path.Combine(parseResult.GetRequiredValue(output), ModerationArtifact.ManifestFileName)}");
            return 0;
        }));
        return command;
    }

    private static string FileSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
