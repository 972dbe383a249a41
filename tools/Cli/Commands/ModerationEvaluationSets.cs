using System.Text.Json;
using SpecialistPlatform.MachineLearning.Moderation;
using static SpecialistPlatform.MachineLearning.Moderation.ModerationCategories;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>A named labelled set a moderation model is evaluated on, and whether its thresholds were chosen on it.</summary>
internal sealed record ModerationEvaluationSet(string Name, string Description, IReadOnlyList<ModerationExample> Examples);

/// <summary>
/// The sets `eval moderation` reports without --data: the model's own validation split (rebuilt from the bundled data
/// with the seed stored in the model), its parts that the targets name, and the two hand-written sets that
/// never took part in training or threshold choice.
/// </summary>
internal static class ModerationEvaluationSets
{
    public static IReadOnlyList<ModerationEvaluationSet> Default(ModerationData data, string handWrittenDirectory)
    {
        var validation = data.Validation;
        IReadOnlyList<ModerationExample> Only(Func<ModerationExample, bool> from, params string[] categories) =>
            validation.Where(from).Select(e => e with
            {
                Labels = e.Labels.Where(l => categories.Contains(l.Key)).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal),
            }).Where(e => e.Labels.Count > 0).ToArray();
        var benignPrompt = (ModerationExample e) => e.Source is "self-instruct" or "bipia-question" || (e.Source == "handwritten" && e.Labels.Count == All.Count && e.Labels.Values.All(v => !v));

        return
        [
            new("validation", "the model's validation split, every source (thresholds were chosen on it)", validation),
            new("tweeteval-hate", "TweetEval hate, validation split as published", Only(e => e.Source == "tweeteval-hate", Hate)),
            new("tweeteval-offensive", "TweetEval offensive, validation split as published", Only(e => e.Source == "tweeteval-offensive", Offensive)),
            new("davidson", "Davidson et al., the seeded held-out share", Only(e => e.Source == "davidson", Hate, Offensive)),
            new("jailbreak", "held-out jailbreak prompts against held-out benign prompts (self-instruct, BIPIA questions, hand-written benign)",
                Only(e => e.Source == "jailbreaks" || benignPrompt(e), Jailbreak, Injection)),
            new("bipia", "BIPIA: held-out contexts, clean and with a held-out attack at the start, middle or end",
                Only(e => e.Source.StartsWith("bipia-", StringComparison.Ordinal) && e.Source != "bipia-question", Injection)),
            new("handwritten-eval", "written by hand, separately from the training sentences (data/moderation/handwritten-eval.jsonl)",
                ModerationDataset.ReadLabelled(Path.Combine(handWrittenDirectory, ModerationDataset.HandWrittenEvaluationFile), "handwritten-eval")),
            new("over-defense", "benign prompts with trigger words, written by hand (data/moderation/over-defense-eval.jsonl)",
                ModerationDataset.ReadLabelled(Path.Combine(handWrittenDirectory, ModerationDataset.OverDefenseEvaluationFile), "over-defense")),
        ];
    }

    /// <summary>The seed the model was trained with (its validation split depends on it).</summary>
    public static int SeedOf(ModerationModel model)
    {
        using var document = JsonDocument.Parse(model.Metadata.HyperParametersJson);
        return document.RootElement.TryGetProperty("Seed", out var seed) && seed.TryGetInt32(out var value) ? value : new ModerationTrainingOptions().Seed;
    }

    /// <summary>The injection head's window size, which the BIPIA construction (and so the split) depends on.</summary>
    public static int WindowWordsOf(ModerationModel model) =>
        model.Heads.Select(h => h.WindowWords).DefaultIfEmpty(0).Max() is var words and > 0 ? words : 0;

    /// <summary>"tweeteval-hate" -> "tweeteval_hate", for metric names.</summary>
    public static string Key(string name) => name.Replace('-', '_');
}
