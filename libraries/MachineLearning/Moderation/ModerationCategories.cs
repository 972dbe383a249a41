namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>The categories a moderation model scores, in the order of its output.</summary>
public static class ModerationCategories
{
    public const string Hate = "hate";
    public const string Offensive = "offensive";
    public const string Sexual = "sexual";
    public const string SelfHarm = "self-harm";
    public const string Violence = "violence";
    public const string Jailbreak = "jailbreak";
    public const string Injection = "injection";

    public static IReadOnlyList<string> All { get; } = [Hate, Offensive, Sexual, SelfHarm, Violence, Jailbreak, Injection];

    /// <summary>Harmful content (as opposed to instructions aimed at the model): the "any harm" score is their maximum.</summary>
    public static IReadOnlyList<string> Harm { get; } = [Hate, Offensive, Sexual, SelfHarm, Violence];

    /// <summary>
    /// Categories without public training data here: learned from the sentences written by hand in this repository
    /// (data/moderation), so their numbers are reported apart and are no evidence of how they do on real traffic.
    /// </summary>
    public static IReadOnlyList<string> HandWritten { get; } = [Sexual, SelfHarm, Violence];
}
