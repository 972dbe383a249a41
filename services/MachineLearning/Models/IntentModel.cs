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
/// a temperature, passed through softmax, then an out-of-scope rule is applied.
/// </summary>
public sealed class IntentModel
{
    public IntentModel(
        IReadOnlyList<string> labels,
        string oosLabel,
        IReadOnlyList<ScoringComponent> components,
        double temperature,
        double threshold,
        ModelMetadata metadata)
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

    /// <summary>Uncalibrated ensemble logits.</summary>
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

    public float[] Probabilities(string text)
    {
        var p = Logits(text);
        Calibration.Softmax(p, Temperature, p);
        return p;
    }

    public IntentPrediction Predict(string text) => Decide(Probabilities(text));

    /// <summary>Scores texts in parallel; results are in input order and identical to calling <see cref="Predict"/> on each.</summary>
    public IntentPrediction[] PredictBatch(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var results = new IntentPrediction[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken },
            i => results[i] = Predict(texts[i]));
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
