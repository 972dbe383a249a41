using Histogram = SpecialistPlatform.Data.Rollups.LatencyHistogram;

namespace SpecialistPlatform.Gateway.Overview;

/// <summary>One step's audit figures in (part of) a window: a rollup row, or the partial days' records counted the same way.</summary>
internal sealed record StepTotals(
    string Step, long Records, long[] LatencyHistogram, decimal Cost, long InputTokens, long OutputTokens, long TokenRecords)
{
    public static StepTotals None(string step) => new(step, 0, new long[Histogram.Buckets], 0, 0, 0, 0);

    /// <summary>Adds up the rows of each step (whole days and partial days), in step order.</summary>
    public static List<StepTotals> PerStep(IEnumerable<StepTotals> rows) =>
    [
        .. rows.GroupBy(r => r.Step, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Aggregate(None(g.Key), (total, row) => total.Add(row))),
    ];

    public StepLatency Latency() =>
        new(Step, Records, Histogram.Percentile(LatencyHistogram, 0.5), Histogram.Percentile(LatencyHistogram, 0.95));

    private StepTotals Add(StepTotals other)
    {
        var histogram = (long[])LatencyHistogram.Clone();
        Histogram.AddInto(histogram, other.LatencyHistogram);
        return new StepTotals(Step, Records + other.Records, histogram, Cost + other.Cost,
            InputTokens + other.InputTokens, OutputTokens + other.OutputTokens, TokenRecords + other.TokenRecords);
    }
}
