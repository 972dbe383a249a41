namespace SpecialistPlatform.Client.Models;

/// <summary>A piece of personal data at [Start, End) (UTF-16 offsets) with its value. With a policy applied,
/// <c>Action</c> is what the policy did (allow, redact, mask, hash, encrypt or block) and <c>Replacement</c> what
/// stands in its place.</summary>
public sealed record PersonalDataEntity(string Type, int Start, int End, double Score, string Value)
{
    public string? Action { get; init; }
    public string? Replacement { get; init; }
}
