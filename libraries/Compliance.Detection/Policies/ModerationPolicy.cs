using SpecialistPlatform.MachineLearning.Moderation;

namespace SpecialistPlatform.Compliance.Detection.Policies;

/// <summary>
/// The moderation half of a tenant's compliance policy: one action per category the moderation model scores. A
/// policy file's <c>"moderation"</c> object overrides some categories; the others keep the default, which flags harmful
/// content and sends jailbreaks and injections to review, so that no instruction hidden in customer text reaches a
/// frontier model unless a tenant decides otherwise in writing.
/// </summary>
public sealed record ModerationPolicy
{
    public static readonly IReadOnlyDictionary<string, ModerationAction> DefaultActions = new Dictionary<string, ModerationAction>(StringComparer.Ordinal)
    {
        [ModerationCategories.Hate] = ModerationAction.Flag,
        [ModerationCategories.Offensive] = ModerationAction.Flag,
        [ModerationCategories.Sexual] = ModerationAction.Flag,
        [ModerationCategories.SelfHarm] = ModerationAction.Flag,
        [ModerationCategories.Violence] = ModerationAction.Flag,
        [ModerationCategories.Jailbreak] = ModerationAction.Review,
        [ModerationCategories.Injection] = ModerationAction.Review,
    };

    public static readonly ModerationPolicy Default = new(DefaultActions);

    public ModerationPolicy(IReadOnlyDictionary<string, ModerationAction> actions)
    {
        foreach (var category in actions.Keys.Where(c => !ModerationCategories.All.Contains(c)))
        {
            throw new ArgumentException($"moderation: unknown category '{category}' (known: {string.Join(", ", ModerationCategories.All)}).");
        }

        Actions = ModerationCategories.All.ToDictionary(c => c, c => actions.TryGetValue(c, out var action) ? action : DefaultActions[c], StringComparer.Ordinal);
    }

    /// <summary>Every category's action.</summary>
    public IReadOnlyDictionary<string, ModerationAction> Actions { get; }

    /// <summary>The strongest action among the flagged categories; Allow when none is flagged.</summary>
    public ModerationAction For(IEnumerable<string> flagged) =>
        flagged.Select(c => Actions.TryGetValue(c, out var action) ? action : ModerationAction.Flag).DefaultIfEmpty(ModerationAction.Allow).Max();
}
