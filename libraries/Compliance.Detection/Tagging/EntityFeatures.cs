using System.Collections.Frozen;
using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.Compliance.Detection.Tagging;

/// <summary>
/// Features for tagging names, places, organisations and street addresses: the word, its shape, prefixes and
/// suffixes up to 4, a case/digit class, gazetteer classes (<see cref="EntityGazetteer"/>), whether the word is
/// common in ordinary requests (<see cref="NegativeUtterances.Vocabulary"/>), a small cue lexicon (titles,
/// "street", "inc", "at", "from"...), line starts, and the same at ±1/±2 with bigrams. Keys are 64-bit mixes of
/// integer hashes, computed without allocating strings, because this runs on every text the platform sees.
/// </summary>
public sealed class EntityFeatures : ITaggerFeaturizer
{
    /// <summary>Bumped whenever the features change.</summary>
    public const int Version = 1;

    private readonly EntityGazetteer _gazetteer;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _common;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _cues;

    public EntityFeatures(EntityGazetteer gazetteer, FrozenSet<string> commonWords)
    {
        _gazetteer = gazetteer;
        _common = commonWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _cues = Cues.GetAlternateLookup<ReadOnlySpan<char>>();
        FeatureSet = $"pii-entities/{Version}+gazetteer:{gazetteer.Fingerprint}+common:{commonWords.Count}";
    }

    private static readonly Lazy<EntityFeatures> Shared = new(() => new EntityFeatures(EntityGazetteer.Default, NegativeUtterances.Vocabulary));

    public static EntityFeatures Default => Shared.Value;

    public string FeatureSet { get; }

    private static readonly FrozenDictionary<string, int> Cues = BuildCues();

    private static FrozenDictionary<string, int> BuildCues()
    {
        var cues = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(int cls, string words)
        {
            foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                cues.TryAdd(w, cls);
        }
        Add(1, "mr mrs ms miss dr prof sir madam mister herr frau monsieur madame mme mlle señor señora sr sra signor signora sig dott meneer mevrouw dhr mevr");
        Add(2, "street st road rd avenue ave lane ln drive dr boulevard blvd way court ct place pl square sq strasse straße str gasse weg platz allee rue chemin calle avenida plaza via viale piazza corso straat laan plein gracht apt apartment suite unit floor flat");
        Add(3, "inc ltd llc plc gmbh ag corp corporation company co group sa sas sarl srl spa bv nv kg ohg ug holdings partners bank university foundation association");
        Add(4, "at in from to near of for with by via");
        Add(5, "name named called signed regards cheers thanks sincerely dear hi hello hey contact attn attention");
        Add(6, "city town country lives live living moved moving based born located visit visiting office headquarters hq address ship deliver");
        Add(7, "works working employer employed company firm client customer vendor supplier joined");
        Add(8, "and or the a an");
        return cues.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // Template ids: any distinct constants; they only need to stay fixed for a given Version.
    private const ulong TBias = 1, TWord = 2, TShape = 3, TClass = 4, TPrefix = 5, TSuffix = 6, TGaz = 7, TGazMask = 8, TCommon = 9,
        TCue = 10, TLineStart = 11, TWordPrev = 12, TWordNext = 13, TWordPrev2 = 14, TWordNext2 = 15, TClassPrev = 16, TClassNext = 17,
        TClassPrev2 = 18, TClassNext2 = 19, TGazPrev = 20, TGazNext = 21, TShapePrev = 22, TShapeNext = 23, TBigramPrev = 24,
        TBigramNext = 25, TClassTri = 26, TWordPrevClass = 27, TClassWordNext = 28, TCuePrev = 29, TCueNext = 30, TLength = 31,
        TClassGaz = 32, TCommonClass = 33, TCuePrev2 = 34, TFirst = 35, TGazPrev2 = 36, TGazNext2 = 37, TLineStartClass = 38, TOriginal = 39;

    public ulong[][] Extract(string text, IReadOnlyList<SpanToken> tokens, IReadOnlyList<string> requestedSlots)
    {
        var keys = new List<ulong>(tokens.Count * 48);
        var ends = new int[tokens.Count];
        ExtractInto(text, tokens, requestedSlots, keys, ends);
        var result = new ulong[tokens.Count][];
        for (var t = 0; t < tokens.Count; t++)
        {
            var from = t == 0 ? 0 : ends[t - 1];
            result[t] = keys.GetRange(from, ends[t] - from).ToArray();
        }
        return result;
    }

    public void ExtractInto(string text, IReadOnlyList<SpanToken> tokens, IReadOnlyList<string> requestedSlots, List<ulong> list, int[] ends)
    {
        var n = tokens.Count;
        var facts = new EntityTokenFacts[n];
        for (var i = 0; i < n; i++)
            facts[i] = Facts(TokenText(text, tokens[i]));
        EntityTokenFacts At(int i) => i < 0 ? EntityTokenFacts.BeforeStart : i >= n ? EntityTokenFacts.AfterEnd : facts[i];

        // The order of the keys is part of the model: training draws feature dropout per key in this order.
        for (var i = 0; i < n; i++)
        {
            AddOwnKeys(TokenText(text, tokens[i]), facts[i], list);
            AddPositionKeys(i == 0 || LineBreakBetween(text, tokens[i - 1].End, tokens[i].Start), i == 0, facts[i].Class, list);
            foreach (var (template, offset, fact) in NeighbourTemplates)
                list.Add(K(template, At(i + offset).Value(fact)));
            AddPairKeys(At(i - 1), facts[i], At(i + 1), list);
            ends[i] = list.Count;
        }
    }

    /// <summary>What the features need to know of one token; everything here depends on the token's text alone.</summary>
    internal EntityTokenFacts Facts(ReadOnlySpan<char> token)
    {
        Span<char> lower = stackalloc char[64];
        var lw = Lowered(token, lower);
        return new EntityTokenFacts(Hash(lw), ShapeHash(token), Class(token), (ulong)_gazetteer.Lookup(lw),
            _cues.TryGetValue(lw, out var cue) ? (ulong)cue : 0, _common.Contains(lw));
    }

    /// <summary>The features of a token that depend on it alone: word, shape, class, affixes, gazetteer, common word, cue.</summary>
    internal static void AddOwnKeys(ReadOnlySpan<char> token, in EntityTokenFacts facts, List<ulong> list)
    {
        list.Add(K(TBias, 0));
        list.Add(K(TWord, facts.Word));
        list.Add(K(TOriginal, Hash(token)));
        list.Add(K(TShape, facts.Shape));
        list.Add(K(TClass, facts.Class));
        list.Add(K(TLength, (ulong)Math.Min(token.Length, 12)));
        if (char.IsLetter(token[0]))
        {
            Span<char> lower = stackalloc char[64];
            var lw = Lowered(token, lower);
            for (var k = 1; k <= 4 && k < lw.Length; k++)
            {
                list.Add(K(TPrefix, Hash(lw[..k]) + (ulong)k));
                list.Add(K(TSuffix, Hash(lw[^k..]) + (ulong)k));
            }
        }
        var g = facts.Gazetteer;
        for (var bit = 0; bit < 10; bit++)
        {
            if ((g & (1UL << bit)) != 0)
                list.Add(K(TGaz, (ulong)bit));
        }
        list.Add(K(TGazMask, g));
        list.Add(K(TClassGaz, facts.Class * 4099 + g));
        if (facts.Common)
            list.Add(K(TCommon, facts.Class));
        list.Add(K(TCommonClass, (facts.Common ? 1UL : 0) * 1000 + facts.Class));
        list.Add(K(TCue, facts.Cue));
    }

    /// <summary>Features of where a token stands: first on its line, first of the sequence.</summary>
    internal static void AddPositionKeys(bool lineStart, bool first, ulong cls, List<ulong> list)
    {
        if (lineStart)
        {
            list.Add(K(TLineStart, 0));
            list.Add(K(TLineStartClass, cls));
        }
        if (first)
            list.Add(K(TFirst, 0));
    }

    /// <summary>The features a token gives the token <paramref name="offset"/> positions away from it (±1, ±2): one key per template of that offset.</summary>
    internal static void AddNeighbourKeys(int offset, in EntityTokenFacts neighbour, List<ulong> list)
    {
        foreach (var (template, templateOffset, fact) in NeighbourTemplates)
        {
            if (templateOffset == offset)
                list.Add(K(template, neighbour.Value(fact)));
        }
    }

    /// <summary>Features of a token together with a neighbour: word bigrams, the class trigram, word-class pairs.</summary>
    internal static void AddPairKeys(in EntityTokenFacts previous, in EntityTokenFacts current, in EntityTokenFacts next, List<ulong> list)
    {
        AddWordPairKeys(previous, current, next, list);
        list.Add(ClassTrigramKey(previous.Class, current.Class, next.Class));
        list.Add(WordClassKey(previous.Word, current.Class));
        list.Add(ClassWordKey(current.Class, next.Word));
    }

    /// <summary>The first two of <see cref="AddPairKeys"/>: the word bigrams with the previous and the next token.</summary>
    internal static void AddWordPairKeys(in EntityTokenFacts previous, in EntityTokenFacts current, in EntityTokenFacts next, List<ulong> list)
    {
        list.Add(K(TBigramPrev, previous.Word * 31 ^ current.Word));
        list.Add(K(TBigramNext, current.Word * 31 ^ next.Word));
    }

    /// <summary>The third of <see cref="AddPairKeys"/>: the classes of the previous, this and the next token.</summary>
    internal static ulong ClassTrigramKey(ulong previousClass, ulong currentClass, ulong nextClass) =>
        K(TClassTri, (previousClass * 1021 + currentClass) * 1021 + nextClass);

    /// <summary>The fourth of <see cref="AddPairKeys"/>: the previous token's word with this token's class.</summary>
    internal static ulong WordClassKey(ulong previousWord, ulong currentClass) => K(TWordPrevClass, previousWord * 31 ^ currentClass);

    /// <summary>The fifth of <see cref="AddPairKeys"/>: this token's class with the next token's word.</summary>
    internal static ulong ClassWordKey(ulong currentClass, ulong nextWord) => K(TClassWordNext, currentClass * 31 ^ nextWord);

    /// <summary>Each single-neighbour template with the offset of the neighbour it reads and which fact of it, in key order.</summary>
    private static readonly (ulong Template, int Offset, EntityTokenFact Fact)[] NeighbourTemplates =
    [
        (TWordPrev, -1, EntityTokenFact.Word), (TWordNext, 1, EntityTokenFact.Word), (TWordPrev2, -2, EntityTokenFact.Word), (TWordNext2, 2, EntityTokenFact.Word),
        (TClassPrev, -1, EntityTokenFact.Class), (TClassNext, 1, EntityTokenFact.Class), (TClassPrev2, -2, EntityTokenFact.Class), (TClassNext2, 2, EntityTokenFact.Class),
        (TGazPrev, -1, EntityTokenFact.Gazetteer), (TGazNext, 1, EntityTokenFact.Gazetteer), (TGazPrev2, -2, EntityTokenFact.Gazetteer), (TGazNext2, 2, EntityTokenFact.Gazetteer),
        (TShapePrev, -1, EntityTokenFact.Shape), (TShapeNext, 1, EntityTokenFact.Shape),
        (TCuePrev, -1, EntityTokenFact.Cue), (TCueNext, 1, EntityTokenFact.Cue), (TCuePrev2, -2, EntityTokenFact.Cue),
    ];

    /// <summary>How far the features of a token reach: its neighbours up to this many positions either side.</summary>
    internal const int Reach = 2;

    internal static ReadOnlySpan<char> TokenText(string text, SpanToken token) => text.AsSpan(token.Start, token.End - token.Start);

    /// <summary>The token in lower case, cut to the buffer's 64 characters.</summary>
    private static ReadOnlySpan<char> Lowered(ReadOnlySpan<char> token, Span<char> lower)
    {
        var length = Math.Min(token.Length, lower.Length);
        token[..length].ToLowerInvariant(lower);
        return lower[..length];
    }

    /// <summary>Whether a line ends between two tokens (the first token of a sequence starts a line too).</summary>
    internal static bool LineBreakBetween(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] == '\n')
                return true;
        }
        return false;
    }

    /// <summary>Case and digit class: lower word, capitalised, all caps, single capital (initial), mixed, digits by length, a symbol by itself.</summary>
    private static ulong Class(ReadOnlySpan<char> token)
    {
        var c = token[0];
        if (char.IsDigit(c))
            return 10 + (ulong)Math.Min(token.Length, 10);
        if (!char.IsLetter(c))
            return 1000 + (ulong)c;
        if (char.IsLower(c))
            return 1;
        if (token.Length == 1)
            return 2;
        var upperRest = true;
        var lowerRest = true;
        foreach (var ch in token[1..])
        {
            upperRest &= !char.IsLower(ch);
            lowerRest &= !char.IsUpper(ch);
        }
        return upperRest ? 3UL : lowerRest ? 4UL : 5UL;
    }

    /// <summary>Shape hash: letters as X/x, digits as d, runs longer than two collapsed, at most 8 symbols.</summary>
    private static ulong ShapeHash(ReadOnlySpan<char> token)
    {
        var h = 14695981039346656037UL;
        var run = 0;
        var last = '\0';
        var length = 0;
        foreach (var c in token)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'l' : c;
            run = s == last ? run + 1 : 1;
            last = s;
            if (run <= 2 && length++ < 8)
                h = (h ^ s) * 1099511628211UL;
        }
        return h;
    }

    private static ulong Hash(ReadOnlySpan<char> text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
            h = (h ^ c) * 1099511628211UL;
        return h;
    }

    private static ulong K(ulong template, ulong value) => TaggerFeatures.Finish(value * 0x9E3779B97F4A7C15UL ^ template * 0xC2B2AE3D27D4EB4FUL);
}
