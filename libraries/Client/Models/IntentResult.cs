namespace SpecialistPlatform.Client.Models;

/// <summary>The router's label for the text, its calibrated confidence, the model version that decided, and whether
/// the text is outside every label the router knows.</summary>
public sealed record IntentResult(string Label, double Confidence, string ModelVersion, bool OutOfScope);
