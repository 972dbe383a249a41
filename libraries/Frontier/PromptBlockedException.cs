namespace SpecialistPlatform.Frontier;

/// <summary>
/// The personal-data filter stopped a rendered prompt before it was sent (<see cref="PersonalDataPromptFilter"/>). The
/// message names the types found, never the values, so it may go into a job's reason and the audit trail.
/// </summary>
public sealed class PromptBlockedException(IReadOnlyList<string> types, string promptIds)
    : Exception($"the rendered prompt ({promptIds}) carries personal data that is not a placeholder ({string.Join(", ", types)}); it was not sent")
{
    /// <summary>The personal-data types found, sorted, each once.</summary>
    public IReadOnlyList<string> Types { get; } = types;

    /// <summary>The templates that rendered it, e.g. <c>system.v1+classify.v1</c>.</summary>
    public string PromptIds { get; } = promptIds;
}
