using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Features;
using SpecialistPlatform.MachineLearning.Models;

namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>
/// The moderation model file, in the envelope every model file shares (magic "SPMODER\0", format version 3; see
/// <c>ArtifactEnvelope</c>). Payload, little-endian:
/// <code>
/// int32 header length H, H bytes of UTF-8 JSON header (task, feature options, rows, training-data SHA-256,
///       hyper-parameters, metrics, and per category its calibration, threshold and threshold target)
/// int32[rows]  the shared feature space's buckets; when its features use IDF: float32 unseen IDF, float32[rows] IDF
/// per category, in header order: float32[rows * 2] weights, float32[2] bias, and when its header says it has a
///       segment component (version 2 on), that component's float32[rows * 2] weights and float32[2] bias, and when it
///       says it has a request component (version 3 on), that one's the same way
/// </code>
/// Version 1 files (no segment components) and version 2 files (no request components) still load.
/// It is written as DIR/model.bin beside a DIR/model.json manifest, like the router's, so the registry commands take it
/// as they are; its own magic makes the router's loader refuse it with a message saying what it is.
/// </summary>
public static class ModerationArtifact
{
    public const ushort FormatVersion = 3;
    public const string ModelFileName = "model.bin";
    public const string ManifestFileName = "model.json";
    public const string Task = "moderation";

    internal static readonly ArtifactKind Kind = new("SPMODER\0", "moderation model", "moderation model", 1, FormatVersion);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static byte[] Serialize(ModerationModel model)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Model files are written on little-endian machines only.");
        }
        var header = new Header
        {
            Task = Task,
            Features = model.Space.Options,
            Rows = model.Space.Rows,
            TrainingDataSha256 = model.Metadata.TrainingDataSha256,
            HyperParameters = JsonNode.Parse(model.Metadata.HyperParametersJson),
            Metrics = new SortedDictionary<string, double>(model.Metadata.Metrics.ToDictionary(), StringComparer.Ordinal),
            Categories = model.Heads.Select(h => new CategoryHeader
            {
                Name = h.Category,
                Scale = h.Calibration.Scale,
                Offset = h.Calibration.Offset,
                Threshold = h.Threshold,
                Goal = h.Target.Goal,
                GoalValue = h.Target.Value,
                WindowWords = h.WindowWords,
                SegmentComponent = h.SegmentComponent is not null,
                NoveltyWeight = h.NoveltyWeight,
                RequestComponent = h.RequestComponent is not null,
                RequestWeight = h.RequestWeight,
            }).ToArray(),
        };
        var headerBytes = JsonSerializer.SerializeToUtf8Bytes(header);
        using var payload = new MemoryStream();
        WriteInt32(payload, headerBytes.Length);
        payload.Write(headerBytes);
        payload.Write(MemoryMarshal.AsBytes(model.Space.Buckets.AsSpan()));
        if (model.Space.Idf is { } idf)
        {
            WriteFloats(payload, [model.Space.UnseenIdf]);
            WriteFloats(payload, idf);
        }
        foreach (var head in model.Heads)
        {
            WriteFloats(payload, head.Component.Weights);
            WriteFloats(payload, head.Component.Bias);
            if (head.SegmentComponent is { } segment)
            {
                WriteFloats(payload, segment.Weights);
                WriteFloats(payload, segment.Bias);
            }
            if (head.RequestComponent is { } request)
            {
                WriteFloats(payload, request.Weights);
                WriteFloats(payload, request.Bias);
            }
        }
        return ArtifactEnvelope.Wrap(Kind, payload.Length, file => payload.GetBuffer().AsSpan(0, (int)payload.Length).CopyTo(file));
    }

    public static ModerationModel Deserialize(ReadOnlySpan<byte> file)
    {
        var payload = ArtifactEnvelope.Open(file, Kind, out _, (ModelArtifact.Kind.Magic,
            "This is an intent model file (SPMODEL), not a moderation model: train one with `specialist train moderation`."));
        try
        {
            return ReadPayload(payload);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or OverflowException)
        {
            throw new ModelFormatException($"Moderation model file content is inconsistent: {ex.Message}", ex);
        }
    }

    private static ModerationModel ReadPayload(ReadOnlySpan<byte> payload)
    {
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(payload);
        if (headerLength <= 0 || headerLength > payload.Length - 4)
        {
            throw new ModelFormatException("Moderation model file content is inconsistent: the header length is out of range.");
        }
        var header = JsonSerializer.Deserialize<Header>(payload.Slice(4, headerLength))
            ?? throw new ModelFormatException("Moderation model file content is inconsistent: the header is empty.");
        if (header.Task != Task || header.Features is null || header.Categories is not { Length: > 0 } || header.Rows < 0)
        {
            throw new ModelFormatException("Moderation model file content is inconsistent: task, features, rows or categories missing.");
        }
        var offset = 4 + headerLength;
        var rows = header.Rows;
        var buckets = MemoryMarshal.Cast<byte, int>(Take(payload, ref offset, 4L * rows)).ToArray();
        float[]? idf = null;
        var unseenIdf = 1f;
        if (header.Features.Idf)
        {
            unseenIdf = ReadFloats(payload, ref offset, 1)[0];
            idf = ReadFloats(payload, ref offset, rows);
        }
        var space = new FeatureSpace(header.Features, buckets, idf, unseenIdf);
        var heads = new List<ModerationHead>(header.Categories.Length);
        foreach (var c in header.Categories)
        {
            var weights = ReadFloats(payload, ref offset, 2L * rows);
            var bias = ReadFloats(payload, ref offset, 2);
            var segment = c.SegmentComponent
                ? new LinearComponent(space, 2, ReadFloats(payload, ref offset, 2L * rows), ReadFloats(payload, ref offset, 2))
                : null;
            var request = c.RequestComponent
                ? new LinearComponent(space, 2, ReadFloats(payload, ref offset, 2L * rows), ReadFloats(payload, ref offset, 2))
                : null;
            heads.Add(new ModerationHead(c.Name ?? throw new ModelFormatException("Moderation model file content is inconsistent: a category has no name."),
                new LinearComponent(space, 2, weights, bias), new PlattScaling(c.Scale, c.Offset), c.Threshold, new ThresholdTarget(c.Goal, c.GoalValue), c.WindowWords, segment, c.NoveltyWeight, request, c.RequestWeight));
        }
        if (offset != payload.Length)
        {
            throw new ModelFormatException($"Moderation model file content is inconsistent: {payload.Length - offset} bytes follow the last category.");
        }
        var metadata = new ModelMetadata
        {
            Task = Task,
            TrainingDataSha256 = header.TrainingDataSha256 ?? "",
            HyperParametersJson = header.HyperParameters?.ToJsonString() ?? "{}",
            Metrics = header.Metrics ?? new SortedDictionary<string, double>(),
        };
        return new ModerationModel(space, heads, metadata);
    }

    /// <summary>Writes DIR/model.bin and the readable DIR/model.json manifest (with <paramref name="extra"/>: timings, files).</summary>
    public static string Save(ModerationModel model, string directory, IReadOnlyDictionary<string, object?>? extra = null)
    {
        Directory.CreateDirectory(directory);
        var bytes = Serialize(model);
        var path = Path.Combine(directory, ModelFileName);
        File.WriteAllBytes(path + ".tmp", bytes);
        File.Move(path + ".tmp", path, overwrite: true);

        var manifest = new JsonObject
        {
            ["format"] = "specialist-moderation-model",
            ["formatVersion"] = FormatVersion,
            ["task"] = Task,
            ["modelFile"] = ModelFileName,
            ["modelSha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            ["modelBytes"] = bytes.Length,
            ["features"] = JsonSerializer.SerializeToNode(model.Space.Options),
            ["rows"] = model.Space.Rows,
            ["categories"] = new JsonArray(model.Heads.Select(h => (JsonNode?)new JsonObject
            {
                ["name"] = h.Category,
                ["threshold"] = h.Threshold,
                ["target"] = h.Target.Describe(),
                ["calibration"] = new JsonObject { ["scale"] = h.Calibration.Scale, ["offset"] = h.Calibration.Offset },
                ["handWrittenData"] = ModerationCategories.HandWritten.Contains(h.Category),
                ["windowWords"] = h.WindowWords,
                ["segmentComponent"] = h.SegmentComponent is not null,
                ["noveltyWeight"] = h.NoveltyWeight,
                ["requestComponent"] = h.RequestComponent is not null,
                ["requestWeight"] = h.RequestWeight,
            }).ToArray()),
            ["trainingDataSha256"] = model.Metadata.TrainingDataSha256,
            ["hyperParameters"] = JsonNode.Parse(model.Metadata.HyperParametersJson),
            ["metrics"] = JsonSerializer.SerializeToNode(model.Metadata.Metrics),
        };
        if (extra is not null)
        {
            var run = new JsonObject();
            foreach (var (key, value) in extra)
            {
                run[key] = JsonSerializer.SerializeToNode(value);
            }
            manifest["run"] = run;
        }
        File.WriteAllText(Path.Combine(directory, ManifestFileName), manifest.ToJsonString(Indented) + "\n", new UTF8Encoding(false));
        return path;
    }

    /// <summary>Loads DIR/model.bin (or the file itself when a file path is given).</summary>
    public static ModerationModel Load(string path)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, ModelFileName) : path;
        if (!File.Exists(file))
        {
            throw new ModelFormatException($"No moderation model found at '{path}' (expected a directory holding {ModelFileName}, or the file itself).");
        }
        return Deserialize(File.ReadAllBytes(file));
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> payload, ref int offset, long length)
    {
        if (length < 0 || offset + length > payload.Length)
        {
            throw new ModelFormatException("Moderation model file content is inconsistent: the arrays are longer than the file.");
        }
        var slice = payload.Slice(offset, (int)length);
        offset += (int)length;
        return slice;
    }

    private static float[] ReadFloats(ReadOnlySpan<byte> payload, ref int offset, long count) =>
        MemoryMarshal.Cast<byte, float>(Take(payload, ref offset, 4 * count)).ToArray();

    private static void WriteFloats(Stream stream, ReadOnlySpan<float> values) => stream.Write(MemoryMarshal.AsBytes(values));

    private static void WriteInt32(Stream stream, int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, value);
        stream.Write(buffer);
    }

    private sealed class Header
    {
        public string? Task { get; set; }
        public FeatureOptions? Features { get; set; }
        public int Rows { get; set; }
        public string? TrainingDataSha256 { get; set; }
        public JsonNode? HyperParameters { get; set; }
        public SortedDictionary<string, double>? Metrics { get; set; }
        public CategoryHeader[]? Categories { get; set; }
    }

    private sealed class CategoryHeader
    {
        public string? Name { get; set; }
        public double Scale { get; set; }
        public double Offset { get; set; }
        public double Threshold { get; set; }

        [JsonConverter(typeof(JsonStringEnumConverter<ThresholdGoal>))]
        public ThresholdGoal Goal { get; set; }

        public double GoalValue { get; set; }

        public int WindowWords { get; set; }

        /// <summary>Whether a second component, for lines and sentences, follows this category's own (absent before version 2).</summary>
        public bool SegmentComponent { get; set; }

        /// <summary>The weight of a segment's novelty in its score (<see cref="ModerationHead.NoveltyWeight"/>); absent, 0, in older files.</summary>
        public float NoveltyWeight { get; set; }

        /// <summary>Whether a request component follows the segment component (absent before version 3).</summary>
        public bool RequestComponent { get; set; }

        public float RequestWeight { get; set; }
    }
}
