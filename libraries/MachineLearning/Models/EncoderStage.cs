using System.Numerics.Tensors;
using SpecialistPlatform.MachineLearning.Encoders;

namespace SpecialistPlatform.MachineLearning.Models;

/// <summary>
/// The second stage of an intent model (docs/decisions/0014): a pretrained sentence encoder's vector of the text,
/// one ReLU hidden layer, one logit per class. It runs only for texts the n-gram ensemble is unsure of (calibrated
/// top probability below <see cref="Gate"/>); its log-probabilities are then mixed with the ensemble's
/// (<see cref="Weight"/> on the stage) and the mixture, divided by <see cref="Temperature"/>, is the text's logits.
/// The ensemble alone decides the sure texts in microseconds; the encoder costs milliseconds, and only where the
/// n-grams have not seen the wording before.
/// </summary>
public sealed class EncoderStage
{
    [ThreadStatic] private static float[]? t_hidden;

    public EncoderStage(ISentenceEncoder encoder, int classes, int hidden, float[] hiddenWeights, float[] hiddenBias,
        float[] outputWeights, float[] outputBias, float weight, float gate, double temperature)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        if (classes < 1 || hidden < 1
            || hiddenWeights.Length != (long)hidden * encoder.Dimension || hiddenBias.Length != hidden
            || outputWeights.Length != (long)classes * hidden || outputBias.Length != classes)
        {
            throw new ArgumentException("Layer sizes do not match the encoder's dimension, the hidden size and the class count.");
        }
        if (weight is < 0 or > 1 || gate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), "The mixing weight and the gate are shares between 0 and 1.");
        }
        if (!(temperature > 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature));
        }
        Encoder = encoder;
        Classes = classes;
        Hidden = hidden;
        HiddenWeights = hiddenWeights;
        HiddenBias = hiddenBias;
        OutputWeights = outputWeights;
        OutputBias = outputBias;
        Weight = weight;
        Gate = gate;
        Temperature = temperature;
    }

    public ISentenceEncoder Encoder { get; }

    public int Dimension => Encoder.Dimension;

    public int Classes { get; }

    public int Hidden { get; }

    /// <summary>Row-major Hidden x Dimension.</summary>
    public float[] HiddenWeights { get; }

    public float[] HiddenBias { get; }

    /// <summary>Row-major Classes x Hidden.</summary>
    public float[] OutputWeights { get; }

    public float[] OutputBias { get; }

    /// <summary>Share of the mixture given to this stage's log-probabilities (the ensemble gets the rest).</summary>
    public float Weight { get; }

    /// <summary>The stage runs when the ensemble's calibrated top probability is below this.</summary>
    public float Gate { get; }

    /// <summary>Temperature of the mixed logits, fitted on validation data like the ensemble's.</summary>
    public double Temperature { get; }

    public EncoderStage WithTemperature(double temperature) =>
        new(Encoder, Classes, Hidden, HiddenWeights, HiddenBias, OutputWeights, OutputBias, Weight, Gate, temperature);

    public bool Runs(ReadOnlySpan<float> ensembleProbabilities) => TensorPrimitives.Max(ensembleProbabilities) < Gate;

    /// <summary>This stage's own (unmixed) logits for an encoder vector.</summary>
    public float[] Logits(ReadOnlySpan<float> embedding)
    {
        var hidden = t_hidden is { } h && h.Length == Hidden ? h : t_hidden = new float[Hidden];
        for (var k = 0; k < Hidden; k++)
        {
            hidden[k] = Math.Max(0f, HiddenBias[k] + TensorPrimitives.Dot(HiddenWeights.AsSpan(k * Dimension, Dimension), embedding));
        }
        var logits = new float[Classes];
        for (var c = 0; c < Classes; c++)
        {
            logits[c] = OutputBias[c] + TensorPrimitives.Dot(OutputWeights.AsSpan(c * Hidden, Hidden), hidden);
        }
        return logits;
    }

    /// <summary>
    /// The mixture before this stage's temperature: (1 - Weight) x log-softmax(ensemble logits / ensemble
    /// temperature) + Weight x log-softmax(stage logits), written over <paramref name="stageLogits"/>.
    /// </summary>
    public void Mix(ReadOnlySpan<float> ensembleLogits, double ensembleTemperature, Span<float> stageLogits)
    {
        Span<float> ensemble = stackalloc float[ensembleLogits.Length];
        TensorPrimitives.Divide(ensembleLogits, (float)ensembleTemperature, ensemble);
        LogSoftmax(ensemble);
        LogSoftmax(stageLogits);
        for (var c = 0; c < stageLogits.Length; c++)
        {
            stageLogits[c] = (1 - Weight) * ensemble[c] + Weight * stageLogits[c];
        }
    }

    private static void LogSoftmax(Span<float> values)
    {
        var max = TensorPrimitives.Max(values);
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += Math.Exp(v - max);
        }
        TensorPrimitives.Subtract(values, (float)(max + Math.Log(sum)), values);
    }
}
