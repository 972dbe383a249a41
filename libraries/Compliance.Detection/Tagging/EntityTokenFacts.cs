namespace SpecialistPlatform.Compliance.Detection.Tagging;

/// <summary>The facts about a token that <see cref="EntityFeatures"/> reads at a neighbour's position.</summary>
internal enum EntityTokenFact
{
    Word,
    Class,
    Gazetteer,
    Shape,
    Cue,
    Cluster,
}

/// <summary>
/// What the entity features know of one token, all from its text alone: hashes of the lower-cased word and of
/// its shape, the case/digit class, gazetteer classes, cue class, whether it is a common word, and the encoder
/// clusters of its first and last word piece with its piece count (all 0 without clusters, and at the boundaries).
/// </summary>
internal readonly record struct EntityTokenFacts(ulong Word, ulong Shape, ulong Class, ulong Gazetteer, ulong Cue, bool Common,
    ulong Cluster = 0, ulong LastCluster = 0, ulong PieceCount = 0)
{
    private const ulong Boundary = 0x5bd1e9955bd1e995UL;

    /// <summary>What a neighbour before the first token reads as.</summary>
    public static readonly EntityTokenFacts BeforeStart = new(Boundary, Boundary, 100, 1UL << 40, 99, false);

    /// <summary>What a neighbour after the last token reads as.</summary>
    public static readonly EntityTokenFacts AfterEnd = new(Boundary + 1, Boundary + 1, 101, 1UL << 40, 99, false);

    public ulong Value(EntityTokenFact fact) => fact switch
    {
        EntityTokenFact.Word => Word,
        EntityTokenFact.Class => Class,
        EntityTokenFact.Gazetteer => Gazetteer,
        EntityTokenFact.Shape => Shape,
        EntityTokenFact.Cluster => Cluster,
        _ => Cue,
    };
}
