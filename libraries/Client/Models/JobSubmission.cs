namespace SpecialistPlatform.Client.Models;

/// <summary>A job to run: its kind (e.g. support-ticket, email, invoice, restaurant-booking: the platform's pipelines
/// decide the steps), its text and optional metadata stored with it.</summary>
public sealed record JobSubmission(string Kind, string Text, IReadOnlyDictionary<string, string>? Metadata = null);
