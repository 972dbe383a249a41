using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Sequence;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.MachineLearning.Tests;

public sealed class SpanTaggerArtifactTests : IDisposable
{
    private static readonly Lazy<SpanTagger> Trained = new(() =>
        SpanTaggerTrainer.Train(SyntheticSlots.Generate(150, seed: 5), SyntheticSlots.Generate(30, seed: 6), SyntheticSlots.FastOptions()).Model);

    private readonly string _directory = Directory.CreateTempSubdirectory("span-artifact-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Saved_tagger_loads_back_with_identical_predictions_and_metadata()
    {
        var model = Trained.Value;
        SpanTaggerArtifact.Save(model, _directory, new Dictionary<string, object?> { ["trainingSeconds"] = 1.5 });

        var loaded = SpanTaggerArtifact.Load(_directory);

        loaded.Labels.ShouldBe(model.Labels);
        loaded.Metadata.TrainingDataSha256.ShouldBe(model.Metadata.TrainingDataSha256);
        loaded.Metadata.Metrics["validation_f1"].ShouldBe(model.Metadata.Metrics["validation_f1"]);
        foreach (var example in SyntheticSlots.Generate(40, seed: 8))
        {
            loaded.Predict(example.Text, example.RequestedSlots).ShouldBe(model.Predict(example.Text, example.RequestedSlots));
        }
        File.ReadAllText(Path.Combine(_directory, SpanTaggerArtifact.ManifestFileName)).ShouldContain("\"trainingSeconds\": 1.5");
    }

    [Fact]
    public void Flipped_byte_fails_the_checksum()
    {
        var bytes = SpanTaggerArtifact.Serialize(Trained.Value);
        bytes[bytes.Length / 2] ^= 0x40;

        Should.Throw<ModelFormatException>(() => SpanTaggerArtifact.Deserialize(bytes)).Message.ShouldContain("checksum");
    }

    [Fact]
    public void Truncated_file_is_reported_as_truncated()
    {
        var bytes = SpanTaggerArtifact.Serialize(Trained.Value);

        Should.Throw<ModelFormatException>(() => SpanTaggerArtifact.Deserialize(bytes.AsSpan(0, bytes.Length - 100))).Message.ShouldContain("truncated");
        Should.Throw<ModelFormatException>(() => SpanTaggerArtifact.Deserialize(bytes.AsSpan(0, 10))).Message.ShouldContain("truncated");
    }

    [Fact]
    public void Other_format_version_is_incompatible()
    {
        var bytes = SpanTaggerArtifact.Serialize(Trained.Value);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 3);
        Rehash(bytes);

        var message = Should.Throw<ModelFormatException>(() => SpanTaggerArtifact.Deserialize(bytes)).Message;
        message.ShouldContain("Incompatible tagger format version 3");
        message.ShouldContain("newer build");

        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 0);
        Rehash(bytes);
        Should.Throw<ModelFormatException>(() => SpanTaggerArtifact.Deserialize(bytes)).Message.ShouldContain("Incompatible tagger format version 0");
    }

    [Fact]
    public void Format_1_file_without_span_edges_still_loads_and_trims_nothing()
    {
        var model = Trained.Value;
        model.Edges.ShouldNotBeNull();
        var file = Reframed(SpanTaggerArtifact.Serialize(model), header => header.AsObject().Remove("SpanEdges"), version: 1);

        var loaded = SpanTaggerArtifact.Deserialize(file);

        loaded.Edges.ShouldBeNull();
        loaded.Predict("book a table for 4 people on friday at 7pm").Select(s => s.Text).ShouldBe(model.Predict("book a table for 4 people on friday at 7pm").Select(s => s.Text));
    }

    [Fact]
    public void Span_edges_in_a_format_1_file_or_naming_unknown_slots_are_rejected()
    {
        var bytes = SpanTaggerArtifact.Serialize(Trained.Value);
        var edges = new JsonObject { ["Starts"] = new JsonObject(), ["Ends"] = new JsonObject { ["no_such_slot"] = "." } };

        Should.Throw<ModelFormatException>(() => SpanTaggerArtifact.Deserialize(Reframed(bytes, h => h["SpanEdges"] = edges.DeepClone()))).Message.ShouldContain("span edges");
        Should.Throw<ModelFormatException>(() => SpanTaggerArtifact.Deserialize(Reframed(bytes, h => h["SpanEdges"] = new JsonObject { ["Starts"] = new JsonObject(), ["Ends"] = new JsonObject() }, version: 1))).Message.ShouldContain("span edges");
    }

    [Fact]
    public void Feature_version_1_tagger_round_trips_and_unknown_feature_versions_are_rejected()
    {
        var options = SyntheticSlots.FastOptions() with { FeatureVersion = 1 };
        var model = SpanTaggerTrainer.Train(SyntheticSlots.Generate(80, seed: 5), null, options).Model;

        var loaded = SpanTaggerArtifact.Deserialize(SpanTaggerArtifact.Serialize(model));

        loaded.FeatureVersion.ShouldBe(1);
        foreach (var example in SyntheticSlots.Generate(20, seed: 9))
        {
            loaded.Predict(example.Text, example.RequestedSlots).ShouldBe(model.Predict(example.Text, example.RequestedSlots));
        }
        var future = Reframed(SpanTaggerArtifact.Serialize(model), h => h["FeatureVersion"] = TaggerFeatures.Version + 1);
        Should.Throw<ModelFormatException>(() => SpanTaggerArtifact.Deserialize(future)).Message.ShouldContain($"feature version {TaggerFeatures.Version + 1}");
    }

    [Fact]
    public void Intent_model_and_random_bytes_are_not_taggers()
    {
        var intent = IntentTrainer.Train(SyntheticIntents.Generate(10, seed: 1), null, SyntheticIntents.FastOptions()).Model;

        Should.Throw<ModelFormatException>(() => SpanTaggerArtifact.Deserialize(ModelArtifact.Serialize(intent))).Message.ShouldContain("intent model");
        Should.Throw<ModelFormatException>(() => SpanTaggerArtifact.Deserialize(new byte[100])).Message.ShouldContain("magic");
        Should.Throw<ModelFormatException>(() => SpanTaggerArtifact.Load(Path.Combine(_directory, "nothing"))).Message.ShouldContain("No span tagger");
    }

    [Fact]
    public void Consistent_checksum_over_inconsistent_content_is_rejected()
    {
        // Claim one more feature row than the weights hold, and re-frame and re-sign the file.
        var file = Reframed(SpanTaggerArtifact.Serialize(Trained.Value), header => header["Rows"] = Trained.Value.FeatureRows + 1);

        Should.Throw<ModelFormatException>(() => SpanTaggerArtifact.Deserialize(file)).Message.ShouldContain("inconsistent");
    }

    /// <summary>The file with its JSON header edited (and optionally another format version), re-framed and re-signed.</summary>
    private static byte[] Reframed(byte[] bytes, Action<JsonNode> edit, ushort? version = null)
    {
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(20));
        var header = JsonNode.Parse(bytes.AsSpan(24, headerLength))!;
        edit(header);
        var newHeader = Encoding.UTF8.GetBytes(header.ToJsonString());
        var rest = bytes.AsSpan(24 + headerLength, bytes.Length - 32 - 24 - headerLength).ToArray();
        var file = new byte[24 + newHeader.Length + rest.Length + 32];
        bytes.AsSpan(0, 12).CopyTo(file);
        if (version is { } v)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), v);
        }
        BinaryPrimitives.WriteInt64LittleEndian(file.AsSpan(12), 4 + newHeader.Length + rest.Length);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(20), newHeader.Length);
        newHeader.CopyTo(file, 24);
        rest.CopyTo(file, 24 + newHeader.Length);
        Rehash(file);
        return file;
    }

    private static void Rehash(byte[] bytes) => SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32), bytes.AsSpan(bytes.Length - 32));
}
