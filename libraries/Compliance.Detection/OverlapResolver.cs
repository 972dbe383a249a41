namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// Keeps one finding per stretch of text: the higher score wins, then the longer span, then the earlier
/// start. Returns findings ordered by position.
/// </summary>
public static class OverlapResolver
{
    public static IReadOnlyList<Finding> Resolve(IEnumerable<Finding> findings)
    {
        // Whether a finding survives depends only on the findings it overlaps, directly or through a chain,
        // so the greedy choice runs per group of transitively overlapping findings. Most findings overlap
        // nothing; this keeps a 10 MB text with hundreds of thousands of findings at O(n log n).
        var byStart = findings.Where(f => f.End > f.Start).OrderBy(f => f.Start).ThenBy(f => f.End).ToList();
        var kept = new List<Finding>(byStart.Count);
        var i = 0;
        while (i < byStart.Count)
        {
            var j = i + 1;
            var groupEnd = byStart[i].End;
            while (j < byStart.Count && byStart[j].Start < groupEnd)
            {
                groupEnd = Math.Max(groupEnd, byStart[j].End);
                j++;
            }
            if (j == i + 1)
                kept.Add(byStart[i]);
            else
                kept.AddRange(ResolveGroup(byStart.GetRange(i, j - i)));
            i = j;
        }
        return kept;
    }

    private static List<Finding> ResolveGroup(List<Finding> group)
    {
        var ranked = group
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
