namespace SpecialistPlatform.Compliance.Detection.Tagging;

/// <summary>The facts about a token that <see cref="EntityFeatures"/> reads at a neighbour's position.</summary>
internal enum EntityTokenFact
{
    Word,
    Class,
    Gazetteer,
    Shape,
    Cue,
}

/// <summary>
/// What the entity features know of one token, all from its text alone: hashes of the lower-cased word and of
/// its shape, the case/digit class, gazetteer classes, cue class and whether it is a common word.
/// </summary>
internal readonly record struct EntityTokenFacts(ulong Word, ulong Shape, ulong Class, ulong Gazetteer, ulong Cue, bool Common)
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
        _ => Cue,
    };
}
