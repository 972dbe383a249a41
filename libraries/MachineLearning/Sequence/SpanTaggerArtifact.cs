using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpecialistPlatform.MachineLearning.Artifacts;

namespace SpecialistPlatform.MachineLearning.Sequence;

/// <summary>
/// The span tagger's file: the <see cref="ArtifactEnvelope"/> every model file shares, magic "SPTAGGR\0", format
/// version 2 (version 1, without span edges, is still read), and as its payload (little-endian): int32 header length
/// H, H bytes of UTF-8 JSON header (task, labels, tag scheme, feature version, rows, span edges, training-data
/// SHA-256, hyper-parameters, metrics), then uint64[rows] feature keys, float32[rows * tags] weights,
/// float32[(tags + 1) * tags] transitions.
/// Nothing time-dependent is inside. Wrong magic, version, length, checksum or content: <see cref="ModelFormatException"/>.
/// </summary>
public static class SpanTaggerArtifact
{
    /// <summary>Version 2 added the span edges to the header; version-1 files are read as models that trim nothing.</summary>
    public const ushort FormatVersion = 2;

    private const ushort OldestReadableVersion = 1;
    public const string ModelFileName = "tagger.bin";
    public const string ManifestFileName = "tagger.json";
    public const string Task = "span-tagging";

    private static readonly ArtifactKind Kind = new("SPTAGGR\0", "tagger", "span tagger", OldestReadableVersion, FormatVersion);
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static byte[] Serialize(SpanTagger model)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Model files are written on little-endian machines only.");
        }
        var header = new Header
        {
            Task = Task,
            Labels = model.Labels.ToArray(),
            TagScheme = "BIO",
            FeatureVersion = model.FeatureVersion,
            // Left out for the slot features, so slot tagger files stay byte-identical to those written before
            // feature sets had names.
            FeatureSet = model.Featurizer is SlotTaggerFeaturizer ? null : model.Featurizer.FeatureSet,
            Rows = model.Keys.Length,
            SpanEdges = model.Edges is { } edges ? new EdgesHeader { Starts = new(edges.Starts.ToDictionary(), StringComparer.Ordinal), Ends = new(edges.Ends.ToDictionary(), StringComparer.Ordinal) } : null,
            TrainingDataSha256 = model.Metadata.TrainingDataSha256,
            HyperParameters = JsonNode.Parse(model.Metadata.HyperParametersJson),
            Metrics = new SortedDictionary<string, double>(model.Metadata.Metrics.ToDictionary(), StringComparer.Ordinal),
        };
        var headerBytes = JsonSerializer.SerializeToUtf8Bytes(header);
        var payloadLength = 4L + headerBytes.Length + model.Keys.Length * 8L + model.Weights.Length * 4L + model.Transitions.Length * 4L;
        return ArtifactEnvelope.Wrap(Kind, payloadLength, payload =>
        {
            BinaryPrimitives.WriteInt32LittleEndian(payload, headerBytes.Length);
            var offset = 4;
            headerBytes.CopyTo(payload[offset..]);
            offset += headerBytes.Length;
            MemoryMarshal.AsBytes(model.Keys.AsSpan()).CopyTo(payload[offset..]);
            offset += model.Keys.Length * 8;
            MemoryMarshal.AsBytes(model.Weights.AsSpan()).CopyTo(payload[offset..]);
            offset += model.Weights.Length * 4;
            MemoryMarshal.AsBytes(model.Transitions.AsSpan()).CopyTo(payload[offset..]);
        });
    }

    /// <param name="file">The file's bytes.</param>
    /// <param name="featurizer">The features the caller can compute; null for the slot tagger's. A model trained with another feature set is refused.</param>
    public static SpanTagger Deserialize(ReadOnlySpan<byte> file, ITaggerFeaturizer? featurizer = null)
    {
        var payload = ArtifactEnvelope.Open(file, Kind, out var version,
            (ModelArtifact.Kind.Magic, "This is an intent model file, not a span tagger (train one with 'specialist train extract')."));
        try
        {
            return ReadPayload(payload, version, featurizer);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or OverflowException or NotSupportedException)
        {
            throw new ModelFormatException($"Tagger file content is inconsistent: {ex.Message}", ex);
        }
    }

    private static SpanTagger ReadPayload(ReadOnlySpan<byte> payload, int version, ITaggerFeaturizer? featurizer)
    {
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(payload);
        if (headerLength <= 0 || headerLength > payload.Length - 4)
        {
            throw new ModelFormatException("Tagger file content is inconsistent: the header length is out of range.");
        }
        var header = JsonSerializer.Deserialize<Header>(payload.Slice(4, headerLength))
            ?? throw new ModelFormatException("Tagger file content is inconsistent: the header is empty.");
        if (header.Task != Task || header.TagScheme != "BIO" || header.Labels is not { Length: > 0 } || header.Rows < 0)
        {
            throw new ModelFormatException("Tagger file content is inconsistent: task, tag scheme, labels or rows are missing or unknown.");
        }
        if (!TaggerFeatures.IsSupported(header.FeatureVersion))
        {
            throw new ModelFormatException($"Incompatible tagger: it was trained with feature version {header.FeatureVersion}, this build computes versions 1 to {TaggerFeatures.Version}; retrain it.");
        }
        // A slot tagger's file names no feature set (its feature version says which slot features); any other tagger
        // names its own, and only a reader computing exactly those may load it.
        var features = header.FeatureSet is null && featurizer is null or SlotTaggerFeaturizer
            ? SlotTaggerFeaturizer.For(header.FeatureVersion)
            : featurizer;
        var featureSet = header.FeatureSet ?? SlotTaggerFeaturizer.For(header.FeatureVersion).FeatureSet;
        if (features is null || featureSet != features.FeatureSet)
        {
            throw new ModelFormatException($"Incompatible tagger: it was trained with feature set '{featureSet}', this reader computes '{features?.FeatureSet ?? SlotTaggerFeaturizer.Instance.FeatureSet}'; retrain it or load it with its own features.");
        }
        var tags = 2 * header.Labels.Length + 1;
        var needed = 4L + headerLength + header.Rows * 8L + (long)header.Rows * tags * 4 + (tags + 1L) * tags * 4;
        if (needed != payload.Length)
        {
            throw new ModelFormatException("Tagger file content is inconsistent: the weights do not have the size the header declares.");
        }
        var offset = 4 + headerLength;
        var keys = MemoryMarshal.Cast<byte, ulong>(payload.Slice(offset, header.Rows * 8)).ToArray();
        offset += header.Rows * 8;
        var weights = MemoryMarshal.Cast<byte, float>(payload.Slice(offset, header.Rows * tags * 4)).ToArray();
        offset += header.Rows * tags * 4;
        var transitions = MemoryMarshal.Cast<byte, float>(payload.Slice(offset, (tags + 1) * tags * 4)).ToArray();
        if (weights.Any(w => !float.IsFinite(w)) || transitions.Any(w => !float.IsFinite(w)))
        {
            throw new ModelFormatException("Tagger file content is inconsistent: the weights contain non-finite values.");
        }
        var metadata = new SpanTaggerMetadata
        {
            TrainingDataSha256 = header.TrainingDataSha256 ?? "",
            HyperParametersJson = header.HyperParameters?.ToJsonString() ?? "{}",
            Metrics = header.Metrics ?? new SortedDictionary<string, double>(StringComparer.Ordinal),
        };
        SpanEdges? edges = null;
        if (header.SpanEdges is { } stored)
        {
            if (version < 2 || stored.Starts is null || stored.Ends is null || stored.Starts.Concat(stored.Ends).Any(kv => !header.Labels.Contains(kv.Key) || string.IsNullOrEmpty(kv.Value)))
            {
                throw new ModelFormatException("Tagger file content is inconsistent: the span edges name unknown slots or are incomplete.");
            }
            edges = new SpanEdges(stored.Starts, stored.Ends);
        }
        return new SpanTagger(header.Labels, keys, weights, transitions, metadata, features, edges);
    }

    /// <summary>Writes DIR/tagger.bin and the readable DIR/tagger.json manifest; <paramref name="extra"/> goes to the manifest only.</summary>
    public static string Save(SpanTagger model, string directory, IReadOnlyDictionary<string, object?>? extra = null)
    {
        Directory.CreateDirectory(directory);
        var bytes = Serialize(model);
        var path = Path.Combine(directory, ModelFileName);
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
        var manifest = new JsonObject
        {
            ["format"] = "specialist-span-tagger",
            ["formatVersion"] = FormatVersion,
            ["task"] = Task,
            ["modelFile"] = ModelFileName,
            ["modelSha256"] = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            ["modelBytes"] = bytes.Length,
            ["labels"] = new JsonArray(model.Labels.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray()),
            ["tagScheme"] = "BIO",
            ["featureVersion"] = model.FeatureVersion,
            ["featureSet"] = model.Featurizer.FeatureSet,
            ["featureRows"] = model.Keys.Length,
            ["spanEdges"] = model.Edges is { } spanEdges ? JsonSerializer.SerializeToNode(new { starts = spanEdges.Starts, ends = spanEdges.Ends }) : null,
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
        File.WriteAllText(Path.Combine(directory, ManifestFileName), manifest.ToJsonString(JsonOptions) + "\n", new UTF8Encoding(false));
        return path;
    }

    /// <summary>Loads DIR/tagger.bin (or the file itself when a file path is given); see <see cref="Deserialize"/> for <paramref name="featurizer"/>.</summary>
    public static SpanTagger Load(string path, ITaggerFeaturizer? featurizer = null)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, ModelFileName) : path;
        if (!File.Exists(file))
        {
            throw new ModelFormatException($"No span tagger found at '{path}' (expected a directory holding {ModelFileName}, or the file itself).");
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (IOException ex)
        {
            throw new ModelFormatException($"Cannot read tagger file '{file}': {ex.Message}", ex);
        }
        return Deserialize(bytes, featurizer);
    }

    private sealed class Header
    {
        public string? Task { get; set; }
        public string[]? Labels { get; set; }
        public string? TagScheme { get; set; }
        public int FeatureVersion { get; set; }
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
        public string? FeatureSet { get; set; }
        public int Rows { get; set; }
        public EdgesHeader? SpanEdges { get; set; }
        public string? TrainingDataSha256 { get; set; }
        public JsonNode? HyperParameters { get; set; }
        public SortedDictionary<string, double>? Metrics { get; set; }
    }

    private sealed class EdgesHeader
    {
        public SortedDictionary<string, string>? Starts { get; set; }
        public SortedDictionary<string, string>? Ends { get; set; }
    }
}
