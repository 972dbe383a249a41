using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SpecialistPlatform.MachineLearning.Encoders;
using SpecialistPlatform.MachineLearning.Features;
using SpecialistPlatform.MachineLearning.Models;

namespace SpecialistPlatform.MachineLearning.Artifacts;

/// <summary>
/// The versioned binary model format (all integers little-endian):
/// <code>
/// offset 0   8 bytes  magic "SPMODEL\0"
/// offset 8   uint16   format version (3; version 2 had no encoder stage, version 1 no inverse document frequencies)
/// offset 10  uint16   reserved, 0
/// offset 12  int64    payload length L
/// offset 20  L bytes  payload:
///                       int32 header length H, H bytes of UTF-8 JSON header
///                       (task, labels, out-of-scope label, temperature, threshold, training-data SHA-256,
///                       hyper-parameters, metrics, and per component its feature options and sizes),
///                       then per component: int32[rows] buckets, then its float32 arrays:
///                         linear-softmax: weights[rows * classes], bias[classes]
///                         mlp: embeddings[rows * dimension], hidden weights[hidden * dimension], hidden bias[hidden],
///                              output weights[classes * hidden], output bias[classes]
///                       and when its features use IDF: float32 unseen-bucket IDF, float32[rows] IDF
///                       then, when the header names an encoder stage: hidden weights[hidden * encoder dimension],
///                       hidden bias[hidden], output weights[classes * hidden], output bias[classes]
/// offset 20+L 32 bytes SHA-256 of bytes [0, 20+L)
/// </code>
/// The file holds nothing time-dependent, so the same data and seed give byte-identical files. An encoder stage's
/// pretrained encoder is not in the file (90 MB; it ships with the build): the header names it and the SHA-256 of its
/// weights, and loading fails when this build's encoder differs.
/// </summary>
public static class ModelArtifact
{
    public const ushort FormatVersion = 3;
    public const string ModelFileName = "model.bin";
    public const string ManifestFileName = "model.json";

    internal static readonly ArtifactKind Kind = new("SPMODEL\0", "model", "specialist model", 2, FormatVersion);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
    private static readonly JsonSerializerOptions ManifestNames = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static byte[] Serialize(IntentModel model)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Model files are written on little-endian machines only.");
        }
        var header = new ArtifactHeader
        {
            Task = model.Metadata.Task,
            Labels = model.Labels.ToArray(),
            OosLabel = model.OosLabel,
            Temperature = model.Temperature,
            Threshold = model.Threshold,
            TrainingDataSha256 = model.Metadata.TrainingDataSha256,
            HyperParameters = JsonNode.Parse(model.Metadata.HyperParametersJson),
            Metrics = new SortedDictionary<string, double>(model.Metadata.Metrics.ToDictionary(), StringComparer.Ordinal),
            Components = model.Components.Select(c => new ComponentHeader
            {
                Kind = c.Kind,
                Features = c.Features,
                Rows = c.Buckets.Length,
                Classes = c.Classes,
                Dimension = (c as MlpComponent)?.Dimension ?? 0,
                Hidden = (c as MlpComponent)?.Hidden ?? 0,
            }).ToArray(),
            EncoderStage = model.EncoderStage is { } stage ? EncoderStageHeader.Of(stage) : null,
        };
        var headerBytes = JsonSerializer.SerializeToUtf8Bytes(header);

        using var payload = new MemoryStream();
        WriteInt32(payload, headerBytes.Length);
        payload.Write(headerBytes);
        foreach (var component in model.Components)
        {
            payload.Write(MemoryMarshal.AsBytes(component.Buckets.AsSpan()));
            foreach (var array in Arrays(component))
            {
                payload.Write(MemoryMarshal.AsBytes(array.AsSpan()));
            }
            if (component.Space.Idf is { } idf)
            {
                payload.Write(MemoryMarshal.AsBytes(new[] { component.Space.UnseenIdf }.AsSpan()));
                payload.Write(MemoryMarshal.AsBytes(idf.AsSpan()));
            }
        }
        if (model.EncoderStage is { } encoderStage)
        {
            foreach (var array in new[] { encoderStage.HiddenWeights, encoderStage.HiddenBias, encoderStage.OutputWeights, encoderStage.OutputBias })
            {
                payload.Write(MemoryMarshal.AsBytes(array.AsSpan()));
            }
        }

        return ArtifactEnvelope.Wrap(Kind, payload.Length, file => payload.GetBuffer().AsSpan(0, (int)payload.Length).CopyTo(file));
    }

    public static IntentModel Deserialize(ReadOnlySpan<byte> file)
    {
        var payload = ArtifactEnvelope.Open(file, Kind, out _);
        try
        {
            return ReadPayload(payload);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or ArgumentOutOfRangeException or InvalidOperationException or OverflowException or NotSupportedException)
        {
            throw new ModelFormatException($"Model file content is inconsistent: {ex.Message}", ex);
        }
    }

    private static IntentModel ReadPayload(ReadOnlySpan<byte> payload)
    {
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(payload);
        if (headerLength <= 0 || headerLength > payload.Length - 4)
        {
            throw new ModelFormatException("Model file content is inconsistent: the header length is out of range.");
        }
        var header = JsonSerializer.Deserialize<ArtifactHeader>(payload.Slice(4, headerLength))
            ?? throw new ModelFormatException("Model file content is inconsistent: the header is empty.");
        if (header.Labels is not { Length: > 0 } || header.Components is not { Length: > 0 } || header.OosLabel is null || header.Task is null)
        {
            throw new ModelFormatException("Model file content is inconsistent: labels, components, task or out-of-scope label missing.");
        }

        var offset = 4 + headerLength;
        var components = new List<ScoringComponent>();
        foreach (var c in header.Components)
        {
            if (c.Kind is not (LinearComponent.KindName or MlpComponent.KindName) || c.Features is null)
            {
                throw new ModelFormatException($"Model file has an unknown component kind '{c.Kind}'.");
            }
            if (c.Classes != header.Labels.Length || c.Rows < 0 || (c.Kind == MlpComponent.KindName && (c.Dimension < 1 || c.Hidden < 1)))
            {
                throw new ModelFormatException("Model file content is inconsistent: a component's size does not match the labels.");
            }
            long[] sizes = c.Kind == LinearComponent.KindName
                ? [(long)c.Rows * c.Classes, c.Classes]
                : [(long)c.Rows * c.Dimension, (long)c.Hidden * c.Dimension, c.Hidden, (long)c.Classes * c.Hidden, c.Classes];
            var needed = 4L * (c.Rows + sizes.Sum() + (c.Features.Idf ? 1 + c.Rows : 0));
            if (needed > payload.Length - offset)
            {
                throw new ModelFormatException("Model file content is inconsistent: the weights are shorter than the header declares.");
            }
            var buckets = MemoryMarshal.Cast<byte, int>(payload.Slice(offset, c.Rows * 4)).ToArray();
            offset += c.Rows * 4;
            var arrays = ReadFloatArrays(payload, ref offset, sizes);
            float[]? idf = null;
            var unseenIdf = 1f;
            if (c.Features.Idf)
            {
                unseenIdf = BinaryPrimitives.ReadSingleLittleEndian(payload[offset..]);
                offset += 4;
                idf = MemoryMarshal.Cast<byte, float>(payload.Slice(offset, c.Rows * 4)).ToArray();
                offset += c.Rows * 4;
            }
            var space = new FeatureSpace(c.Features, buckets, idf, unseenIdf);
            components.Add(c.Kind == LinearComponent.KindName
                ? new LinearComponent(space, c.Classes, arrays[0], arrays[1])
                : new MlpComponent(space, c.Classes, c.Dimension, c.Hidden, arrays[0], arrays[1], arrays[2], arrays[3], arrays[4]));
        }
        var stage = header.EncoderStage is { } stageHeader ? ReadEncoderStage(payload, ref offset, stageHeader, header.Labels.Length) : null;
        if (offset != payload.Length)
        {
            throw new ModelFormatException("Model file content is inconsistent: there are bytes after the last component.");
        }

        var metadata = new ModelMetadata
        {
            Task = header.Task,
            TrainingDataSha256 = header.TrainingDataSha256 ?? "",
            HyperParametersJson = header.HyperParameters?.ToJsonString() ?? "{}",
            Metrics = header.Metrics ?? new SortedDictionary<string, double>(),
        };
        return new IntentModel(header.Labels, header.OosLabel, components, header.Temperature, header.Threshold, metadata, stage);
    }

    private static float[][] ReadFloatArrays(ReadOnlySpan<byte> payload, ref int offset, long[] sizes)
    {
        if (4 * sizes.Sum() > payload.Length - offset)
        {
            throw new ModelFormatException("Model file content is inconsistent: the weights are shorter than the header declares.");
        }
        var arrays = new float[sizes.Length][];
        for (var i = 0; i < sizes.Length; i++)
        {
            arrays[i] = MemoryMarshal.Cast<byte, float>(payload.Slice(offset, (int)sizes[i] * 4)).ToArray();
            offset += (int)sizes[i] * 4;
            if (arrays[i].Any(w => !float.IsFinite(w)))
            {
                throw new ModelFormatException("Model file content is inconsistent: the weights contain non-finite values.");
            }
        }
        return arrays;
    }

    private static EncoderStage ReadEncoderStage(ReadOnlySpan<byte> payload, ref int offset, EncoderStageHeader header, int classes)
    {
        if (header.Encoder is null || header.EncoderSha256 is null || header.Dimension < 1 || header.Hidden < 1)
        {
            throw new ModelFormatException("Model file content is inconsistent: the encoder stage lacks its encoder or sizes.");
        }
        ISentenceEncoder encoder;
        try
        {
            encoder = SentenceEncoders.Get(header.Encoder);
        }
        catch (ArgumentException ex)
        {
            throw new ModelFormatException($"The model needs the sentence encoder '{header.Encoder}', which this build does not have: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or BadImageFormatException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            throw new ModelFormatException($"The model needs the sentence encoder '{header.Encoder}', which cannot be loaded: {ex.Message}", ex);
        }
        if (encoder.WeightsSha256 != header.EncoderSha256 || encoder.Dimension != header.Dimension)
        {
            throw new ModelFormatException(
                $"The model was trained with other weights of the sentence encoder '{header.Encoder}' (SHA-256 {header.EncoderSha256}, {header.Dimension} dimensions) "
                + $"than this build carries ({encoder.WeightsSha256}, {encoder.Dimension}); retrain it with this build.");
        }
        var arrays = ReadFloatArrays(payload, ref offset, [(long)header.Hidden * header.Dimension, header.Hidden, (long)classes * header.Hidden, classes]);
        return new EncoderStage(encoder, classes, header.Hidden, arrays[0], arrays[1], arrays[2], arrays[3], header.Weight, header.Gate, header.Temperature);
    }

    /// <summary>Writes DIR/model.bin and the human-readable DIR/model.json manifest.</summary>
    /// <param name="extra">Facts about this run that must not enter model.bin (timings, file names), shown in the manifest.</param>
    public static string Save(IntentModel model, string directory, IReadOnlyDictionary<string, object?>? extra = null)
    {
        Directory.CreateDirectory(directory);
        var bytes = Serialize(model);
        var path = Path.Combine(directory, ModelFileName);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);

        var manifest = new JsonObject
        {
            ["format"] = "specialist-model",
            ["formatVersion"] = FormatVersion,
            ["task"] = model.Metadata.Task,
            ["modelFile"] = ModelFileName,
            ["modelSha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            ["modelBytes"] = bytes.Length,
            ["labels"] = new JsonArray(model.Labels.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
            ["oosLabel"] = model.OosLabel,
            ["oosIsTrainedClass"] = model.OosIndex >= 0,
            ["temperature"] = model.Temperature,
            ["oosThreshold"] = model.Threshold,
            ["trainingDataSha256"] = model.Metadata.TrainingDataSha256,
            ["hyperParameters"] = JsonNode.Parse(model.Metadata.HyperParametersJson),
            ["metrics"] = JsonSerializer.SerializeToNode(model.Metadata.Metrics),
            ["components"] = new JsonArray(model.Components.Select(c => (JsonNode?)new JsonObject
            {
                ["kind"] = c.Kind,
                ["features"] = JsonSerializer.SerializeToNode(c.Features),
                ["rows"] = c.Buckets.Length,
                ["classes"] = c.Classes,
                ["dimension"] = (c as MlpComponent)?.Dimension,
                ["hidden"] = (c as MlpComponent)?.Hidden,
            }).ToArray()),
        };
        if (model.EncoderStage is { } stage)
        {
            manifest["encoderStage"] = JsonSerializer.SerializeToNode(EncoderStageHeader.Of(stage), ManifestNames);
        }
        if (extra is not null)
        {
            var run = new JsonObject();
            foreach (var (key, value) in extra)
            {
                run[key] = JsonSerializer.SerializeToNode(value);
            }
            manifest["run"] = run;
        }
        File.WriteAllText(Path.Combine(directory, ManifestFileName), manifest.ToJsonString(JsonOptions) + "\n", new UTF8Encoding(false));
        return path;
    }

    /// <summary>Loads DIR/model.bin (or the file itself when a file path is given).</summary>
    public static IntentModel Load(string path)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, ModelFileName) : path;
        if (!File.Exists(file))
        {
            throw new ModelFormatException($"No model found at '{path}' (expected a directory holding {ModelFileName}, or the file itself).");
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (IOException ex)
        {
            throw new ModelFormatException($"Cannot read model file '{file}': {ex.Message}", ex);
        }
        return Deserialize(bytes);
    }

    /// <summary>A component's float arrays in file order.</summary>
    private static float[][] Arrays(ScoringComponent component) => component switch
    {
        LinearComponent linear => [linear.Weights, linear.Bias],
        MlpComponent mlp => [mlp.Embeddings, mlp.HiddenWeights, mlp.HiddenBias, mlp.OutputWeights, mlp.OutputBias],
        _ => throw new NotSupportedException($"Component kind '{component.Kind}' cannot be saved."),
    };

    private static void WriteInt32(Stream stream, int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, value);
        stream.Write(buffer);
    }

    private sealed class ArtifactHeader
    {
        public string? Task { get; set; }
        public string[]? Labels { get; set; }
        public string? OosLabel { get; set; }
        public double Temperature { get; set; }
        public double Threshold { get; set; }
        public string? TrainingDataSha256 { get; set; }
        public JsonNode? HyperParameters { get; set; }
        public SortedDictionary<string, double>? Metrics { get; set; }
        public ComponentHeader[]? Components { get; set; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public EncoderStageHeader? EncoderStage { get; set; }
    }

    /// <summary>The encoder stage's header entry; the manifest shows the same fields in camel case.</summary>
    private sealed class EncoderStageHeader
    {
        public static EncoderStageHeader Of(EncoderStage stage) => new()
        {
            Encoder = stage.Encoder.Name,
            EncoderSha256 = stage.Encoder.WeightsSha256,
            Dimension = stage.Dimension,
            Hidden = stage.Hidden,
            Weight = stage.Weight,
            Gate = stage.Gate,
            Temperature = stage.Temperature,
        };

        public string? Encoder { get; set; }
        public string? EncoderSha256 { get; set; }
        public int Dimension { get; set; }
        public int Hidden { get; set; }
        public float Weight { get; set; }
        public float Gate { get; set; }
        public double Temperature { get; set; }
    }

    private sealed class ComponentHeader
    {
        public string? Kind { get; set; }
        public FeatureOptions? Features { get; set; }
        public int Rows { get; set; }
        public int Classes { get; set; }
        public int Dimension { get; set; }
        public int Hidden { get; set; }
    }
}
