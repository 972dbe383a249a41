namespace SpecialistPlatform.Client.Models;

/// <summary>One text's personal data. With a policy applied: <c>Text</c> is the text as the policy left it,
/// <c>Blocked</c> whether the policy refuses the text (and <c>Reason</c> why), and <c>Placeholders</c> the placeholder
/// map when it was asked for (it holds the original values).</summary>
public sealed record PersonalDataResult
{
    public required IReadOnlyList<PersonalDataEntity> Entities { get; init; }
    public string? Text { get; init; }
    public bool Blocked { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyDictionary<string, string>? Placeholders { get; init; }
}
