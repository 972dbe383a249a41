namespace SpecialistPlatform.MachineLearning.Training;

/// <summary>A text with its gold label.</summary>
public sealed record LabeledExample(string Text, string Label);
