namespace SpecialistPlatform.MachineLearning.Sequence;

/// <summary>Facts stored with a span tagger: training-data hash, hyper-parameters (JSON) and validation metrics.</summary>
public sealed record SpanTaggerMetadata
{
    public string TrainingDataSha256 { get; init; } = "";
    public string HyperParametersJson { get; init; } = "{}";
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new SortedDictionary<string, double>(StringComparer.Ordinal);
}

/// <summary>
/// A trained linear-chain CRF slot tagger over BIO tags. <see cref="Predict"/> is thread-safe: the model is
/// immutable after construction. Each span's confidence is its marginal probability under the CRF (the
/// probability that exactly this span, with this label, is in the tag sequence), not a Viterbi score.
/// </summary>
public sealed class SpanTagger
{
    private readonly FeatureRowTable _rows;
    private readonly bool[] _allowed;
    private readonly double[] _expTransitions;
    private readonly TagNeighbours _neighbours;

    internal SpanTagger(IReadOnlyList<string> labels, ulong[] keys, float[] weights, float[] transitions, SpanTaggerMetadata metadata,
        ITaggerFeaturizer? featurizer = null, SpanEdges? edges = null)
    {
        Featurizer = featurizer ?? SlotTaggerFeaturizer.Instance;
        Edges = edges;
        var tags = 2 * labels.Count + 1;
        if (weights.Length != (long)keys.Length * tags || transitions.Length != (tags + 1) * tags)
        {
            throw new ArgumentException("Weight or transition sizes do not match the labels and feature rows.");
        }
        Labels = labels.ToArray();
        Keys = keys;
        Weights = weights;
        Transitions = transitions;
        Metadata = metadata;
        _rows = new FeatureRowTable(keys, weights, tags);
        _allowed = LinearChainCrf.AllowedMatrix(tags);
        _expTransitions = LinearChainCrf.ExpTransitions(tags, transitions, _allowed);
        _neighbours = TagNeighbours.From(_allowed, tags);
    }

    /// <summary>Slot labels, in tag order (label k has tags B = 2k+1 and I = 2k+2; O is 0).</summary>
    public IReadOnlyList<string> Labels { get; }

    public SpanTaggerMetadata Metadata { get; }

    /// <summary>The features the model was trained with (the slot tagger's unless the trainer was given others).</summary>
    public ITaggerFeaturizer Featurizer { get; }

    /// <summary>The <see cref="TaggerFeatures"/> version of a slot tagger (the current one for other feature sets).</summary>
    public int FeatureVersion => Featurizer is SlotTaggerFeaturizer slots ? slots.Version : TaggerFeatures.Version;

    /// <summary>The punctuation each slot's spans may start or end with; null (models before it existed) trims nothing.</summary>
    public SpanEdges? Edges { get; }

    /// <summary>Number of distinct features with weights (those seen in training).</summary>
    public int FeatureRows => Keys.Length;

    /// <summary>Number of BIO tags: O, then B and I of each label.</summary>
    public int TagCount => 2 * Labels.Count + 1;

    internal ulong[] Keys { get; }

    /// <summary>Row-major: feature row r holds the scores of every tag at [r * T, (r + 1) * T).</summary>
    internal float[] Weights { get; }

    internal float[] Transitions { get; }

    public static string TagName(IReadOnlyList<string> labels, int tag) =>
        tag == 0 ? "O" : ((tag & 1) == 1 ? "B-" : "I-") + labels[(tag - 1) / 2];

    /// <summary>Finds the slot spans in a text; <paramref name="requestedSlots"/> are the slots the system just asked for.</summary>
    public IReadOnlyList<PredictedSpan> Predict(string text, IReadOnlyList<string>? requestedSlots = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = SpanTokenizer.Tokenize(text);
        if (tokens.Count == 0)
        {
            return [];
        }
        var tags = TagCount;
        var n = tokens.Count;
        // Per-thread scratch: tagging is called for every text the platform sees, and fresh arrays per call (and
        // per token) were most of its allocations.
        var scratch = t_scratch ??= new Scratch();
        scratch.Ensure(n, tags);
        scratch.Keys.Clear();
        Featurizer.ExtractInto(text, tokens, requestedSlots ?? [], scratch.Keys, scratch.Ends);
        var emissions = scratch.Emissions.AsSpan(0, n * tags);
        emissions.Clear();
        var keys = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scratch.Keys);
        var from = 0;
        for (var t = 0; t < n; t++)
        {
            AddWeights(keys[from..scratch.Ends[t]], emissions.Slice(t * tags, tags));
            from = scratch.Ends[t];
        }
        return Decode(text, tokens, emissions);
    }

    /// <summary>Adds the weights of the feature <paramref name="keys"/> to <paramref name="scores"/> (one per tag, <see cref="TagCount"/>); keys the model never kept add nothing.</summary>
    public void AddWeights(ReadOnlySpan<ulong> keys, Span<double> scores)
    {
        foreach (var key in keys)
        {
            _rows.Accumulate(key, scores);
        }
    }

    /// <summary>
    /// A copy of the weights one feature key adds to the tag scores (one per tag, <see cref="TagCount"/>), or null for a key
    /// the model never kept: adding them in order to a score row, each converted to double, gives exactly what
    /// <see cref="AddWeights"/> adds for that key, so a caller may cache them for keys it sees again and again.
    /// </summary>
    public float[]? WeightsOf(ulong key)
    {
        var row = _rows.Row(key);
        return row.IsEmpty ? null : row.ToArray();
    }

    /// <summary>
    /// The spans of <paramref name="tokens"/> (offsets into <paramref name="text"/>) given their emission scores
    /// (token t's score of tag y at t * <see cref="TagCount"/> + y): for callers that compute emissions their own way,
    /// such as from partial sums cached per word, instead of through <see cref="Predict"/>'s featurizer.
    /// </summary>
    public IReadOnlyList<PredictedSpan> Decode(string text, IReadOnlyList<SpanToken> tokens, ReadOnlySpan<double> emissions)
    {
        var tags = TagCount;
        var n = tokens.Count;
        if (emissions.Length != n * tags)
        {
            throw new ArgumentException($"Expected {n} x {tags} emission scores, got {emissions.Length}.", nameof(emissions));
        }
        if (n == 0)
        {
            return [];
        }
        var scratch = t_scratch ??= new Scratch();
        scratch.Ensure(n, tags);
        var path = scratch.Path;
        LinearChainCrf.Viterbi(n, tags, emissions, Transitions, _allowed, scratch.Score, scratch.Back, path);
        if (path.AsSpan(0, n).IndexOfAnyExcept(0) < 0)
        {
            // Nothing to score: the marginals are only needed for the confidence of spans.
            return [];
        }
        var psi = scratch.Psi;
        var alpha = scratch.Alpha;
        var beta = scratch.Beta;
        var scales = scratch.Scales;
        LinearChainCrf.ScaledForwardBackward(n, tags, emissions, _expTransitions, _neighbours, psi, alpha, beta, scales);

        var spans = new List<PredictedSpan>();
        for (var t = 0; t < n; t++)
        {
            if ((path[t] & 1) != 1)
            {
                continue;
            }
            var label = (path[t] - 1) / 2;
            var last = t;
            while (last + 1 < n && path[last + 1] == path[t] + 1)
            {
                last++;
            }
            var first = t;
            t = last;
            if (Edges is not null)
            {
                if (Edges.Trim(tokens, first, last, Labels[label]) is not { } kept)
                {
                    continue;
                }
                (first, last) = kept;
            }
            var start = tokens[first].Start;
            var end = tokens[last].End;
            var confidence = LinearChainCrf.ScaledSpanProbability(n, tags, _expTransitions, psi, alpha, beta, scales, first, last, label);
            spans.Add(new PredictedSpan(Labels[label], start, end, text[start..end], confidence));
        }
        return spans;
    }

    /// <summary>Predicts many texts on all cores; the results are the same as one <see cref="Predict"/> call each, in input order.</summary>
    public IReadOnlyList<PredictedSpan>[] PredictBatch(IReadOnlyList<(string Text, IReadOnlyList<string> RequestedSlots)> inputs, CancellationToken cancellationToken = default)
    {
        var results = new IReadOnlyList<PredictedSpan>[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { CancellationToken = cancellationToken },
            i => results[i] = Predict(inputs[i].Text, inputs[i].RequestedSlots));
        return results;
    }

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Arrays reused across calls on one thread, grown to the longest text seen.</summary>
    private sealed class Scratch
    {
        public List<ulong> Keys { get; } = new(1024);
        public int[] Ends { get; private set; } = [];
        public double[] Emissions { get; private set; } = [];
        public double[] Score { get; private set; } = [];
        public int[] Back { get; private set; } = [];
        public int[] Path { get; private set; } = [];
        public double[] Psi { get; private set; } = [];
        public double[] Alpha { get; private set; } = [];
        public double[] Beta { get; private set; } = [];
        public double[] Scales { get; private set; } = [];

        public void Ensure(int n, int tags)
        {
            if (Ends.Length >= n && Emissions.Length >= n * tags)
            {
                return;
            }
            var tokens = Math.Max(n, Ends.Length * 2);
            var size = Math.Max(n * tags, tokens * tags);
            Ends = new int[tokens];
            Path = new int[tokens];
            Scales = new double[tokens];
            Emissions = new double[size];
            Score = new double[size];
            Back = new int[size];
            Psi = new double[size];
            Alpha = new double[size];
            Beta = new double[size];
        }
    }

    internal double[] Emissions(ulong[][] features, int tags)
    {
        var emissions = new double[features.Length * tags];
        for (var t = 0; t < features.Length; t++)
        {
            var row = emissions.AsSpan(t * tags, tags);
            foreach (var key in features[t])
            {
                _rows.Accumulate(key, row);
            }
        }
        return emissions;
    }
}
