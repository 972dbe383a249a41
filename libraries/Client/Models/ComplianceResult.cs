namespace SpecialistPlatform.Client.Models;

/// <summary>The personal data the compliance step found in the job's text ([Start, End) UTF-16 offsets), the policy's
/// action, and the text as the policy left it (the only text the platform ever sends outside).</summary>
public sealed record ComplianceResult(IReadOnlyList<DetectedEntity> Entities, string Action, string RedactedText);
