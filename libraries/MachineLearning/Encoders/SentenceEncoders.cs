namespace SpecialistPlatform.MachineLearning.Encoders;

/// <summary>The sentence encoders this build carries, by the name model files and training options use.</summary>
public static class SentenceEncoders
{
    public static IReadOnlyList<string> Names { get; } = [MiniLmSentenceEncoder.EncoderName];

    /// <summary>The process-wide instance of the named encoder (loaded at first use).</summary>
    public static ISentenceEncoder Get(string name)
    {
        EnsureKnown(name);
        return MiniLmSentenceEncoder.Shared;
    }

    /// <summary>Throws when this build has no encoder of that name (without loading any encoder).</summary>
    public static void EnsureKnown(string name)
    {
        if (!Names.Contains(name))
        {
            throw new ArgumentException($"Unknown sentence encoder '{name}'; this build has: {string.Join(", ", Names)}.");
        }
    }
}
