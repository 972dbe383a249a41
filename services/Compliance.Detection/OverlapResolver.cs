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
        var kept = new List<Finding>();
        foreach (var candidate in ranked)
        {
            if (!kept.Any(candidate.Overlaps))
                kept.Add(candidate);
        }
        kept.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return kept;
    }
}
