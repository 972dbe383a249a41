using System.Numerics.Tensors;
using SpecialistPlatform.MachineLearning.Features;

namespace SpecialistPlatform.MachineLearning.Models;

/// <summary>One decision of an intent model.</summary>
/// <param name="Label">The decided label: an intent, or the out-of-scope label.</param>
/// <param name="Confidence">Calibrated probability of the decided label (for a threshold rejection, 1 - top in-scope probability).</param>
/// <param name="TopLabel">The most probable label before any out-of-scope threshold.</param>
/// <param name="TopProbability">Calibrated probability of <paramref name="TopLabel"/>.</param>
/// <param name="OutOfScope">Whether the text was judged out of scope.</param>
public readonly record struct IntentPrediction(string Label, float Confidence, string TopLabel, float TopProbability, bool OutOfScope);

/// <summary>Descriptive data carried by a model artifact; none of it affects predictions.</summary>
public sealed record ModelMetadata
{
    public string Task { get; init; } = "intent";

    /// <summary>SHA-256 (hex) of the canonical training data: each example as text, tab, label, newline in UTF-8.</summary>
    public string TrainingDataSha256 { get; init; } = "";

    /// <summary>The training settings, as JSON.</summary>
    public string HyperParametersJson { get; init; } = "{}";

    /// <summary>Validation metrics measured at training time.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
}

/// <summary>
/// A calibrated intent classifier: an ensemble of components (linear, MLP) whose logits are averaged, divided by
/// a temperature, passed through softmax, then an out-of-scope rule is applied. With an <see cref="EncoderStage"/>,
/// texts the ensemble is unsure of are decided by the mixture of the ensemble and the encoder stage instead.
/// </summary>
public sealed class IntentModel
{
    public IntentModel(
        IReadOnlyList<string> labels,
        string oosLabel,
        IReadOnlyList<ScoringComponent> components,
        double temperature,
        double threshold,
        ModelMetadata metadata,
        EncoderStage? encoderStage = null)
    {
        if (labels.Count < 1 || labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
        {
            throw new ArgumentException("Labels must be non-empty and distinct.", nameof(labels));
        }
        if (components.Count == 0 || components.Any(c => c.Classes != labels.Count))
        {
            throw new ArgumentException("Every component must score exactly the model's labels.", nameof(components));
        }
        if (!(temperature > 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature));
        }
        if (!(threshold >= 0 && threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold));
        }
        if (encoderStage is not null && encoderStage.Classes != labels.Count)
        {
            throw new ArgumentException("The encoder stage must score exactly the model's labels.", nameof(encoderStage));
        }
        EncoderStage = encoderStage;
        Labels = labels.ToArray();
        OosLabel = oosLabel;
        OosIndex = Array.IndexOf(Labels.ToArray(), oosLabel);
        Components = components.ToArray();
        Temperature = temperature;
        Threshold = threshold;
        Metadata = metadata;
        _spaceGroups = GroupBySpace(Components);
    }

    [ThreadStatic] private static int[]? t_rows;
    [ThreadStatic] private static float[]? t_values;

    private readonly int[][] _spaceGroups;

    private static int[][] GroupBySpace(IReadOnlyList<ScoringComponent> components)
    {
        var groups = new List<List<int>>();
        for (var i = 0; i < components.Count; i++)
        {
            var group = groups.FirstOrDefault(g => SameSpace(components[g[0]].Space, components[i].Space));
            if (group is null)
            {
                groups.Add([i]);
            }
            else
            {
                group.Add(i);
            }
        }
        return groups.Select(g => g.ToArray()).ToArray();
    }

    private static bool SameSpace(FeatureSpace a, FeatureSpace b) =>
        ReferenceEquals(a, b)
        || (a.Options == b.Options && a.UnseenIdf == b.UnseenIdf && a.Buckets.AsSpan().SequenceEqual(b.Buckets)
            && (a.Idf is null ? b.Idf is null : b.Idf is not null && a.Idf.AsSpan().SequenceEqual(b.Idf)));

    public IReadOnlyList<string> Labels { get; }

    /// <summary>The label given to out-of-scope texts, whether or not it is also a trained class.</summary>
    public string OosLabel { get; }

    /// <summary>Index of <see cref="OosLabel"/> among the trained classes, or -1.</summary>
    public int OosIndex { get; }

    public IReadOnlyList<ScoringComponent> Components { get; }

    public double Temperature { get; }

    /// <summary>A text whose top in-scope probability is below this is out of scope (0 disables the rule).</summary>
    public double Threshold { get; }

    public ModelMetadata Metadata { get; }

    /// <summary>The second stage for texts the ensemble is unsure of, or null (the ensemble decides every text).</summary>
    public EncoderStage? EncoderStage { get; }

    /// <summary>Uncalibrated ensemble logits (the encoder stage is not consulted).</summary>
    public float[] Logits(string text)
    {
        var logits = new float[Labels.Count];
        // Members over the same feature space (e.g. MLPs differing only in seed) share one vectorisation.
        var rows = t_rows ??= new int[256];
        var values = t_values ??= new float[256];
        for (var group = 0; group < _spaceGroups.Length; group++)
        {
            var members = _spaceGroups[group];
            var count = Components[members[0]].Space.Vectorize(text, ref rows, ref values);
            foreach (var member in members)
            {
                Components[member].AddLogits(rows.AsSpan(0, count), values.AsSpan(0, count), logits);
            }
        }
        t_rows = rows;
        t_values = values;
        if (Components.Count > 1)
        {
            TensorPrimitives.Divide(logits, Components.Count, logits);
        }
        return logits;
    }

    /// <summary>Calibrated probabilities: the ensemble's, or for a text it is unsure of, the encoder stage's mixture.</summary>
    public float[] Probabilities(string text) => Probabilities(Logits(text), () => EncoderStage!.Encoder.Encode([text])[0]);

    /// <summary>
    /// Calibrated probabilities from the ensemble's logits; <paramref name="embedding"/> is asked for (once) only
    /// when the encoder stage runs for the text.
    /// </summary>
    public float[] Probabilities(float[] ensembleLogits, Func<float[]> embedding)
    {
        var probabilities = EnsembleProbabilities(ensembleLogits);
        if (EncoderStage is { } stage && stage.Runs(probabilities))
        {
            MixInStage(stage, ensembleLogits, embedding(), probabilities);
        }
        return probabilities;
    }

    /// <summary>Whether the encoder stage decides this text (false without a stage).</summary>
    public bool EncoderStageRunsFor(string text) => EncoderStage is { } stage && stage.Runs(EnsembleProbabilities(Logits(text)));

    /// <summary>The ensemble's calibrated probabilities, before any encoder stage.</summary>
    public float[] EnsembleProbabilities(float[] ensembleLogits)
    {
        var probabilities = new float[ensembleLogits.Length];
        Calibration.Softmax(ensembleLogits, Temperature, probabilities);
        return probabilities;
    }

    private void MixInStage(EncoderStage stage, float[] ensembleLogits, float[] embedding, float[] probabilities)
    {
        var mixed = stage.Logits(embedding);
        stage.Mix(ensembleLogits, Temperature, mixed);
        Calibration.Softmax(mixed, stage.Temperature, probabilities);
    }

    public IntentPrediction Predict(string text) => Decide(Probabilities(text));

    /// <summary>
    /// Scores texts in parallel; results are in input order and the same as calling <see cref="Predict"/> on each.
    /// The texts that need the encoder stage are encoded together, which is several times faster than one by one.
    /// </summary>
    public IntentPrediction[] PredictBatch(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        ProbabilitiesBatch(texts, cancellationToken).Select(p => Decide(p)).ToArray();

    /// <summary>Calibrated probabilities of many texts, in input order (see <see cref="PredictBatch"/>).</summary>
    public float[][] ProbabilitiesBatch(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var logits = new float[texts.Count][];
        var results = new float[texts.Count][];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };
        Parallel.For(0, texts.Count, parallel, i =>
        {
            logits[i] = Logits(texts[i]);
            results[i] = EnsembleProbabilities(logits[i]);
        });
        if (EncoderStage is { } stage)
        {
            // Every text the stage runs for still holds the ensemble's probabilities here.
            var unsure = Enumerable.Range(0, texts.Count).Where(i => stage.Runs(results[i])).ToArray();
            var embeddings = stage.Encoder.Encode(unsure.Select(i => texts[i]).ToArray(), cancellationToken);
            Parallel.For(0, unsure.Length, parallel, k => MixInStage(stage, logits[unsure[k]], embeddings[k], results[unsure[k]]));
        }
        return results;
    }

    public IntentPrediction Decide(ReadOnlySpan<float> probabilities)
    {
        var top = TensorPrimitives.IndexOfMax(probabilities);
        var topLabel = Labels[top];
        var topP = probabilities[top];
        if (top == OosIndex)
        {
            return new IntentPrediction(OosLabel, topP, topLabel, topP, true);
        }
        if (topP < Threshold)
        {
            return new IntentPrediction(OosLabel, 1f - topP, topLabel, topP, true);
        }
        return new IntentPrediction(topLabel, topP, topLabel, topP, false);
    }
}
