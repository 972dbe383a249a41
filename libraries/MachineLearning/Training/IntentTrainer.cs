using System.Diagnostics;
using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SpecialistPlatform.MachineLearning.Encoders;
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

        // The encoder stage learns from the pretrained encoder's vectors of the training texts, computed first.
        var stageOptions = options.EncoderStage;
        var encoder = stageOptions is null ? null : SentenceEncoders.Get(stageOptions.Encoder);
        float[][]? trainVectors = null;
        if (encoder is not null)
        {
            progress?.Invoke(new TrainingProgress("encoding", 0));
            trainVectors = encoder.Encode(texts, cancellationToken);
        }

        progress?.Invoke(new TrainingProgress("training", 0));
        var linearCount = options.Components.Count;
        var memberCount = linearCount + options.MlpComponents.Count;
        var components = new ScoringComponent[memberCount];
        EncoderStage? stage = null;
        var componentProgress = new double[memberCount + (encoder is null ? 0 : 1)];
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
        // ones (encoder stage, MLPs) go first so that they do not start last on a busy pool.
        var schedule = Enumerable.Range(memberCount, componentProgress.Length - memberCount)
            .Concat(Enumerable.Range(linearCount, options.MlpComponents.Count))
            .Concat(Enumerable.Range(0, linearCount)).ToArray();
        Parallel.ForEach(schedule, new ParallelOptions { CancellationToken = cancellationToken }, c =>
        {
            if (c == memberCount)
            {
                stage = EncoderStageTrainer.Train(encoder!, trainVectors!, y, labels.Length, stageOptions!,
                    options.Seed + 7919 * c, fraction => Report(c, fraction), cancellationToken);
                return;
            }
            components[c] = c < linearCount
                ? SoftmaxTrainer.Train(options.Components[c], texts, y, labels.Length, options.Linear,
                    options.Seed + 7919 * c, fraction => Report(c, fraction), cancellationToken)
                : MlpTrainer.Train(options.MlpComponents[c - linearCount], texts, y, labels.Length, options.Mlp,
                    options.Seed + 7919 * c, fraction => Report(c, fraction), cancellationToken);
        });

        progress?.Invoke(new TrainingProgress("calibrating", 0.9));
        var uncalibrated = new IntentModel(labels, options.OosLabel, components, 1.0, 0.0, new ModelMetadata());
        // Validation examples whose label was never trained count as out of scope for the threshold.
        var all = validation.ToArray();
        var ensembleLogits = new float[all.Length][];
        Parallel.For(0, all.Length, new ParallelOptions { CancellationToken = cancellationToken },
            i => ensembleLogits[i] = uncalibrated.Logits(all[i].Text));
        var known = Enumerable.Range(0, all.Length).Where(i => indexOf.ContainsKey(all[i].Label)).ToArray();
        var valLogits = known.Select(i => ensembleLogits[i]).ToArray();
        var valY = known.Select(i => indexOf[all[i].Label]).ToArray();

        var eceBefore = Calibration.ExpectedCalibrationError(valLogits, valY, 1.0);
        var temperature = Calibration.FitTemperature(valLogits, valY);
        var eceAfter = Calibration.ExpectedCalibrationError(valLogits, valY, temperature);

        // Which validation texts the stage runs for (its gate reads the ensemble's calibrated probabilities).
        var stageRuns = new bool[all.Length];
        float[]?[] valVectors = new float[all.Length][];
        if (stage is not null)
        {
            var probabilities = new float[labels.Length];
            for (var i = 0; i < all.Length; i++)
            {
                Calibration.Softmax(ensembleLogits[i], temperature, probabilities);
                stageRuns[i] = stage.Runs(probabilities);
            }
            // The stage's temperature is fitted on the texts it runs for, or on every text with a trained label when
            // fewer than 30 of those have one; only the texts either step reads are encoded.
            var fitted = known.Where(i => stageRuns[i]).ToArray();
            fitted = fitted.Length >= 30 ? fitted : known;
            var encoded = Enumerable.Range(0, all.Length).Where(i => stageRuns[i]).Union(fitted).Order().ToArray();
            var vectors = encoder!.Encode(encoded.Select(i => all[i].Text).ToArray(), cancellationToken);
            for (var k = 0; k < encoded.Length; k++)
            {
                valVectors[encoded[k]] = vectors[k];
            }
            stage = CalibrateStage(stage, temperature, ensembleLogits, valVectors, fitted, fitted.Select(i => indexOf[all[i].Label]).ToArray());
        }
        var calibrated = new IntentModel(labels, options.OosLabel, components, temperature, 0.0, new ModelMetadata(), stage);

        var oosIndex = Array.IndexOf(labels, options.OosLabel);
        var topP = new double[all.Length];
        var topIsOos = new bool[all.Length];
        var topCorrect = new bool[all.Length];
        var goldOos = new bool[all.Length];
        for (var i = 0; i < all.Length; i++)
        {
            var vector = valVectors[i];
            var probabilities = calibrated.Probabilities(ensembleLogits[i], () => vector!);
            var top = TensorPrimitives.IndexOfMax(probabilities);
            topP[i] = probabilities[top];
            topIsOos[i] = top == oosIndex;
            topCorrect[i] = labels[top] == all[i].Label;
            goldOos[i] = all[i].Label == options.OosLabel;
        }
        if (stage is not null)
        {
            // The whole model's calibration: the ensemble's for the texts it decides, the mixture's for the rest.
            eceAfter = Calibration.ExpectedCalibrationError(known.Select(i => topP[i]).ToArray(), known.Select(i => topCorrect[i]).ToArray());
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
        if (stage is not null)
        {
            metrics["encoder_stage_share"] = all.Length == 0 ? 0 : stageRuns.Count(r => r) / (double)all.Length;
            metrics["encoder_stage_temperature"] = stage.Temperature;
            metrics["validation_accuracy_ensemble_only"] = known.Length == 0 ? 0
                : known.Count(i => labels[TensorPrimitives.IndexOfMax(ensembleLogits[i])] == all[i].Label) / (double)all.Length;
        }
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
        var model = new IntentModel(labels, options.OosLabel, components, temperature, threshold, metadata, stage);
        progress?.Invoke(new TrainingProgress("done", 1));
        return new IntentTrainingResult(model, metrics, train.Count, all.Length, heldOut, stopwatch.Elapsed);
    }

    /// <summary>Fits the temperature of the stage's mixture on the given validation texts (see the caller for which).</summary>
    private static EncoderStage CalibrateStage(EncoderStage stage, double ensembleTemperature, float[][] ensembleLogits,
        float[]?[] vectors, int[] fitted, int[] fittedLabels)
    {
        var mixed = fitted.Select(i =>
        {
            var logits = stage.Logits(vectors[i]!);
            stage.Mix(ensembleLogits[i], ensembleTemperature, logits);
            return logits;
        }).ToArray();
        return stage.WithTemperature(Calibration.FitTemperature(mixed, fittedLabels));
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
