namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>
/// A text with the categories it is known to belong or not to belong to. A category absent from
/// <paramref name="Labels"/> is unknown for this text (e.g. whether a tweet from the hate-speech set is offensive)
/// and the text is neither a positive nor a negative for it in training or evaluation.
/// </summary>
/// <param name="Source">Where it came from, e.g. "davidson" or "bipia-email-injected": evaluation reports by it.</param>
public sealed record ModerationExample(string Text, string Source, IReadOnlyDictionary<string, bool> Labels)
{
    public bool? Label(string category) => Labels.TryGetValue(category, out var value) ? value : null;
}
