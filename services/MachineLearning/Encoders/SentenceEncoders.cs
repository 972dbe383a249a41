namespace SpecialistPlatform.MachineLearning.Encoders;

/// <summary>The sentence encoders this build carries, by the name model files and training options use.</summary>
public static class SentenceEncoders
{
    public static IReadOnlyList<string> Names { get; } = [MiniLmSentenceEncoder.EncoderName];

    /// <summary>The process-wide instance of the named encoder (loaded at first use).</summary>
    public static ISentenceEncoder Get(string name) => name switch
    {
        MiniLmSentenceEncoder.EncoderName => MiniLmSentenceEncoder.Shared,
        _ => throw new ArgumentException($"Unknown sentence encoder '{name}'; this build has: {string.Join(", ", Names)}."),
    };
}
