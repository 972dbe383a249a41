using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Spectre.Console;
using SpecialistPlatform.MachineLearning.Sequence;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist train extract --data FILE... --format F --out DIR [--val FILE...] [--seed N] ...</summary>
internal static class TrainExtractCommand
{
    public static Command Build()
    {
        var data = ExtractOptions.DataFiles("Training data files (all in --format).");
        var format = ExtractOptions.Format();
        var output = new Option<string>("--out") { Description = "Directory to write tagger.bin and tagger.json into.", Required = true };
        var val = new Option<string[]>("--val") { Description = "Validation data files; without them a seeded share (--holdout) is held out.", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "Random seed for the hold-out split and the training order.", DefaultValueFactory = _ => 42 };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => new SpanTaggerOptions().Epochs };
        var learningRate = new Option<double>("--learning-rate") { Description = "Initial SGD step size (it then decays as 1 / (lambda (t0 + t))).", DefaultValueFactory = _ => new SpanTaggerOptions().LearningRate };
        var l2 = new Option<double>("--l2") { Description = "L2 coefficient C over the whole training set (NLL + C/2 |w|^2).", DefaultValueFactory = _ => new SpanTaggerOptions().L2 };
        var dropout = new Option<string>("--feature-dropout") { Description = "Share of features left out of each training step (seeded): 'auto' (from the share of unseen features) or a number in [0, 1).", DefaultValueFactory = _ => "auto" };
        var dropoutFactor = new Option<double>("--auto-dropout-factor") { Description = "With --feature-dropout auto: the multiplier of the Good-Turing unseen-feature share.", DefaultValueFactory = _ => new SpanTaggerOptions().AutoDropoutFactor };
        var members = new Option<int>("--members") { Description = "Models trained with seeds N, N+1, ... and averaged (trained in parallel).", DefaultValueFactory = _ => new SpanTaggerOptions().Members };
        var minUpdates = new Option<int>("--min-updates") { Description = "Small data sets get more epochs, so that training makes at least this many updates (examples x epochs); 0 keeps --epochs.", DefaultValueFactory = _ => new SpanTaggerOptions().MinUpdates };
        var trimEdges = new Option<bool>("--trim-span-edges") { Description = "Trim predicted spans of punctuation that fewer than two training spans of the slot start or end with.", DefaultValueFactory = _ => new SpanTaggerOptions().TrimSpanEdges };
        var minCount = new Option<int>("--min-feature-count") { Description = "Features seen in fewer training tokens than this get no weight.", DefaultValueFactory = _ => new SpanTaggerOptions().MinFeatureCount };
        var featureVersion = new Option<int>("--feature-version") { Description = $"Feature set to train with (1 to {TaggerFeatures.Version}; earlier versions reproduce earlier models).", DefaultValueFactory = _ => TaggerFeatures.Version };
        var holdOut = new Option<double>("--holdout") { Description = "Share held out for validation when --val is not given; 0 trains on everything.", DefaultValueFactory = _ => 0.1 };
        var holdOutFrom = new Option<string?>("--holdout-from") { Description = "Draw the held-out share from this file (same format) instead of --data, and drop its texts from the training data: a fixed validation split for nested subsets such as Restaurant-8k's train_k." };

        var command = new Command("extract", "Train a slot span tagger (linear-chain CRF over BIO tags).")
        {
            data, format, output, val, seed, epochs, learningRate, l2, dropout, dropoutFactor, members, minUpdates, trimEdges, minCount, featureVersion, holdOut, holdOutFrom,
        };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var console = CliApp.ConsoleFor(parseResult);
            var spanFormat = SpanDataReader.ParseFormat(parseResult.GetRequiredValue(format));
            var dataPaths = parseResult.GetRequiredValue(data);
            var valPaths = parseResult.GetValue(val) ?? [];
            var fromPath = parseResult.GetValue(holdOutFrom);
            var fraction = parseResult.GetValue(holdOut);
            var outDir = parseResult.GetRequiredValue(output);
            var options = new SpanTaggerOptions { Seed = parseResult.GetValue(seed), Epochs = parseResult.GetValue(epochs), LearningRate = parseResult.GetValue(learningRate), L2 = parseResult.GetValue(l2), FeatureDropout = ParseDropout(parseResult.GetRequiredValue(dropout)), AutoDropoutFactor = parseResult.GetValue(dropoutFactor), Members = parseResult.GetValue(members), MinUpdates = parseResult.GetValue(minUpdates), TrimSpanEdges = parseResult.GetValue(trimEdges), MinFeatureCount = parseResult.GetValue(minCount), FeatureVersion = parseResult.GetValue(featureVersion) };
            if (!TaggerFeatures.IsSupported(options.FeatureVersion))
            {
                throw new UsageException($"--feature-version must be between 1 and {TaggerFeatures.Version}.");
            }
            if (fraction is < 0 or >= 1)
            {
                throw new UsageException("--holdout must be at least 0 and below 1.");
            }
            if (valPaths.Length > 0 && fromPath is not null)
            {
                throw new UsageException("Give either --val or --holdout-from, not both.");
            }

            var training = ExtractOptions.ReadAll(dataPaths, spanFormat);
            List<SpanExample>? validation = null;
            var removed = 0;
            if (valPaths.Length > 0)
            {
                validation = ExtractOptions.ReadAll(valPaths, spanFormat);
            }
            else if (fraction > 0)
            {
                var source = fromPath is null ? training : ExtractOptions.ReadAll([fromPath], spanFormat);
                validation = HoldOut(source, fraction, options.Seed);
                var texts = validation.Select(e => e.Text).ToHashSet(StringComparer.Ordinal);
                var before = training.Count;
                training = training.Where(e => !texts.Contains(e.Text)).ToList();
                removed = before - training.Count;
                if (training.Count == 0)
                {
                    throw new UsageException("No training examples are left after holding out the validation texts.");
                }
            }

            var result = await CliApp.WithProgress(console, "Training span tagger",
                report => SpanTaggerTrainer.Train(training, validation, options, report, cancellationToken));

            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Trained on {result.TrainingExamples} examples, {result.Model.Labels.Count} slots ({string.Join(", ", result.Model.Labels)}), {result.Model.FeatureRows} feature rows, in {result.Elapsed.TotalSeconds:0.00} s"));
            var hyper = System.Text.Json.Nodes.JsonNode.Parse(result.Model.Metadata.HyperParametersJson)!;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  feature dropout {(double)hyper["featureDropout"]!:0.000} (unseen-feature share {(double)hyper["unseenFeatureShare"]!:0.000}), {(int)hyper["epochs"]!} epochs, {options.Members} averaged members from seed {options.Seed}"));
            if (result.SpansDropped > 0)
            {
                console.WriteLine($"  {result.SpansDropped} training spans overlap another span and were not used");
            }
            if (validation is not null && result.Validation is { } evaluation)
            {
                console.WriteLine(valPaths.Length > 0
                    ? $"Validation: {validation.Count} examples from {string.Join(", ", valPaths)}"
                    : $"Validation: {validation.Count} examples held out from {fromPath ?? "--data"} ({Percent(fraction)}, seed {options.Seed}); {removed} training examples with those texts left out");
                EvalExtractCommand.WriteTable(console, evaluation);
            }

            var extra = new Dictionary<string, object?>
            {
                ["createdUtc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                ["trainingSeconds"] = Math.Round(result.Elapsed.TotalSeconds, 3),
                ["trainingExamples"] = result.TrainingExamples,
                ["validationExamples"] = result.ValidationExamples,
                ["format"] = spanFormat.ToString(),
                ["dataFiles"] = dataPaths.Select(p => new { path = Path.GetFullPath(p), sha256 = FileSha256(p) }).ToArray(),
                ["validationFiles"] = valPaths.Select(p => new { path = Path.GetFullPath(p), sha256 = FileSha256(p) }).ToArray(),
                ["holdout"] = valPaths.Length > 0 ? null : fraction,
                ["holdoutFrom"] = fromPath is null ? null : Path.GetFullPath(fromPath),
            };
            var path = SpanTaggerArtifact.Save(result.Model, outDir, extra);
            if (validation is not null && valPaths.Length == 0)
            {
                SpanDataReader.WriteJsonl(Path.Combine(outDir, "validation.jsonl"), validation);
            }
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Saved {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB) and {Path.Combine(outDir, SpanTaggerArtifact.ManifestFileName)}"));
            return 0;
        }));
        return command;
    }

    /// <summary>A seeded share of the examples (at least one, and at least one left when the source is the training data).</summary>
    internal static List<SpanExample> HoldOut(IReadOnlyList<SpanExample> source, double fraction, int seed)
    {
        var indices = Enumerable.Range(0, source.Count).ToArray();
        new Random(seed).Shuffle(indices);
        var count = Math.Clamp((int)Math.Round(source.Count * fraction), 1, Math.Max(1, source.Count - 1));
        return indices.Take(count).Order().Select(i => source[i]).ToList();
    }

    private static double? ParseDropout(string value)
    {
        if (value.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and < 1)
        {
            return p;
        }
        throw new UsageException($"--feature-dropout must be 'auto' or a number in [0, 1), not '{value}'.");
    }

    private static string FileSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
