namespace SpecialistPlatform.MachineLearning.Sequence;

/// <summary>
/// For each tag, the tags allowed before it and after it, in ascending order. Forward-backward sums only over
/// these: a disallowed step has transition probability exactly 0, so its product adds exactly +0 to a sum of
/// non-negative terms, and skipping it (in the same order) leaves every sum bit for bit the same while an I tag,
/// with two possible predecessors instead of all of them, costs a fraction of the products.
/// </summary>
internal sealed class TagNeighbours
{
    private TagNeighbours(int[][] before, int[][] after)
    {
        Before = before;
        After = after;
    }

    /// <summary><c>Before[y]</c>: the tags p with a step p -> y allowed (the start state excluded).</summary>
    public int[][] Before { get; }

    /// <summary><c>After[y]</c>: the tags x with a step y -> x allowed.</summary>
    public int[][] After { get; }

    /// <param name="allowed">A (tags + 1) x tags matrix as <see cref="LinearChainCrf.AllowedMatrix"/> builds it.</param>
    public static TagNeighbours From(bool[] allowed, int tags)
    {
        var before = new int[tags][];
        var after = new int[tags][];
        for (var y = 0; y < tags; y++)
        {
            var tag = y;
            before[y] = [.. Enumerable.Range(0, tags).Where(p => allowed[p * tags + tag])];
            after[y] = [.. Enumerable.Range(0, tags).Where(x => allowed[tag * tags + x])];
        }
        return new TagNeighbours(before, after);
    }
}
