using SpecialistPlatform.MachineLearning.Features;

namespace SpecialistPlatform.MachineLearning.Models;

/// <summary>One member of an intent model's ensemble: turns a text into one logit per class over its own feature space.</summary>
public abstract class ScoringComponent
{
    [ThreadStatic] private static int[]? t_rows;
    [ThreadStatic] private static float[]? t_values;

    protected ScoringComponent(FeatureSpace space, int classes)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (classes < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(classes));
        }
        Space = space;
        Classes = classes;
    }

    /// <summary>The component's name in model artifacts.</summary>
    public abstract string Kind { get; }

    public FeatureSpace Space { get; }

    public FeatureOptions Features => Space.Options;

    public int Classes { get; }

    public int[] Buckets => Space.Buckets;

    /// <summary>Adds this component's logits for the text to <paramref name="logits"/>.</summary>
    public void AddLogits(string text, Span<float> logits)
    {
        var rows = t_rows ??= new int[256];
        var values = t_values ??= new float[256];
        var count = Space.Vectorize(text, ref rows, ref values);
        t_rows = rows;
        t_values = values;
        AddLogits(rows.AsSpan(0, count), values.AsSpan(0, count), logits);
    }

    /// <summary>Adds the logits of an already vectorised text (rows of <see cref="Space"/> and their values).</summary>
    public abstract void AddLogits(ReadOnlySpan<int> rows, ReadOnlySpan<float> values, Span<float> logits);
}
