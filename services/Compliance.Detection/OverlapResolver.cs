namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// Keeps one finding per stretch of text: the higher score wins, then the longer span, then the earlier
/// start. Returns findings ordered by position.
/// </summary>
public static class OverlapResolver
{
    public static IReadOnlyList<Finding> Resolve(IEnumerable<Finding> findings)
    {
        var ranked = findings
            .Where(f => f.End > f.Start)
            .OrderByDescending(f => f.Score)
            .ThenByDescending(f => f.Length)
            .ThenBy(f => f.Start)
            .ThenBy(f => f.Type, StringComparer.Ordinal);
        // Kept findings never overlap, so ordered by start they are also ordered by end: checking the
        // neighbours of the insertion point is enough.
        var kept = new List<Finding>();
        var starts = new List<int>();
        foreach (var candidate in ranked)
        {
            var index = starts.BinarySearch(candidate.Start);
            if (index < 0)
                index = ~index;
            else if (kept[index].Overlaps(candidate))
                continue;
            if (index > 0 && kept[index - 1].Overlaps(candidate))
                continue;
            if (index < kept.Count && kept[index].Overlaps(candidate))
                continue;
            kept.Insert(index, candidate);
            starts.Insert(index, candidate.Start);
        }
        return kept;
    }
}
