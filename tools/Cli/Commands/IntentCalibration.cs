using System.Text.Json;
using Spectre.Console;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Cascade;
using SpecialistPlatform.MachineLearning.Data;
using SpecialistPlatform.MachineLearning.Models;
using SpecialistPlatform.MachineLearning.Training;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>
/// What `specialist calibrate` needs from a task: the model, the labelled examples (text, and the gold answer as one
/// comparable string), one cascade example per text (confidence, whether the specialist and the frontier were right),
/// and the specialist's own numbers for the stored run.
/// </summary>
internal sealed record CalibrationInput(
    ModelFile Model,
    IReadOnlyList<LabeledExample> Examples,
    string Source,
    FrontierAnswers? Frontier,
    CascadeExample[] Cascade,
    IReadOnlyDictionary<string, object?> SpecialistMetrics,
    IReadOnlyList<ReliabilityBin> Reliability,
    IReadOnlyList<ConfusedPair> Confusions,
    double? LatencyP50Ms,
    double? LatencyP95Ms,
    double? LatencyP99Ms)
{
    /// <summary>Whether the frontier was right on example i: measured from its predictions, else the assumed accuracy.</summary>
    public static double FrontierCorrect(FrontierAnswers? frontier, double? assumed, int i, string gold) =>
        frontier is null ? assumed!.Value : FrontierAnswers.Agrees(frontier.Labels[i], gold) ? 1 : 0;
}

/// <summary>The router: an example's confidence is its top label's calibrated probability; out-of-scope decisions escalate.</summary>
internal static class IntentCalibration
{
    public static async Task<CalibrationInput> PrepareAsync(string modelPath, string dataPath, string textColumn, string labelColumn, bool holdout,
        string? predictionsFile, double? assumed, IAnsiConsole console, CancellationToken cancellationToken)
    {
        var (modelFile, intentModel, examples, source) = ReadExamples(modelPath, dataPath, textColumn, labelColumn, holdout);

        var frontier = predictionsFile is null ? null : FrontierPredictions.Join(predictionsFile, examples);
        var predictions = await Task.Run(() => intentModel.PredictBatch(examples.Select(e => e.Text).ToArray(), cancellationToken), cancellationToken);
        var evaluation = await CliApp.WithProgress(console, "Measuring", progress => IntentEvaluator.Evaluate(intentModel, examples, progress, cancellationToken));
        var cascade = examples.Select((e, i) => new CascadeExample(
            e.Label, predictions[i].TopProbability, predictions[i].OutOfScope, predictions[i].Label == e.Label,
            CalibrationInput.FrontierCorrect(frontier, assumed, i, e.Label))).ToArray();
        var metrics = new Dictionary<string, object?>
        {
            ["specialist_accuracy"] = evaluation.Accuracy,
            ["specialist_accuracy_argmax"] = evaluation.ArgmaxAccuracy,
            ["macro_f1"] = evaluation.MacroF1,
            ["ece"] = evaluation.ExpectedCalibrationError,
            ["oos_rejected"] = evaluation.OosRejected,
        };
        return new CalibrationInput(modelFile, examples, source, frontier, cascade, metrics, RunRecords.Reliability(examples, predictions),
            evaluation.TopConfusions, evaluation.LatencyP50Ms, evaluation.LatencyP95Ms, evaluation.LatencyP99Ms);
    }

    /// <summary>Rebuilds the validation part training held out, and proves it is the same by the model's training-data hash.</summary>
    /// <summary>The model and the examples calibration (and `frontier predict`) run on: the data file, or with
    /// <paramref name="holdout"/> the part of it training held out.</summary>
    internal static (ModelFile File, IntentModel Model, IReadOnlyList<LabeledExample> Examples, string Source) ReadExamples(
        string modelPath, string dataPath, string textColumn, string labelColumn, bool holdout)
    {
        var modelFile = ModelFile.Read(modelPath);
        var intentModel = ModelArtifact.Deserialize(modelFile.Bytes);
        var all = LabeledDataReader.Read(dataPath, textColumn, labelColumn);
        var (examples, source) = holdout ? HeldOut(intentModel, all, dataPath) : (all, dataPath);
        return (modelFile, intentModel, examples, source);
    }

    private static (IReadOnlyList<LabeledExample> Examples, string Source) HeldOut(IntentModel model, IReadOnlyList<LabeledExample> all, string dataPath)
    {
        using var hyper = JsonDocument.Parse(model.Metadata.HyperParametersJson);
        var seed = hyper.RootElement.TryGetProperty("Seed", out var s) && s.TryGetInt32(out var seedValue) ? seedValue : 42;
        var fraction = hyper.RootElement.TryGetProperty("ValidationFraction", out var f) && f.TryGetDouble(out var fractionValue) ? fractionValue : 0.1;
        var (train, validation) = IntentTrainer.StratifiedSplit(all, fraction, seed);
        if (IntentTrainer.DataSha256(train, validation) != model.Metadata.TrainingDataSha256)
        {
            throw new UsageException($"--holdout: {dataPath}, split with seed {seed} and {Percent(fraction)} per label, is not the data this model was trained on "
                                     + "(its training-data SHA-256 differs); pass data the model never saw instead.");
        }

        return (validation, $"{dataPath} (the {Percent(fraction)}-per-label holdout of training, seed {seed}; training-data SHA-256 verified)");
    }
}
