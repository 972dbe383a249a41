namespace SpecialistPlatform.Client.Models;

/// <summary>Every moderation category's calibrated probability, the categories at or over their thresholds, and the
/// strongest action the tenant's policy gives a flagged category: none, flag, review or block.</summary>
public sealed record ModerationResult(IReadOnlyDictionary<string, double> Scores, IReadOnlyList<string> Flagged, string Action, string ModelVersion);
