namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>The training and validation examples of a moderation model, and the files they were read from.</summary>
public sealed record ModerationData(IReadOnlyList<ModerationExample> Training, IReadOnlyList<ModerationExample> Validation, IReadOnlyList<string> Files);
