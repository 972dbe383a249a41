using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Spectre.Console;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Data;
using SpecialistPlatform.MachineLearning.Training;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist train intent --data FILE [--val FILE] --out DIR ...</summary>
internal static class TrainIntentCommand
{
    public static Command Build()
    {
        var data = new Option<string>("--data") { Description = "Training data: CSV with a header row, or JSONL.", Required = true };
        var val = new Option<string?>("--val") { Description = "Validation data for calibration and the out-of-scope threshold; without it a stratified share of --data is held out." };
        var output = new Option<string>("--out") { Description = "Directory to write model.bin and model.json into.", Required = true };
        var textColumn = TextColumn();
        var labelColumn = LabelColumn();
        var oosLabel = new Option<string>("--oos-label") { Description = "Label of out-of-scope examples, and the label given to out-of-scope texts.", DefaultValueFactory = _ => "oos" };
        var seed = new Option<int>("--seed") { Description = "Random seed; the same data and seed give a byte-identical model.", DefaultValueFactory = _ => 42 };
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data.", DefaultValueFactory = _ => new IntentTrainingOptions().Linear.Epochs };
        var holdOut = new Option<double>("--holdout") { Description = "Share of each label held out when --val is not given.", DefaultValueFactory = _ => 0.1 };
        var threshold = new Option<string>("--oos-threshold") { Description = "'auto' (chosen on validation), 'off', or a probability in [0,1].", DefaultValueFactory = _ => "auto" };
        var criterion = new Option<OosCriterion>("--oos-criterion") { Description = "What the automatic threshold maximises when validation has out-of-scope examples: Balanced (in-scope accuracy + oos recall) or Accuracy.", DefaultValueFactory = _ => OosCriterion.Balanced };
        var preset = new Option<string>("--preset") { Description = $"Feature/model preset: {string.Join(", ", IntentPresets.Names)}.", DefaultValueFactory = _ => IntentPresets.Default };
        var encoderGate = new Option<float?>("--encoder-gate") { Description = "Encoder stage (presets that have one): it runs for texts whose ensemble top probability is below this (default 0.95; lower is faster and less accurate)." };

        var command = new Command("intent", "Train an intent classifier (with out-of-scope detection) on labelled texts.")
        {
            data, val, output, textColumn, labelColumn, oosLabel, seed, epochs, holdOut, threshold, criterion, preset, encoderGate,
        };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, async () =>
        {
            var console = CliApp.ConsoleFor(parseResult);
            var dataPath = parseResult.GetRequiredValue(data);
            var valPath = parseResult.GetValue(val);
            var outDir = parseResult.GetRequiredValue(output);
            var text = parseResult.GetRequiredValue(textColumn);
            var label = parseResult.GetRequiredValue(labelColumn);

            var options = IntentPresets.Create(parseResult.GetRequiredValue(preset)) with
            {
                Seed = parseResult.GetValue(seed),
                OosLabel = parseResult.GetRequiredValue(oosLabel),
                ValidationFraction = parseResult.GetValue(holdOut),
                OosCriterion = parseResult.GetValue(criterion),
            };
            options = options with { Linear = options.Linear with { Epochs = parseResult.GetValue(epochs) } };
            options = ApplyThreshold(options, parseResult.GetRequiredValue(threshold));
            if (parseResult.GetValue(encoderGate) is { } gate)
            {
                options = options with
                {
                    EncoderStage = (options.EncoderStage ?? throw new ArgumentException($"--encoder-gate: the preset '{parseResult.GetRequiredValue(preset)}' has no encoder stage."))
                        with { Gate = gate },
                };
            }

            var training = LabeledDataReader.Read(dataPath, text, label);
            var validation = valPath is null ? null : LabeledDataReader.Read(valPath, text, label);

            var result = await CliApp.WithProgress(console, "Training intent model",
                report => IntentTrainer.Train(training, validation, options, p => report(p.Fraction), cancellationToken));

            var m = result.Metrics;
            var labels = result.Model.Labels.Count;
            console.WriteLine($"Trained on {result.TrainingExamples} examples, {labels} labels, in {result.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} s");
            console.WriteLine(result.ValidationHeldOut
                ? $"Validation: {result.ValidationExamples} examples held out from --data ({Percent(options.ValidationFraction)} per label, seed {options.Seed})"
                : $"Validation: {result.ValidationExamples} examples from {valPath}");
            console.WriteLine($"  accuracy (top label)        {Percent(m["validation_accuracy_argmax"])}");
            console.WriteLine($"  accuracy (with oos rule)    {Percent(m["validation_accuracy"])}");
            if (m.TryGetValue("validation_in_scope_accuracy", out var inScope))
            {
                console.WriteLine($"  in-scope accuracy           {Percent(inScope)}");
                console.WriteLine($"  out-of-scope recall         {Percent(m["validation_oos_recall"])}");
            }
            console.WriteLine($"  ECE (15 bins)               {Number(m["ece_before_calibration"])} before calibration, {Number(m["ece_after_calibration"])} after (temperature {Number(m["temperature"], "0.000")})");
            console.WriteLine($"  out-of-scope threshold      {Number(m["oos_threshold"])}");
            if (m.TryGetValue("encoder_stage_share", out var stageShare))
            {
                console.WriteLine($"  encoder stage               ran for {Percent(stageShare)} of validation texts; n-gram ensemble alone {Percent(m["validation_accuracy_ensemble_only"])} (top label)");
            }

            var extra = new Dictionary<string, object?>
            {
                ["createdUtc"] = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                ["trainingSeconds"] = Math.Round(result.Elapsed.TotalSeconds, 3),
                ["dataFile"] = Path.GetFullPath(dataPath),
                ["dataFileSha256"] = FileSha256(dataPath),
                ["validationFile"] = valPath is null ? null : Path.GetFullPath(valPath),
                ["validationFileSha256"] = valPath is null ? null : FileSha256(valPath),
                ["preset"] = parseResult.GetRequiredValue(preset),
            };
            var path = ModelArtifact.Save(result.Model, outDir, extra);
            console.WriteLine($"Saved {path} ({new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB) and {Path.Combine(outDir, ModelArtifact.ManifestFileName)}");
            return 0;
        }));
        return command;
    }

    private static IntentTrainingOptions ApplyThreshold(IntentTrainingOptions options, string value)
    {
        if (value.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            return options with { ThresholdMode = ThresholdMode.Auto };
        }
        if (value.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return options with { ThresholdMode = ThresholdMode.Off };
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var fixedValue) && fixedValue is >= 0 and <= 1)
        {
            return options with { ThresholdMode = ThresholdMode.Fixed, FixedThreshold = fixedValue };
        }
        throw new UsageException($"--oos-threshold must be 'auto', 'off' or a number between 0 and 1, not '{value}'.");
    }

    private static string FileSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
