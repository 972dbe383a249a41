using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.Compliance.Detection.Tagging;

/// <summary>
/// The entity tagger's emission scores from partial sums cached per word. Of a token's ~45 features all but at most
/// eight (five that read two or three neighbouring tokens, three that read the position) read one token only
/// (itself, or a neighbour up to <see cref="EntityFeatures.Reach"/> away), so the weights they add depend on that
/// word and its offset alone: each distinct word's sums for offsets -2..+2 are computed once, and a position's
/// emission is five such sums plus the few features that read several tokens or the position. The
/// scores equal adding every key's weights (up to the order of floating-point additions) at a fraction of the
/// table lookups, which were most of the tagger's time.
/// Of the features that read several tokens, three read at most one word: the class trigram (classes only) and
/// the two word-class pairs (a neighbour's word with this token's class). Classes take few distinct values, so
/// the weight rows of those keys are cached too: the trigram's by the three class indexes, each pair's on the
/// neighbour's word by this token's class index. They are added after the other keys, in the order of
/// <see cref="EntityFeatures.AddPairKeys"/>, each weight converted to double as the table adds it, so the scores are
/// bit for bit those of looking every key up.
/// </summary>
internal sealed class EntityEmissions
{
    /// <summary>Words kept before the cache starts over: bounds memory on text with endless distinct tokens (IDs, hashes).</summary>
    internal const int MaxCachedWords = 1 << 15;

    private const int Offsets = 2 * EntityFeatures.Reach + 1;

    private readonly SpanTagger _tagger;
    private readonly EntityFeatures _features;
    private readonly int _tags;
    private readonly ConcurrentDictionary<string, WordScores> _words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WordScores>.AlternateLookup<ReadOnlySpan<char>> _wordsBySpan;
    private readonly WordScores _beforeStart;
    private readonly WordScores _afterEnd;
    private int _cachedWords;

    /// <summary>
    /// Classes with a cache index (the first this many seen: letter-case classes, digit runs by length, the sequence
    /// boundaries and the commonest symbols); tokens of any other class look their pair keys up directly. Two bits per
    /// index fit a word's pair cache state in one <see cref="ulong"/>.
    /// </summary>
    internal const int CachedClasses = 32;

    private readonly ConcurrentDictionary<ulong, int> _classIndexes = new();
    private int _indexedClasses;

    /// <summary>Weight rows of the class trigram by (previous, current, next) class index: null not yet looked up, <see cref="NoWeights"/> for a key the model lacks.</summary>
    private readonly float[]?[] _trigrams = new float[CachedClasses * CachedClasses * CachedClasses][];

    private static readonly float[] NoWeights = [];

    [ThreadStatic]
    private static List<ulong>? t_keys;

    public EntityEmissions(SpanTagger tagger)
    {
        _tagger = tagger;
        _features = tagger.Featurizer as EntityFeatures
            ?? throw new ArgumentException($"The model was trained with the feature set '{tagger.Featurizer.FeatureSet}', not the entity features.", nameof(tagger));
        _tags = tagger.TagCount;
        _wordsBySpan = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _beforeStart = Compute("", EntityTokenFacts.BeforeStart);
        _afterEnd = Compute("", EntityTokenFacts.AfterEnd);
    }

    /// <summary>
    /// A word (its one cached string), its facts, the scores it adds to the position at each offset from it (offset k
    /// at (k + Reach) x tags), its class's cache index (-1 without one), and the weight rows of the word-class pair keys
    /// it forms as a neighbour, filled as positions need them.
    /// </summary>
    public sealed class WordScores(string text, EntityTokenFacts facts, double[] scores, int classIndex)
    {
        public string Text { get; } = text;

        internal EntityTokenFacts Facts { get; } = facts;

        public double[] Scores { get; } = scores;

        internal int ClassIndex { get; } = classIndex;

        /// <summary>
        /// As the previous token of a position of class index c, bits 2c..2c+1: 0 not looked up yet, 1 the model has no
        /// weights for (this word, that class), 3 they are in <see cref="AsPreviousRows"/>[c]. One word, published at
        /// once, so no reader sees "looked up" without "has weights".
        /// </summary>
        internal ulong AsPreviousState;

        internal float[]?[]? AsPreviousRows;

        /// <summary>The same as the next token of a position (the class-word key), rows in <see cref="AsNextRows"/>.</summary>
        internal ulong AsNextState;

        internal float[]?[]? AsNextRows;
    }

    /// <summary>The cached scores of a token's word, computed on first sight.</summary>
    public WordScores Lookup(ReadOnlySpan<char> token)
    {
        if (_wordsBySpan.TryGetValue(token, out var known))
            return known;
        var text = token.ToString();
        var computed = Compute(text, _features.Facts(token));
        if (Interlocked.Increment(ref _cachedWords) > MaxCachedWords)
        {
            // Racing threads may each clear once; the bound only has to hold roughly.
            _words.Clear();
            Interlocked.Exchange(ref _cachedWords, 0);
        }
        _words.TryAdd(text, computed);
        return computed;
    }

    /// <summary>
    /// Emission scores of <paramref name="tokens"/> tagged as a sequence of their own (the first token starts it,
    /// neighbours beyond either end read as the boundary), given each token's <see cref="Lookup"/>.
    /// </summary>
    public void Score(string text, ReadOnlySpan<SpanToken> tokens, ReadOnlySpan<WordScores> words, Span<double> emissions)
    {
        var n = tokens.Length;
        var keys = t_keys ??= new List<ulong>(16);
        for (var t = 0; t < n; t++)
        {
            var row = emissions.Slice(t * _tags, _tags);
            SumWordScores(
                (t < 2 ? _beforeStart : words[t - 2]).Scores.AsSpan(0, _tags),
                (t < 1 ? _beforeStart : words[t - 1]).Scores.AsSpan(_tags, _tags),
                words[t].Scores.AsSpan(2 * _tags, _tags),
                (t + 1 >= n ? _afterEnd : words[t + 1]).Scores.AsSpan(3 * _tags, _tags),
                (t + 2 >= n ? _afterEnd : words[t + 2]).Scores.AsSpan(4 * _tags, _tags),
                row);
            keys.Clear();
            var current = words[t];
            var previous = t > 0 ? words[t - 1] : _beforeStart;
            var next = t + 1 < n ? words[t + 1] : _afterEnd;
            EntityFeatures.AddPositionKeys(t == 0 || EntityFeatures.LineBreakBetween(text, tokens[t - 1].End, tokens[t].Start), t == 0, current.Facts.Class, keys);
            // The keys of EntityFeatures.AddPairKeys, in its order: the word bigrams looked up (word pairs are mostly
            // new), then the class trigram and the two word-class pairs from their caches.
            EntityFeatures.AddWordPairKeys(previous.Facts, current.Facts, next.Facts, keys);
            _tagger.AddWeights(CollectionsMarshal.AsSpan(keys), row);
            Add(Trigram(previous, current, next), row);
            Add(WordClass(previous, current), row);
            Add(ClassWord(current, next), row);
        }
    }

    /// <summary>
    /// row = 0 + a + b + c + d + e per tag, left to right: the sums at offsets -2..+2 as the loop that cleared the row
    /// and added them one offset at a time did, four tags per vector instruction. Each lane does the same IEEE additions
    /// in the same order as the scalar code, so the result is bit for bit the same.
    /// </summary>
    private static void SumWordScores(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, ReadOnlySpan<double> d,
        ReadOnlySpan<double> e, Span<double> row)
    {
        var y = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; y + Vector256<double>.Count <= row.Length; y += Vector256<double>.Count)
            {
                var sum = Vector256<double>.Zero + Vector256.Create(a.Slice(y, Vector256<double>.Count));
                sum += Vector256.Create(b.Slice(y, Vector256<double>.Count));
                sum += Vector256.Create(c.Slice(y, Vector256<double>.Count));
                sum += Vector256.Create(d.Slice(y, Vector256<double>.Count));
                sum += Vector256.Create(e.Slice(y, Vector256<double>.Count));
                sum.CopyTo(row.Slice(y, Vector256<double>.Count));
            }
        }
        for (; y < row.Length; y++)
            row[y] = 0.0 + a[y] + b[y] + c[y] + d[y] + e[y];
    }

    /// <summary>Adds a cached weight row as <see cref="SpanTagger.AddWeights"/> does: each float converted to double (exact), in tag order.</summary>
    private static void Add(float[]? weights, Span<double> row)
    {
        if (weights is null)
            return;
        var y = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; y + Vector256<float>.Count <= row.Length; y += Vector256<float>.Count)
            {
                var (lower, upper) = Vector256.Widen(Vector256.Create(weights.AsSpan(y, Vector256<float>.Count)));
                (Vector256.Create(row.Slice(y, Vector256<double>.Count)) + lower).CopyTo(row.Slice(y, Vector256<double>.Count));
                (Vector256.Create(row.Slice(y + Vector256<double>.Count, Vector256<double>.Count)) + upper).CopyTo(row.Slice(y + Vector256<double>.Count, Vector256<double>.Count));
            }
        }
        for (; y < row.Length; y++)
            row[y] += weights[y];
    }

    /// <summary>The class trigram's weights (null when the model has none).</summary>
    internal float[]? Trigram(WordScores previous, WordScores current, WordScores next)
    {
        if ((previous.ClassIndex | current.ClassIndex | next.ClassIndex) < 0)
            return _tagger.WeightsOf(EntityFeatures.ClassTrigramKey(previous.Facts.Class, current.Facts.Class, next.Facts.Class));
        ref var slot = ref _trigrams[(previous.ClassIndex * CachedClasses + current.ClassIndex) * CachedClasses + next.ClassIndex];
        var weights = Volatile.Read(ref slot);
        if (weights is null)
        {
            // Racing threads compute the same row; either copy may stay.
            weights = _tagger.WeightsOf(EntityFeatures.ClassTrigramKey(previous.Facts.Class, current.Facts.Class, next.Facts.Class)) ?? NoWeights;
            Volatile.Write(ref slot, weights);
        }
        return weights.Length == 0 ? null : weights;
    }

    /// <summary>The weights of the previous token's word with the current token's class (null when the model has none).</summary>
    internal float[]? WordClass(WordScores previous, WordScores current)
    {
        var c = current.ClassIndex;
        if (c < 0)
            return _tagger.WeightsOf(EntityFeatures.WordClassKey(previous.Facts.Word, current.Facts.Class));
        return Cached(ref previous.AsPreviousState, ref previous.AsPreviousRows, c, previous.Facts.Word, current.Facts.Class, static (word, cls) => EntityFeatures.WordClassKey(word, cls));
    }

    /// <summary>The weights of the current token's class with the next token's word (null when the model has none).</summary>
    internal float[]? ClassWord(WordScores current, WordScores next)
    {
        var c = current.ClassIndex;
        if (c < 0)
            return _tagger.WeightsOf(EntityFeatures.ClassWordKey(current.Facts.Class, next.Facts.Word));
        return Cached(ref next.AsNextState, ref next.AsNextRows, c, next.Facts.Word, current.Facts.Class, static (word, cls) => EntityFeatures.ClassWordKey(cls, word));
    }

    private float[]? Cached(ref ulong state, ref float[]?[]? rows, int classIndex, ulong word, ulong cls, Func<ulong, ulong, ulong> key)
    {
        var shift = 2 * classIndex;
        switch ((Volatile.Read(ref state) >> shift) & 3)
        {
            case 1:
                return null;
            case 3:
                // The row was stored before the state bits that say so (Interlocked.Or is a full fence).
                return Volatile.Read(ref rows)![classIndex];
        }
        var weights = _tagger.WeightsOf(key(word, cls));
        if (weights is null)
        {
            Interlocked.Or(ref state, 1UL << shift);
            return null;
        }
        if (Volatile.Read(ref rows) is null)
            Interlocked.CompareExchange(ref rows, new float[]?[CachedClasses], null);
        Volatile.Write(ref rows![classIndex], weights);
        Interlocked.Or(ref state, 3UL << shift);
        return weights;
    }

    /// <summary>The cache index of a class: the first <see cref="CachedClasses"/> distinct classes get one, later ones -1.</summary>
    private int ClassIndex(ulong cls)
    {
        if (_classIndexes.TryGetValue(cls, out var index))
            return index;
        lock (_classIndexes)
        {
            if (_classIndexes.TryGetValue(cls, out index))
                return index;
            index = _indexedClasses < CachedClasses ? _indexedClasses++ : -1;
            _classIndexes[cls] = index;
            return index;
        }
    }

    /// <summary>The scores a word adds at each offset; the own-token part (offset 0) only for a real token, not the boundaries ("").</summary>
    private WordScores Compute(string token, EntityTokenFacts facts)
    {
        var scores = new double[Offsets * _tags];
        var keys = new List<ulong>(32);
        for (var k = -EntityFeatures.Reach; k <= EntityFeatures.Reach; k++)
        {
            keys.Clear();
            if (k != 0)
                EntityFeatures.AddNeighbourKeys(k, facts, keys);
            else if (token.Length > 0)
                EntityFeatures.AddOwnKeys(token, facts, keys);
            _tagger.AddWeights(CollectionsMarshal.AsSpan(keys), scores.AsSpan((k + EntityFeatures.Reach) * _tags, _tags));
        }
        return new WordScores(token, facts, scores, ClassIndex(facts.Class));
    }
}
