using System.Buffers.Binary;
using System.Security.Cryptography;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Models;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.MachineLearning.Tests;

public sealed class ModelArtifactTests : IDisposable
{
    private static readonly Lazy<IntentModel> Trained = new(() =>
        IntentTrainer.Train(SyntheticIntents.Generate(25, seed: 5), null, SyntheticIntents.FastOptions()).Model);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ml-artifact-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Saved_model_loads_back_with_identical_predictions_and_metadata()
    {
        var model = Trained.Value;
        ModelArtifact.Save(model, _directory);

        var loaded = ModelArtifact.Load(_directory);

        loaded.Labels.ShouldBe(model.Labels);
        loaded.Temperature.ShouldBe(model.Temperature);
        loaded.Threshold.ShouldBe(model.Threshold);
        loaded.Metadata.TrainingDataSha256.ShouldBe(model.Metadata.TrainingDataSha256);
        loaded.Metadata.TrainingDataSha256.Length.ShouldBe(64);
        loaded.Metadata.Metrics.Keys.ShouldContain("ece_after_calibration");
        foreach (var text in new[] { "where is my card", "tell me a joke", "top up failed" })
        {
            loaded.Probabilities(text).ShouldBe(model.Probabilities(text));
        }
        ModelArtifact.Serialize(loaded).ShouldBe(ModelArtifact.Serialize(model));
        File.ReadAllText(Path.Combine(_directory, "model.json")).ShouldContain("\"trainingDataSha256\"");
    }

    [Fact]
    public void Flipped_byte_is_rejected_as_corrupt()
    {
        var bytes = ModelArtifact.Serialize(Trained.Value);
        bytes[bytes.Length / 2] ^= 0x40;

        Should.Throw<ModelFormatException>(() => ModelArtifact.Deserialize(bytes)).Message.ShouldContain("checksum");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(-1)]
    public void Truncated_file_is_rejected(int keep)
    {
        var bytes = ModelArtifact.Serialize(Trained.Value);
        var truncated = bytes[..(keep >= 0 ? keep : bytes.Length - 1)];

        Should.Throw<ModelFormatException>(() => ModelArtifact.Deserialize(truncated)).Message.ShouldContain("truncated");
    }

    [Fact]
    public void Newer_format_version_is_rejected_as_incompatible()
    {
        var bytes = ModelArtifact.Serialize(Trained.Value);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), ModelArtifact.FormatVersion + 1);
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32), bytes.AsSpan(bytes.Length - 32));

        Should.Throw<ModelFormatException>(() => ModelArtifact.Deserialize(bytes)).Message.ShouldContain($"versions 2 to {ModelArtifact.FormatVersion}");
    }

    [Fact]
    public void File_that_is_not_a_model_is_rejected()
    {
        var notAModel = "{\"this\": \"is json, not a model, and long enough to pass the length check\"}"u8.ToArray();

        Should.Throw<ModelFormatException>(() => ModelArtifact.Deserialize(notAModel)).Message.ShouldContain("magic");
    }

    [Fact]
    public void Consistent_checksum_over_inconsistent_content_is_still_rejected()
    {
        var bytes = ModelArtifact.Serialize(Trained.Value);
        bytes[24] ^= 0x01; // inside the JSON header
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32), bytes.AsSpan(bytes.Length - 32));

        Should.Throw<ModelFormatException>(() => ModelArtifact.Deserialize(bytes));
    }

    [Fact]
    public void Missing_model_is_reported_clearly()
    {
        Should.Throw<ModelFormatException>(() => ModelArtifact.Load(_directory)).Message.ShouldContain("No model found");
    }
}
