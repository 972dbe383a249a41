using System.Runtime.CompilerServices;
using SpecialistPlatform.MachineLearning.Text;

namespace SpecialistPlatform.MachineLearning.Features;

/// <summary>
/// Turns text into hashed word n-grams and character n-grams, counted per bucket. The hash is a fixed
/// function of the characters (never string.GetHashCode, which is randomised per process), so a model
/// trained today maps text to the same buckets in any later process.
/// </summary>
public sealed class FeatureHasher
{
    private const ulong UnigramSeed = 0x9E3779B97F4A7C15UL;
    private const ulong BigramSeed = 0xC2B2AE3D27D4EB4FUL;
    private const ulong TrigramSeed = 0x27D4EB2F165667C5UL;
    private const ulong CharSeed = 0x165667B19E3779F9UL;
    private const string SentenceStart = "\u0002";
    private const string SentenceEnd = "\u0003";

    [ThreadStatic] private static char[]? t_padded;
    [ThreadStatic] private static string? t_lastText;
    [ThreadStatic] private static bool t_lastFold;
    [ThreadStatic] private static List<string>? t_lastTokens;

    private readonly FeatureOptions _options;
    private readonly int _mask;

    public FeatureHasher(FeatureOptions options)
    {
        options.Validate();
        _options = options;
        _mask = (1 << options.HashBits) - 1;
        // Everything each block's buckets depend on: members with equal keys produce equal blocks.
        _wordKey = options.WordUnigrams || options.WordBigrams || options.WordTrigrams
            ? (options.HashBits, options.FoldDiacritics, options.WordUnigrams, options.WordBigrams, options.WordTrigrams)
            : null;
        _charKey = options.CharNgramMin > 0
            ? (options.HashBits, options.FoldDiacritics, options.CharNgramMin, options.CharNgramMax, options.CharNgramsAcrossWords)
            : null;
    }

    private readonly object? _wordKey;
    private readonly object? _charKey;

    /// <summary>Whether the word block has any features.</summary>
    public bool UsesWords => _wordKey is not null;

    /// <summary>Whether the character block has any features.</summary>
    public bool UsesChars => _charKey is not null;

    public FeatureOptions Options => _options;

    public int Dimension => _mask + 1;

    /// <summary>
    /// The text as a bucket-space vector without any corpus statistics: each block (words, characters)
    /// weighted by (1 + ln tf) or tf, L2-normalised and scaled by its block weight; buckets in both blocks add.
    /// </summary>
    public SparseVector Transform(string text)
    {
        var words = new BucketCounter();
        var chars = new BucketCounter();
        Extract(text, words, chars);
        var merged = new SortedDictionary<int, float>();
        if (UsesWords)
        {
            AddBlock(merged, words, _options.WordWeight);
        }
        if (UsesChars)
        {
            AddBlock(merged, chars, _options.CharWeight);
        }
        return new SparseVector(merged.Keys.ToArray(), merged.Values.ToArray());
    }

    private void AddBlock(SortedDictionary<int, float> target, BucketCounter block, float weight)
    {
        if (block.Count == 0 || weight == 0f)
        {
            return;
        }
        var sumSquares = 0.0;
        for (var i = 0; i < block.Count; i++)
        {
            var v = FeatureSpace.Tf(block.Counts[i], _options.SublinearTf);
            sumSquares += v * v;
        }
        var factor = weight / Math.Sqrt(sumSquares);
        for (var i = 0; i < block.Count; i++)
        {
            var v = (float)(FeatureSpace.Tf(block.Counts[i], _options.SublinearTf) * factor);
            target[block.Keys[i]] = target.TryGetValue(block.Keys[i], out var existing) ? existing + v : v;
        }
    }

    /// <summary>
    /// Counts the word-block and character-block buckets of a text. A counter is left untouched when its
    /// block is disabled (<see cref="UsesWords"/>, <see cref="UsesChars"/>; callers then ignore it) or
    /// already holds this text's block for the same settings: the members of an ensemble featurise the
    /// same string one after another, and strings are immutable.
    /// </summary>
    internal void Extract(string text, BucketCounter words, BucketCounter chars)
    {
        var needWords = _wordKey is not null && !words.Holds(text, _wordKey);
        var needChars = _charKey is not null && !chars.Holds(text, _charKey);
        if (!needWords && !needChars)
        {
            return;
        }
        var tokens = Tokens(text, _options.FoldDiacritics);
        if (needWords)
        {
            words.Clear();
            AddWordNgrams(words, tokens);
            words.Label(text, _wordKey!);
        }
        if (needChars)
        {
            chars.Clear();
            AddCharNgrams(chars, tokens);
            chars.Label(text, _charKey!);
        }
    }

    private void AddWordNgrams(BucketCounter words, List<string> tokens)
    {
        if (_options.WordUnigrams)
        {
            foreach (var token in tokens)
            {
                words.Add(Bucket(Hash(token, UnigramSeed)));
            }
        }
        if (_options.WordBigrams && tokens.Count > 0)
        {
            var previous = Hash(SentenceStart, BigramSeed);
            foreach (var token in tokens)
            {
                var current = Hash(token, BigramSeed);
                words.Add(Bucket(Combine(previous, current)));
                previous = current;
            }
            words.Add(Bucket(Combine(previous, Hash(SentenceEnd, BigramSeed))));
        }
        if (_options.WordTrigrams && tokens.Count > 0)
        {
            var a = Hash(SentenceStart, TrigramSeed);
            var b = Hash(tokens[0], TrigramSeed);
            for (var i = 1; i <= tokens.Count; i++)
            {
                var c = Hash(i < tokens.Count ? tokens[i] : SentenceEnd, TrigramSeed);
                words.Add(Bucket(Combine(Combine(a, b), c)));
                a = b;
                b = c;
            }
        }

    }

    private void AddCharNgrams(BucketCounter chars, List<string> tokens)
    {
        if (tokens.Count > 0)
        {
            var buffer = t_padded ??= new char[256];
            if (_options.CharNgramsAcrossWords)
            {
                // Over the whole sentence with single spaces: n-grams may span a word boundary.
                var length = 1 + tokens.Sum(t => t.Length + 1);
                buffer = length <= buffer.Length ? buffer : t_padded = new char[length * 2];
                buffer[0] = ' ';
                var at = 1;
                foreach (var token in tokens)
                {
                    token.CopyTo(buffer.AsSpan(at));
                    at += token.Length;
                    buffer[at++] = ' ';
                }
                AddCharNgrams(chars, buffer.AsSpan(0, at));
            }
            else
            {
                foreach (var token in tokens)
                {
                    buffer = token.Length + 2 <= buffer.Length ? buffer : t_padded = new char[(token.Length + 2) * 2];
                    buffer[0] = '<';
                    token.CopyTo(buffer.AsSpan(1));
                    buffer[token.Length + 1] = '>';
                    AddCharNgrams(chars, buffer.AsSpan(0, token.Length + 2));
                }
            }
        }
    }

    /// <summary>
    /// The tokens of a text, remembered for the last text seen on this thread: the members of an
    /// ensemble featurise the same string one after another, and strings are immutable.
    /// </summary>
    private static List<string> Tokens(string text, bool foldDiacritics)
    {
        if (ReferenceEquals(text, t_lastText) && foldDiacritics == t_lastFold && t_lastTokens is { } cached)
        {
            return cached;
        }
        var tokens = TextNormalizer.Tokenize(TextNormalizer.Normalize(text, foldDiacritics));
        t_lastText = text;
        t_lastFold = foldDiacritics;
        t_lastTokens = tokens;
        return tokens;
    }

    private void AddCharNgrams(BucketCounter chars, ReadOnlySpan<char> padded)
    {
        for (var n = _options.CharNgramMin; n <= _options.CharNgramMax; n++)
        {
            for (var start = 0; start + n <= padded.Length; start++)
            {
                // Skip n-grams that are just the boundary markers around a one-letter word.
                if (n == padded.Length && n <= 2)
                {
                    continue;
                }
                chars.Add(Bucket(Hash(padded.Slice(start, n), CharSeed)));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Bucket(ulong hash) => (int)(hash & (ulong)_mask);

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
