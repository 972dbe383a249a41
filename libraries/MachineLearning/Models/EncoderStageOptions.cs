using SpecialistPlatform.MachineLearning.Encoders;

namespace SpecialistPlatform.MachineLearning.Models;

/// <summary>
/// Hyper-parameters of the encoder stage (<see cref="EncoderStage"/>), trained with Adam on the encoder's vectors of
/// the training texts. Defaults measured on Banking77 and CLINC150 (libraries/MachineLearning/README.md).
/// </summary>
public sealed record EncoderStageOptions
{
    public string Encoder { get; init; } = MiniLmSentenceEncoder.EncoderName;

    public int Hidden { get; init; } = 512;

    public int Epochs { get; init; } = 20;

    public float LearningRate { get; init; } = 0.001f;

    public int BatchSize { get; init; } = 32;

    /// <summary>Share of the hidden units switched off in each training step (the rest scaled up).</summary>
    public float HiddenDropout { get; init; } = 0.2f;

    /// <summary>Share of the mixture given to the stage; the ensemble gets the rest.</summary>
    public float Weight { get; init; } = 0.5f;

    /// <summary>
    /// The stage runs for texts whose ensemble top probability is below this. At 0.95 it ran for 26% of
    /// Banking77's held-out texts and 22% of CLINC150's, and decided them as well as running it for every text.
    /// </summary>
    public float Gate { get; init; } = 0.95f;

    public void Validate()
    {
        if (Hidden is < 1 or > 8192 || Epochs < 1 || !(LearningRate > 0) || BatchSize < 1
            || HiddenDropout is < 0 or >= 1 || Weight is < 0 or > 1 || Gate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(EncoderStageOptions),
                "Hidden size between 1 and 8192, epochs and batch size >= 1, learning rate > 0, 0 <= dropout < 1, and weight and gate between 0 and 1 are required.");
        }
        SentenceEncoders.EnsureKnown(Encoder);
    }
}
