using System.Collections.Concurrent;
using System.Runtime.InteropServices;
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

    /// <summary>A word (its one cached string), its facts and the scores it adds to the position at each offset from it (offset k at (k + Reach) x tags).</summary>
    public sealed record WordScores(string Text, EntityTokenFacts Facts, double[] Scores);

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
            row.Clear();
            for (var k = -EntityFeatures.Reach; k <= EntityFeatures.Reach; k++)
            {
                var word = t + k < 0 ? _beforeStart : t + k >= n ? _afterEnd : words[t + k];
                var scores = word.Scores.AsSpan((k + EntityFeatures.Reach) * _tags, _tags);
                for (var y = 0; y < row.Length; y++)
                    row[y] += scores[y];
            }
            keys.Clear();
            var current = words[t].Facts;
            EntityFeatures.AddPositionKeys(t == 0 || EntityFeatures.LineBreakBetween(text, tokens[t - 1].End, tokens[t].Start), t == 0, current.Class, keys);
            EntityFeatures.AddPairKeys(t > 0 ? words[t - 1].Facts : EntityTokenFacts.BeforeStart, current,
                t + 1 < n ? words[t + 1].Facts : EntityTokenFacts.AfterEnd, keys);
            _tagger.AddWeights(CollectionsMarshal.AsSpan(keys), row);
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
        return new WordScores(token, facts, scores);
    }
}
