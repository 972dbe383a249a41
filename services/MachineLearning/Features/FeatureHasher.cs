using System.Runtime.CompilerServices;
using SpecialistPlatform.MachineLearning.Text;

namespace SpecialistPlatform.MachineLearning.Features;

/// <summary>
/// Turns text into a hashed sparse vector of word uni/bi-grams and within-word character n-grams.
/// The hash is a fixed function of the characters (never string.GetHashCode, which is randomised per
/// process), so a model trained today maps text to the same buckets in any later process.
/// </summary>
public sealed class FeatureHasher
{
    private const ulong UnigramSeed = 0x9E3779B97F4A7C15UL;
    private const ulong BigramSeed = 0xC2B2AE3D27D4EB4FUL;
    private const ulong CharSeed = 0x165667B19E3779F9UL;
    private const string SentenceStart = "\u0002";
    private const string SentenceEnd = "\u0003";

    private readonly FeatureOptions _options;
    private readonly int _mask;

    public FeatureHasher(FeatureOptions options)
    {
        options.Validate();
        _options = options;
        _mask = (1 << options.HashBits) - 1;
    }

    public FeatureOptions Options => _options;

    public int Dimension => _mask + 1;

    public SparseVector Transform(string text)
    {
        var normalized = TextNormalizer.Normalize(text, _options.FoldDiacritics);
        var tokens = TextNormalizer.Tokenize(normalized);

        var words = new Dictionary<int, float>();
        if (_options.WordUnigrams)
        {
            foreach (var token in tokens)
            {
                Add(words, Hash(token, UnigramSeed));
            }
        }
        if (_options.WordBigrams)
        {
            var previous = SentenceStart;
            foreach (var token in tokens)
            {
                Add(words, Combine(Hash(previous, BigramSeed), Hash(token, BigramSeed)));
                previous = token;
            }
            if (tokens.Count > 0)
            {
                Add(words, Combine(Hash(previous, BigramSeed), Hash(SentenceEnd, BigramSeed)));
            }
        }

        var chars = new Dictionary<int, float>();
        if (_options.CharNgramMin > 0)
        {
            foreach (var token in tokens)
            {
                var padded = "<" + token + ">";
                for (var n = _options.CharNgramMin; n <= _options.CharNgramMax; n++)
                {
                    for (var start = 0; start + n <= padded.Length; start++)
                    {
                        // Skip n-grams that are just the boundary markers around a one-letter word.
                        if (n == padded.Length && n <= 2)
                        {
                            continue;
                        }
                        Add(chars, Hash(padded.AsSpan(start, n), CharSeed));
                    }
                }
            }
        }

        return Merge(words, _options.WordWeight, chars, _options.CharWeight);
    }

    private void Add(Dictionary<int, float> counts, ulong hash)
    {
        var bucket = (int)(hash & (ulong)_mask);
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, bucket, out _);
        slot += 1f;
    }

    private SparseVector Merge(Dictionary<int, float> words, float wordWeight, Dictionary<int, float> chars, float charWeight)
    {
        var merged = new SortedDictionary<int, float>();
        AddBlock(merged, words, wordWeight);
        AddBlock(merged, chars, charWeight);
        var indices = new int[merged.Count];
        var values = new float[merged.Count];
        var i = 0;
        foreach (var (key, value) in merged)
        {
            indices[i] = key;
            values[i] = value;
            i++;
        }
        return new SparseVector(indices, values);
    }

    private void AddBlock(SortedDictionary<int, float> target, Dictionary<int, float> block, float weight)
    {
        if (block.Count == 0 || weight == 0f)
        {
            return;
        }
        // Sum of squares in a fixed (sorted) order so the norm is bit-identical run to run.
        var keys = block.Keys.ToArray();
        Array.Sort(keys);
        var sumSquares = 0.0;
        foreach (var key in keys)
        {
            var v = Scale(block[key]);
            sumSquares += v * v;
        }
        var factor = weight / Math.Sqrt(sumSquares);
        foreach (var key in keys)
        {
            var v = (float)(Scale(block[key]) * factor);
            target[key] = target.TryGetValue(key, out var existing) ? existing + v : v;
        }
    }

    private double Scale(float count) => _options.SublinearTf ? 1.0 + Math.Log(count) : count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ReadOnlySpan<char> text, ulong seed)
    {
        // FNV-1a over UTF-16 code units, finished with the MurmurHash3 64-bit mixer.
        var h = 14695981039346656037UL ^ seed;
        foreach (var c in text)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return Mix(h);
    }

    private static ulong Combine(ulong a, ulong b) => Mix(a * 31UL + b + 0x632BE59BD9B4E019UL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mix(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }
}
