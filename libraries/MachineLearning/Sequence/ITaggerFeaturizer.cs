namespace SpecialistPlatform.MachineLearning.Sequence;

/// <summary>
/// Turns a tokenised text into per-token feature keys for <see cref="SpanTagger"/>. A model remembers the
/// <see cref="FeatureSet"/> it was trained with and refuses to load under any other, because the weights mean
/// nothing for other keys. The slot tagger's features (<see cref="TaggerFeatures"/>) are the default; other
/// taggers (personal-data entities) bring their own.
/// </summary>
public interface ITaggerFeaturizer
{
    /// <summary>Name and version of the feature computation, e.g. "pii-entities/1+gazetteer:ab12..."; stored in the model file.</summary>
    string FeatureSet { get; }

    ulong[][] Extract(string text, IReadOnlyList<SpanToken> tokens, IReadOnlyList<string> requestedSlots);

    /// <summary>
    /// The same keys as <see cref="Extract"/>, appended to one flat list: token t's keys end at <c>ends[t]</c>.
    /// Tagging uses this with a reused list, so a featurizer that writes here directly allocates nothing per token.
    /// </summary>
    void ExtractInto(string text, IReadOnlyList<SpanToken> tokens, IReadOnlyList<string> requestedSlots, List<ulong> keys, int[] ends)
    {
        var perToken = Extract(text, tokens, requestedSlots);
        for (var t = 0; t < perToken.Length; t++)
        {
            keys.AddRange(perToken[t]);
            ends[t] = keys.Count;
        }
    }
}

/// <summary>The slot tagger's features (<see cref="TaggerFeatures"/>, in one of its versions) as an <see cref="ITaggerFeaturizer"/>.</summary>
public sealed class SlotTaggerFeaturizer : ITaggerFeaturizer
{
    private static readonly SlotTaggerFeaturizer[] Versions =
        [.. Enumerable.Range(1, TaggerFeatures.Version).Select(v => new SlotTaggerFeaturizer(v))];

    /// <summary>The current version's features.</summary>
    public static readonly SlotTaggerFeaturizer Instance = For(TaggerFeatures.Version);

    private SlotTaggerFeaturizer(int version) => Version = version;

    public static SlotTaggerFeaturizer For(int version) =>
        TaggerFeatures.IsSupported(version)
            ? Versions[version - 1]
            : throw new ArgumentException($"Feature version {version} is unknown: this build computes versions 1 to {TaggerFeatures.Version}.");

    public int Version { get; }

    /// <summary>Model files written before feature sets were named carry none; their feature version says which this is.</summary>
    public string FeatureSet => "slots/" + Version;

    public ulong[][] Extract(string text, IReadOnlyList<SpanToken> tokens, IReadOnlyList<string> requestedSlots) =>
        TaggerFeatures.Extract(text, tokens, requestedSlots, Version);
}
