namespace SpecialistPlatform.Client.Models;

/// <summary>The schema the extraction step filled (from the job's kind, or from the routed intent for a support
/// ticket), the fields it found, and the required fields it did not find.</summary>
public sealed record ExtractionResult(string Schema, IReadOnlyList<ExtractedField> Fields, IReadOnlyList<string> MissingRequired);
