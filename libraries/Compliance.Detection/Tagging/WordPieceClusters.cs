using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Globalization;
using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Encoders;

namespace SpecialistPlatform.Compliance.Detection.Tagging;

/// <summary>
/// Clusters of the pretrained encoder's word pieces, used by the entity tagger like Brown clusters in classic NER:
/// words the encoder saw in similar company (given names, cities, weekdays, company words) share a cluster id, so
/// the tagger can generalise from a name it was trained on to one it never saw. Each vocabulary piece of
/// all-MiniLM-L6-v2 is encoded alone once (its mean-pooled vector), the vectors are clustered by spherical k-means
/// with a fixed seed, and the piece → cluster table is cached per machine (<see cref="ModelCache"/>). Tagging needs
/// only that table and a greedy WordPiece split, no encoder run, so it costs a few dictionary lookups per new word.
/// </summary>
public sealed class WordPieceClusters
{
    public const int DefaultClusterCount = 256;
    public const int DefaultSeed = 16;
    private const int Iterations = 12;
    private const int MaxWordCharacters = 48;
    private static readonly byte[] Magic = "WPCL0001"u8.ToArray();

    /// <summary>Environment variable naming the cache folder of the cluster table.</summary>
    public const string CacheVariable = "SPECIALIST_PII_CLUSTER_CACHE";

    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _clusterOfPiece;

    public WordPieceClusters(IReadOnlyDictionary<string, int> clusterOfPiece, int clusterCount)
    {
        ClusterCount = clusterCount;
        var frozen = clusterOfPiece.ToFrozenDictionary(StringComparer.Ordinal);
        _clusterOfPiece = frozen.GetAlternateLookup<ReadOnlySpan<char>>();
        Pieces = frozen;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Serialize(frozen, clusterCount)))[..12];
    }

    public int ClusterCount { get; }

    public IReadOnlyDictionary<string, int> Pieces { get; }

    /// <summary>SHA-256 prefix of the table: part of the tagger's feature set, so a model refuses other clusters.</summary>
    public string Fingerprint { get; }

    /// <summary>
    /// The clusters of a word's first and last word piece (1-based; 0 for the last when the word is one piece), and
    /// how many pieces it took (capped at 4). A word the vocabulary cannot split gets cluster <see cref="ClusterCount"/> + 1.
    /// </summary>
    public (ulong First, ulong Last, ulong Pieces) Lookup(ReadOnlySpan<char> lowerWord)
    {
        Span<char> folded = stackalloc char[MaxWordCharacters];
        var word = Fold(lowerWord, folded);
        if (word.Length == 0)
            return ((ulong)ClusterCount + 1, 0, 0);
        // Continuation pieces are looked up as "##" + the rest, built here.
        Span<char> continuation = stackalloc char[MaxWordCharacters + 2];
        continuation[0] = '#';
        continuation[1] = '#';
        ulong first = 0, last = 0, pieces = 0;
        var start = 0;
        while (start < word.Length)
        {
            var found = -1;
            var end = word.Length;
            for (; end > start; end--)
            {
                scoped ReadOnlySpan<char> candidate;
                if (start == 0)
                {
                    candidate = word[..end];
                }
                else
                {
                    word[start..end].CopyTo(continuation[2..]);
                    candidate = continuation[..(end - start + 2)];
                }
                if (_clusterOfPiece.TryGetValue(candidate, out found))
                    break;
                found = -1;
            }
            if (found < 0)
                return ((ulong)ClusterCount + 1, 0, 0);
            if (pieces == 0)
                first = (ulong)found + 1;
            else
                last = (ulong)found + 1;
            pieces++;
            start = end;
        }
        return (first, last, Math.Min(pieces, 4));
    }

    /// <summary>As the encoder's tokenizer reads a word: lower case without combining marks (ł and ø stay), cut to <see cref="MaxWordCharacters"/>.</summary>
    private static ReadOnlySpan<char> Fold(ReadOnlySpan<char> lowerWord, Span<char> into)
    {
        var length = 0;
        var ascii = true;
        foreach (var c in lowerWord)
            ascii &= c < 128;
        if (ascii)
        {
            length = Math.Min(lowerWord.Length, MaxWordCharacters);
            lowerWord[..length].CopyTo(into);
            return into[..length];
        }
        foreach (var c in lowerWord.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (length == MaxWordCharacters)
                break;
            into[length++] = c;
        }
        return into[..length];
    }

    /// <summary>The table of this machine's cache, built from the encoder at first use (about a minute on two cores).</summary>
    public static WordPieceClusters Default => Shared.Value;

    private static readonly Lazy<WordPieceClusters> Shared = new(() => LoadOrBuild(ModelCache.Root(null, CacheVariable, "pii-clusters")));

    public static WordPieceClusters LoadOrBuild(string cacheRoot, TextWriter? log = null)
    {
        // Keyed on the encoder package file's length, not its hash: hashing 90 MB at every start would cost more than
        // the tagger itself, and the package version is pinned, so another encoder means another file.
        var encoderFile = new FileInfo(Path.Combine(AppContext.BaseDirectory, MiniLmSentenceEncoder.RelativeAssemblyPath));
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"encoder={MiniLmSentenceEncoder.EncoderName}:{(encoderFile.Exists ? encoderFile.Length : 0)};k={DefaultClusterCount};seed={DefaultSeed};iterations={Iterations};magic={Encoding.ASCII.GetString(Magic)}")))[..16];
        var (_, clusters, _) = ModelCache.ReadOrTrain(Path.Combine(cacheRoot, key), Read,
            () =>
            {
                var built = Build(MiniLmSentenceEncoder.Shared, DefaultClusterCount, DefaultSeed);
                return (Serialize(built.Pieces, built.ClusterCount), built);
            },
            e => log?.WriteLine($"Cached word-piece clusters are unusable ({e.Message}); rebuilding."));
        return clusters;
    }

    /// <summary>Encodes every ordinary vocabulary piece alone and clusters the vectors (spherical k-means, k-means++ start, fixed seed).</summary>
    public static WordPieceClusters Build(MiniLmSentenceEncoder encoder, int clusterCount, int seed)
    {
        var pieces = encoder.Vocabulary.Where(p => !(p.StartsWith('[') && p.EndsWith(']'))).Distinct(StringComparer.Ordinal).ToArray();
        // A continuation piece ("##ska") is encoded as its letters alone: the encoder has no way to read a bare "##" piece.
        var surfaces = pieces.Select(p => p.StartsWith("##", StringComparison.Ordinal) && p.Length > 2 ? p[2..] : p).ToArray();
        var vectors = encoder.Encode(surfaces);
        var assignment = KMeans(vectors, clusterCount, seed);
        var table = new Dictionary<string, int>(pieces.Length, StringComparer.Ordinal);
        for (var i = 0; i < pieces.Length; i++)
            table[pieces[i]] = assignment[i];
        return new WordPieceClusters(table, clusterCount);
    }

    internal static int[] KMeans(float[][] vectors, int k, int seed)
    {
        var random = new Random(seed);
        var dimension = vectors[0].Length;
        var centroids = new float[k][];
        // k-means++ on cosine distance (vectors are unit length).
        centroids[0] = (float[])vectors[random.Next(vectors.Length)].Clone();
        var nearest = new double[vectors.Length];
        Array.Fill(nearest, double.MaxValue);
        for (var c = 1; c < k; c++)
        {
            var total = 0.0;
            for (var i = 0; i < vectors.Length; i++)
            {
                var distance = Math.Max(0, 1 - TensorPrimitives.Dot(vectors[i], centroids[c - 1]));
                nearest[i] = Math.Min(nearest[i], distance * distance);
                total += nearest[i];
            }
            var target = random.NextDouble() * total;
            var chosen = vectors.Length - 1;
            for (var i = 0; i < vectors.Length; i++)
            {
                target -= nearest[i];
                if (target <= 0)
                {
                    chosen = i;
                    break;
                }
            }
            centroids[c] = (float[])vectors[chosen].Clone();
        }
        var assignment = new int[vectors.Length];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            Parallel.For(0, vectors.Length, i =>
            {
                var best = 0;
                var bestScore = float.MinValue;
                for (var c = 0; c < k; c++)
                {
                    var score = TensorPrimitives.Dot(vectors[i], centroids[c]);
                    if (score > bestScore)
                    {
                        bestScore = score;
                        best = c;
                    }
                }
                assignment[i] = best;
            });
            var sums = new float[k][];
            for (var c = 0; c < k; c++)
                sums[c] = new float[dimension];
            for (var i = 0; i < vectors.Length; i++)
                TensorPrimitives.Add(sums[assignment[i]], vectors[i], sums[assignment[i]]);
            for (var c = 0; c < k; c++)
            {
                var norm = TensorPrimitives.Norm(sums[c]);
                // An emptied cluster keeps its centroid: with a seeded start that happens the same way every run.
                if (norm > 0)
                    centroids[c] = Normalised(sums[c], norm);
            }
        }
        return assignment;
    }

    private static float[] Normalised(float[] sum, float norm)
    {
        var result = new float[sum.Length];
        TensorPrimitives.Divide(sum, norm, result);
        return result;
    }

    /// <summary>Magic, cluster count, piece count, then each piece (UTF-8, length-prefixed) with its cluster, pieces in ordinal order, then a SHA-256 of all before it.</summary>
    public static byte[] Serialize(IReadOnlyDictionary<string, int> pieces, int clusterCount)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(clusterCount);
            writer.Write(pieces.Count);
            foreach (var (piece, cluster) in pieces.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                writer.Write(piece);
                writer.Write((short)cluster);
            }
        }
        var body = stream.ToArray();
        return [.. body, .. SHA256.HashData(body)];
    }

    public static WordPieceClusters Read(byte[] bytes)
    {
        if (bytes.Length < Magic.Length + 8 + 32 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new ModelFormatException("Not a word-piece cluster table.");
        var body = bytes.AsSpan(0, bytes.Length - 32);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
            throw new ModelFormatException("The word-piece cluster table is damaged (checksum mismatch).");
        using var reader = new BinaryReader(new MemoryStream(bytes, Magic.Length, body.Length - Magic.Length), Encoding.UTF8);
        var clusterCount = reader.ReadInt32();
        var count = reader.ReadInt32();
        var table = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var piece = reader.ReadString();
            table[piece] = reader.ReadInt16();
        }
        return new WordPieceClusters(table, clusterCount);
    }
}
