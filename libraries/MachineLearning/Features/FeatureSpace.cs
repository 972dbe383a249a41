namespace SpecialistPlatform.MachineLearning.Features;

/// <summary>
/// The rows a trained component knows: the hash buckets seen in training (sorted), optionally with their
/// inverse document frequencies. Turns a text into (row, value) pairs the same way at training and at
/// inference time. Buckets without a row still count in each block's L2 norm (with
/// <see cref="UnseenIdf"/>), so dropping rare buckets never changes the scale of the others.
/// </summary>
public sealed class FeatureSpace
{
    [ThreadStatic] private static BucketCounter? t_words;
    [ThreadStatic] private static BucketCounter? t_chars;

    private const int DenseLimitBits = 22;
    private readonly int[]? _rowDense;
    private readonly Dictionary<int, int>? _rowSparse;

    public FeatureSpace(FeatureOptions options, int[] buckets, float[]? idf, float unseenIdf)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(buckets);
        if (options.Idf != idf is not null)
        {
            throw new ArgumentException("Inverse document frequencies are required exactly when the feature options ask for them.", nameof(idf));
        }
        if (idf is not null && (idf.Length != buckets.Length || idf.Any(v => !float.IsFinite(v) || v <= 0) || !(unseenIdf > 0) || !float.IsFinite(unseenIdf)))
        {
            throw new ArgumentException("There must be one positive, finite inverse document frequency per bucket.", nameof(idf));
        }
        Hasher = new FeatureHasher(options);
        for (var i = 0; i < buckets.Length; i++)
        {
            if ((i > 0 && buckets[i] <= buckets[i - 1]) || buckets[i] < 0 || buckets[i] >= Hasher.Dimension)
            {
                throw new ArgumentException("Buckets must be strictly increasing and inside the hash space.", nameof(buckets));
            }
        }
        Options = options;
        Buckets = buckets;
        Idf = idf;
        UnseenIdf = idf is null ? 1f : unseenIdf;
        if (options.HashBits <= DenseLimitBits)
        {
            _rowDense = new int[Hasher.Dimension];
            Array.Fill(_rowDense, -1);
            for (var i = 0; i < buckets.Length; i++)
            {
                _rowDense[buckets[i]] = i;
            }
        }
        else
        {
            _rowSparse = new Dictionary<int, int>(buckets.Length);
            for (var i = 0; i < buckets.Length; i++)
            {
                _rowSparse[buckets[i]] = i;
            }
        }
    }

    public FeatureOptions Options { get; }

    public FeatureHasher Hasher { get; }

    /// <summary>The hash bucket of each row, strictly increasing.</summary>
    public int[] Buckets { get; }

    /// <summary>Inverse document frequency of each row, when <see cref="FeatureOptions.Idf"/> is set.</summary>
    public float[]? Idf { get; }

    /// <summary>Inverse document frequency given to buckets without a row.</summary>
    public float UnseenIdf { get; }

    public int Rows => Buckets.Length;

    /// <summary>Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1.</summary>
    public static float InverseDocumentFrequency(int documents, int documentFrequency) =>
        (float)(Math.Log((1.0 + documents) / (1.0 + documentFrequency)) + 1.0);

    internal static double Tf(float count, bool sublinear) => sublinear ? 1.0 + Math.Log(count) : count;

    /// <summary>
    /// Writes the known rows of a text and their values into the buffers (grown as needed) and returns
    /// how many there are. A row may appear twice when a bucket occurs in both blocks; the values add.
    /// </summary>
    public int Vectorize(string text, ref int[] rows, ref float[] values)
    {
        var words = t_words ??= new BucketCounter();
        var chars = t_chars ??= new BucketCounter();
        Hasher.Extract(text, words, chars);
        var needed = words.Count + chars.Count;
        if (rows.Length < needed)
        {
            rows = new int[Math.Max(needed, rows.Length * 2)];
            values = new float[rows.Length];
        }
        var count = Hasher.UsesWords ? AddBlock(words, Options.WordWeight, rows, values, 0) : 0;
        return Hasher.UsesChars ? AddBlock(chars, Options.CharWeight, rows, values, count) : count;
    }

    public SparseVector Vectorize(string text)
    {
        var rows = new int[64];
        var values = new float[64];
        var count = Vectorize(text, ref rows, ref values);
        return new SparseVector(rows[..count], values[..count]);
    }

    public int RowOf(int bucket)
    {
        if (_rowDense is not null)
        {
            return _rowDense[bucket];
        }
        return _rowSparse!.TryGetValue(bucket, out var row) ? row : -1;
    }

    private int AddBlock(BucketCounter block, float weight, int[] rows, float[] values, int count)
    {
        if (block.Count == 0 || weight == 0f)
        {
            return count;
        }
        var start = count;
        var sumSquares = 0.0;
        var sublinear = Options.SublinearTf;
        for (var i = 0; i < block.Count; i++)
        {
            var row = RowOf(block.Keys[i]);
            var v = Tf(block.Counts[i], sublinear) * (Idf is null ? 1f : row >= 0 ? Idf[row] : UnseenIdf);
            sumSquares += v * v;
            if (row >= 0)
            {
                rows[count] = row;
                values[count] = (float)v;
                count++;
            }
        }
        var factor = (float)(weight / Math.Sqrt(sumSquares));
        for (var i = start; i < count; i++)
        {
            values[i] *= factor;
        }
        return count;
    }
}
