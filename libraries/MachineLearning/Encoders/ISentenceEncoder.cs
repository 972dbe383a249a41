namespace SpecialistPlatform.MachineLearning.Encoders;

/// <summary>
/// A pretrained text encoder: turns each text into one fixed-length, L2-normalised vector. Implementations are
/// thread-safe and deterministic: a text always gets the same vector, whatever else is encoded with it.
/// </summary>
public interface ISentenceEncoder
{
    /// <summary>The name model files refer to the encoder by.</summary>
    string Name { get; }

    /// <summary>SHA-256 (hex) of the encoder's weights, stored in models trained with it and checked at load.</summary>
    string WeightsSha256 { get; }

    int Dimension { get; }

    /// <summary>One vector per text, in input order.</summary>
    float[][] Encode(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
