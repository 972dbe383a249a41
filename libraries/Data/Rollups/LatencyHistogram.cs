namespace SpecialistPlatform.Data.Rollups;

/// <summary>
/// The fixed log-scale latency buckets of <see cref="Entities.AuditStepRollup.LatencyHistogram"/>, and percentiles read
/// from them. The database sorts a latency into its bucket (SQL <c>audit_latency_bucket</c>, created by the migration
/// OverviewRollups, 1-based there); this type must describe the same buckets, which a test checks against the database:
/// bucket 0 holds latencies under <see cref="SmallestBoundMs"/>; bucket k ≥ 1 holds
/// [SmallestBoundMs·2^((k−1)/8), SmallestBoundMs·2^(k/8)); the last one is open-ended (from about 94 minutes).
/// </summary>
public static class LatencyHistogram
{
    public const int Buckets = 208;
    public const int BucketsPerDoubling = 8;
    public const double SmallestBoundMs = 0.1;

    /// <summary>How far a percentile read from the histogram may be from the record it stands for: it is reported as
    /// its bucket's geometric middle, at most 2^(1/16) − 1 ≈ 4.4% off (below 0.1 ms: at most 0.05 ms off).</summary>
    public static readonly double RelativeResolution = Math.Pow(2, 1.0 / (2 * BucketsPerDoubling)) - 1;

    public static double LowerBoundMs(int bucket) =>
        bucket == 0 ? 0 : SmallestBoundMs * Math.Pow(2, (bucket - 1) / (double)BucketsPerDoubling);

    /// <summary>The value a bucket's records are reported as: the geometric middle of its bounds (the open last bucket:
    /// its lower bound).</summary>
    public static double EstimateMs(int bucket) => bucket switch
    {
        0 => SmallestBoundMs / 2,
        Buckets - 1 => LowerBoundMs(bucket),
        _ => LowerBoundMs(bucket) * Math.Pow(2, 1.0 / (2 * BucketsPerDoubling)),
    };

    /// <summary>Adds <paramref name="histogram"/> into <paramref name="total"/>, bucket by bucket.</summary>
    public static void AddInto(long[] total, IReadOnlyList<long> histogram)
    {
        if (histogram.Count != total.Length)
        {
            throw new ArgumentException($"A latency histogram has {Buckets} buckets, not {histogram.Count}.", nameof(histogram));
        }

        for (var i = 0; i < total.Length; i++)
        {
            total[i] += histogram[i];
        }
    }

    /// <summary>
    /// The nearest-rank percentile (the record at rank ⌈p·n⌉, as SQL's percentile_disc picks it) as its bucket's
    /// estimate; 0 for an empty histogram.
    /// </summary>
    public static double Percentile(IReadOnlyList<long> histogram, double fraction)
    {
        var count = histogram.Sum();
        if (count == 0)
        {
            return 0;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(fraction * count));
        long seen = 0;
        for (var bucket = 0; bucket < histogram.Count; bucket++)
        {
            seen += histogram[bucket];
            if (seen >= rank)
            {
                return EstimateMs(bucket);
            }
        }

        return EstimateMs(histogram.Count - 1);
    }
}
