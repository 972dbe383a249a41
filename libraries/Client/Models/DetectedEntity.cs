namespace SpecialistPlatform.Client.Models;

/// <summary>One piece of personal data in a job's text: its type (e.g. EMAIL_ADDRESS) and [Start, End) UTF-16 offsets.</summary>
public sealed record DetectedEntity(string Type, int Start, int End, double Score);
