namespace SpecialistPlatform.Client.Models;

/// <summary>What the frontier model did for an unsure job. <c>Escalated</c> false means it could not or may not answer
/// (none configured, over budget, invalid answers) and <c>Reason</c> says which. <c>Label</c> and <c>Fields</c> are its
/// answers, with the platform's placeholders already restored to the original values.</summary>
public sealed record EscalationResult(
    bool Escalated, string Reason, string? Model, decimal Cost, string? Answer,
    string? Label = null, IReadOnlyDictionary<string, string?>? Fields = null, long InputTokens = 0, long OutputTokens = 0);
