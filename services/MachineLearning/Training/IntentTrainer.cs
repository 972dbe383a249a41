using System.Diagnostics;
using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SpecialistPlatform.MachineLearning.Models;

namespace SpecialistPlatform.MachineLearning.Training;

/// <summary>What a training run produced and measured.</summary>
/// <param name="Metrics">Validation metrics (also stored in the model).</param>
/// <param name="Elapsed">Wall time of the whole run; deliberately not stored in the model so that the artifact is reproducible.</param>
public sealed record IntentTrainingResult(
    IntentModel Model,
    IReadOnlyDictionary<string, double> Metrics,
    int TrainingExamples,
    int ValidationExamples,
    bool ValidationHeldOut,
    TimeSpan Elapsed);

/// <summary>Progress of a training run: a stage name and the completed share of the whole run.</summary>
public readonly record struct TrainingProgress(string Stage, double Fraction);

public static class IntentTrainer
{
    public static IntentTrainingResult Train(
        IReadOnlyList<LabeledExample> training,
        IReadOnlyList<LabeledExample>? validation,
        IntentTrainingOptions options,
        Action<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        options.Validate();
        var stopwatch = Stopwatch.StartNew();
        if (training.Count == 0)
        {
            throw new ArgumentException("The training data is empty.", nameof(training));
        }

        var heldOut = validation is null;
        IReadOnlyList<LabeledExample> train = training;
        if (validation is null)
        {
            (train, validation) = StratifiedSplit(training, options.ValidationFraction, options.Seed);
        }

        var labels = train.Select(e => e.Label).Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToArray();
        if (labels.Length < 2)
        {
            throw new ArgumentException($"Training needs at least two labels; the data has {labels.Length}.", nameof(training));
        }
        var indexOf = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var texts = train.Select(e => e.Text).ToArray();
        var y = train.Select(e => indexOf[e.Label]).ToArray();

        progress?.Invoke(new TrainingProgress("training", 0));
        var linearCount = options.Components.Count;
        var components = new ScoringComponent[linearCount + options.MlpComponents.Count];
        var componentProgress = new double[components.Length];
        var progressLock = new object();
        void Report(int c, double fraction)
        {
            lock (progressLock)
            {
                componentProgress[c] = fraction;
                progress?.Invoke(new TrainingProgress("training", 0.9 * componentProgress.Average()));
            }
        }
        // Members are independent, so training them in parallel cannot change any of them. The slow
        // MLP members go first so that they do not start last on a busy pool.
        var schedule = Enumerable.Range(linearCount, options.MlpComponents.Count).Concat(Enumerable.Range(0, linearCount)).ToArray();
        Parallel.ForEach(schedule, new ParallelOptions { CancellationToken = cancellationToken }, c =>
        {
            components[c] = c < linearCount
                ? SoftmaxTrainer.Train(options.Components[c], texts, y, labels.Length, options.Linear,
                    options.Seed + 7919 * c, fraction => Report(c, fraction), cancellationToken)
                : MlpTrainer.Train(options.MlpComponents[c - linearCount], texts, y, labels.Length, options.Mlp,
                    options.Seed + 7919 * c, fraction => Report(c, fraction), cancellationToken);
        });

        progress?.Invoke(new TrainingProgress("calibrating", 0.9));
        var uncalibrated = new IntentModel(labels, options.OosLabel, components, 1.0, 0.0, new ModelMetadata());
        var known = validation.Where(e => indexOf.ContainsKey(e.Label)).ToArray();
        var valLogits = new float[known.Length][];
        Parallel.For(0, known.Length, new ParallelOptions { CancellationToken = cancellationToken },
            i => valLogits[i] = uncalibrated.Logits(known[i].Text));
        var valY = known.Select(e => indexOf[e.Label]).ToArray();

        var eceBefore = Calibration.ExpectedCalibrationError(valLogits, valY, 1.0);
        var temperature = Calibration.FitTemperature(valLogits, valY);
        var eceAfter = Calibration.ExpectedCalibrationError(valLogits, valY, temperature);

        // Validation examples whose label was never trained count as out of scope for the threshold.
        var all = validation.ToArray();
        var oosIndex = Array.IndexOf(labels, options.OosLabel);
        var topP = new double[all.Length];
        var topIsOos = new bool[all.Length];
        var topCorrect = new bool[all.Length];
        var goldOos = new bool[all.Length];
        var probabilities = new float[labels.Length];
        for (var i = 0; i < all.Length; i++)
        {
            Calibration.Softmax(uncalibrated.Logits(all[i].Text), temperature, probabilities);
            var top = TensorPrimitives.IndexOfMax(probabilities);
            topP[i] = probabilities[top];
            topIsOos[i] = top == oosIndex;
            topCorrect[i] = labels[top] == all[i].Label;
            goldOos[i] = all[i].Label == options.OosLabel;
        }
        var threshold = options.ThresholdMode switch
        {
            ThresholdMode.Off => 0.0,
            ThresholdMode.Fixed => options.FixedThreshold,
            _ => OutOfScopeThreshold.Choose(topP, topIsOos, topCorrect, goldOos, options.MaxAccuracyLoss, options.OosCriterion),
        };

        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["validation_examples"] = all.Length,
            ["training_examples"] = train.Count,
            ["validation_accuracy_argmax"] = all.Length == 0 ? 0 : topCorrect.Count(c => c) / (double)all.Length,
            ["ece_before_calibration"] = eceBefore,
            ["ece_after_calibration"] = eceAfter,
            ["temperature"] = temperature,
            ["oos_threshold"] = threshold,
        };
        var decided = all.Select((e, i) => Decide(topP[i], topIsOos[i], topCorrect[i], threshold)).ToArray();
        metrics["validation_accuracy"] = all.Length == 0 ? 0
            : Enumerable.Range(0, all.Length).Count(i => goldOos[i] ? decided[i].Oos : decided[i].Correct) / (double)all.Length;
        if (goldOos.Any(g => g))
        {
            metrics["validation_in_scope_accuracy"] = Enumerable.Range(0, all.Length).Count(i => !goldOos[i] && decided[i].Correct) / (double)goldOos.Count(g => !g);
            metrics["validation_oos_recall"] = Enumerable.Range(0, all.Length).Count(i => goldOos[i] && decided[i].Oos) / (double)goldOos.Count(g => g);
        }

        var metadata = new ModelMetadata
        {
            Task = options.Task,
            TrainingDataSha256 = DataSha256(train, validation),
            HyperParametersJson = JsonSerializer.Serialize(options),
            Metrics = metrics,
        };
        var model = new IntentModel(labels, options.OosLabel, components, temperature, threshold, metadata);
        progress?.Invoke(new TrainingProgress("done", 1));
        return new IntentTrainingResult(model, metrics, train.Count, all.Length, heldOut, stopwatch.Elapsed);
    }

    private static (bool Correct, bool Oos) Decide(double topP, bool topIsOos, bool topCorrect, double threshold)
    {
        var oos = topIsOos || topP < threshold;
        return (!oos && topCorrect, oos);
    }

    /// <summary>
    /// Holds out <paramref name="fraction"/> of every label (rounded, at least one when the label has two
    /// or more examples), chosen by a seeded shuffle; both parts keep the input order.
    /// </summary>
    public static (IReadOnlyList<LabeledExample> Train, IReadOnlyList<LabeledExample> Validation) StratifiedSplit(
        IReadOnlyList<LabeledExample> examples, double fraction, int seed)
    {
        var rng = new Random(seed);
        var held = new bool[examples.Count];
        var byLabel = Enumerable.Range(0, examples.Count)
            .GroupBy(i => examples[i].Label, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byLabel)
        {
            var indices = group.ToArray();
            if (indices.Length < 2)
            {
                continue;
            }
            rng.Shuffle(indices);
            var take = Math.Clamp((int)Math.Round(indices.Length * fraction), 1, indices.Length - 1);
            for (var k = 0; k < take; k++)
            {
                held[indices[k]] = true;
            }
        }
        var train = new List<LabeledExample>();
        var validation = new List<LabeledExample>();
        for (var i = 0; i < examples.Count; i++)
        {
            (held[i] ? validation : train).Add(examples[i]);
        }
        if (validation.Count == 0)
        {
            throw new ArgumentException("Too little data to hold out a validation part: give every label at least two examples or pass a validation set.");
        }
        return (train, validation);
    }

    /// <summary>SHA-256 over the training then the validation examples, each as UTF-8 "text\tlabel\n".</summary>
    public static string DataSha256(IEnumerable<LabeledExample> training, IEnumerable<LabeledExample> validation)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var e in training)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(e.Text + "\t" + e.Label + "\n"));
        }
        hash.AppendData("\u001Evalidation\n"u8);
        foreach (var e in validation)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(e.Text + "\t" + e.Label + "\n"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
