using SpecialistPlatform.MachineLearning.Features;
using SpecialistPlatform.MachineLearning.Models;

namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>Settings of a moderation training run; stored in the model as its hyper-parameters.</summary>
public sealed record ModerationTrainingOptions
{
    public int Seed { get; init; } = 42;

    /// <summary>Word uni- and bigrams and in-word character 2-5-grams, the router's features, in one shared space.</summary>
    public FeatureOptions Features { get; init; } = new();

    /// <summary>
    /// The router's AdaGrad trainer with fewer epochs: the heads see about 50,000 texts, many of them long, and the
    /// default model must train in under two minutes on two cores. A bucket needs two texts to get a row, which
    /// keeps the file small.
    /// </summary>
    public LinearTrainingOptions Linear { get; init; } = new() { Epochs = 5, MinCount = 2 };

    /// <summary>
    /// A head whose positives are rarer than this share of its training texts sees them repeated up to it (the
    /// hand-written categories have a few hundred positives among tens of thousands of negatives).
    /// </summary>
    public double MinPositiveShare { get; init; } = 0.1;

    public const int DefaultWindowWords = 32;

    /// <summary>
    /// The injection head also scores 32-word windows of a long text (half a window apart) and keeps the highest: an
    /// instruction hidden in a long e-mail or table is diluted among the whole text's n-grams (docs/decisions/0021).
    /// </summary>
    public int InjectionWindowWords { get; init; } = DefaultWindowWords;

    /// <summary>
    /// The injection head also scores each line and sentence of a text longer than a window (<see cref="TextSegments"/>)
    /// with a component of its own, trained on segments: of BIPIA contexts (negatives), of the attacks inserted in them
    /// and of Self-Instruct requests inserted the same way (positives), of long benign prompts (negatives). Ignored when
    /// <see cref="InjectionWindowWords"/> is 0. See docs/decisions/0021.
    /// </summary>
    public bool InjectionSegments { get; init; } = true;

    /// <summary>
    /// The candidate weights of a segment's novelty in the injection head's segment scores (<see cref="SegmentNovelty"/>,
    /// <see cref="ModerationHead.NoveltyWeight"/>); the trainer keeps the one whose validation threshold catches the most
    /// (0 when none does better). Empty: segments are scored by their margin alone.
    /// </summary>
    public IReadOnlyList<float> NoveltyWeights { get; init; } = DefaultNoveltyWeights;

    public static IReadOnlyList<float> DefaultNoveltyWeights { get; } = [0f, 1f, 2f, 3f, 4f, 6f, 8f];

    /// <summary>
    /// The candidate weights of (request probability x novelty) in the injection head's segment scores: how much a
    /// line is shaped like a request addressed to the reader (<see cref="ModerationHead.RequestComponent"/>) and does
    /// not belong to the document. Chosen on validation with <see cref="NoveltyWeights"/>; without a non-zero
    /// candidate no request component is trained.
    /// </summary>
    public IReadOnlyList<float> RequestWeights { get; init; } = DefaultRequestWeights;

    public static IReadOnlyList<float> DefaultRequestWeights { get; } = [0f, 2f, 4f, 8f, 12f, 16f];

    /// <summary>
    /// The validation sources (a name, or a prefix ending in '-') whose texts choose a category's threshold; a category
    /// not named uses all its validation texts. Hate and offensive are chosen on TweetEval, whose macro-F1 the targets
    /// name; jailbreak on prompts (self-instruct, BIPIA's questions, hand-written) and injection on prompts and content
    /// (the same and BIPIA's contexts), the texts whose false alarms matter, not on tweets, which would let the
    /// threshold fall to where 2% of tweets but far more prompts are flagged.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ThresholdSources { get; init; } = DefaultThresholdSources;

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DefaultThresholdSources { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [ModerationCategories.Hate] = ["tweeteval-hate"],
        [ModerationCategories.Offensive] = ["tweeteval-offensive"],
        [ModerationCategories.Jailbreak] = ["jailbreaks", "self-instruct", "bipia-question", "handwritten"],
        [ModerationCategories.Injection] = ["bipia-", "self-instruct", "handwritten"],
    };

    public static bool FromSources(string source, IReadOnlyList<string>? sources) =>
        sources is null || sources.Any(s => s.EndsWith('-') ? source.StartsWith(s, StringComparison.Ordinal) : source == s);

    /// <summary>What each category's threshold is chosen for on validation.</summary>
    public IReadOnlyDictionary<string, ThresholdTarget> Targets { get; init; } = DefaultTargets;

    /// <summary>
    /// Hate and offensive are judged by macro-F1, so their thresholds maximise it. Jailbreak and injection must catch
    /// almost every attack while flagging at most 5% of benign text: the threshold keeps validation's false-positive
    /// rate at 2%, leaving room for text unlike the validation negatives. The hand-written categories aim at precision
    /// 0.9 over every validation source, so that a flag from a model trained on a few hundred sentences is worth acting
    /// on. Their validation share has only 6-17 positives each, so this threshold is noisy (one text moves precision
    /// by several points); choosing it at 2% of benign prompts flagged instead was measured and flagged more of the
    /// trigger-word prompts (self-harm 16% against 9%).
    /// </summary>
    public static IReadOnlyDictionary<string, ThresholdTarget> DefaultTargets { get; } = new Dictionary<string, ThresholdTarget>(StringComparer.Ordinal)
    {
        [ModerationCategories.Hate] = new(ThresholdGoal.MaxMacroF1),
        [ModerationCategories.Offensive] = new(ThresholdGoal.MaxMacroF1),
        [ModerationCategories.Sexual] = new(ThresholdGoal.MinPrecision, 0.9),
        [ModerationCategories.SelfHarm] = new(ThresholdGoal.MinPrecision, 0.9),
        [ModerationCategories.Violence] = new(ThresholdGoal.MinPrecision, 0.9),
        [ModerationCategories.Jailbreak] = new(ThresholdGoal.MaxFalsePositiveRate, 0.02),
        [ModerationCategories.Injection] = new(ThresholdGoal.MaxFalsePositiveRate, 0.02),
    };

    public void Validate()
    {
        Features.Validate();
        Linear.Validate();
        if (InjectionWindowWords < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(InjectionWindowWords), "The window size must be 0 (off) or more words.");
        }
        if (NoveltyWeights.Concat(RequestWeights).Any(w => !float.IsFinite(w) || w < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(NoveltyWeights), "Novelty weights must be finite and not negative.");
        }
        if (MinPositiveShare is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinPositiveShare), "The minimum positive share must lie in [0, 1).");
        }
        foreach (var category in ModerationCategories.All.Where(c => !Targets.ContainsKey(c)))
        {
            throw new ArgumentException($"No threshold target for the category '{category}'.", nameof(Targets));
        }
    }
}
