using SpecialistPlatform.Client.Models;

namespace SpecialistPlatform.Client.SemanticKernel;

/// <summary>
/// Keeps a text's personal data out of what a function hands back to the model. A job's result can carry original
/// values: extracted fields are read from the original text, and a frontier's answer has the platform's placeholders
/// restored. The shield knows, from the platform's own policy applied to the same text, which values were replaced
/// and by what, and puts the replacement back wherever such a value would reach the model.
/// </summary>
internal sealed class PersonalDataShield
{
    private readonly IReadOnlyList<PersonalDataEntity> _replaced;

    private PersonalDataShield(IReadOnlyList<PersonalDataEntity> replaced) => _replaced = replaced;

    /// <summary>Applies the tenant's policy for <paramref name="kind"/> to <paramref name="text"/>: the same policy the
    /// job's compliance step applies, so the replacements match the job's redacted text.</summary>
    public static async Task<PersonalDataShield> ForTextAsync(SpecialistPlatformClient platform, string text, string? kind, CancellationToken cancellationToken)
    {
        var applied = (await platform.ApplyPersonalDataPolicyAsync([text], kind, cancellationToken: cancellationToken))[0];
        return new PersonalDataShield(
        [
            .. applied.Entities
                .Where(e => e.Action is not "allow" && e.Value.Length > 0)
                // Longest first, so a value that contains another (a full name and its surname) is replaced whole.
                .OrderByDescending(e => e.Value.Length),
        ]);
    }

    /// <summary>Replaces every replaced value that occurs in <paramref name="text"/> with its replacement.</summary>
    public string? Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var entity in _replaced)
        {
            text = text.Replace(entity.Value, ReplacementOf(entity), StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The replacement of the personal data that overlaps [start, end) of the original text, if any: a field
    /// cut from inside a name (a surname) is as personal as the name.</summary>
    public string? ReplacementOverlapping(int start, int end) =>
        _replaced.FirstOrDefault(e => e.Start < end && start < e.End) is { } entity ? ReplacementOf(entity) : null;

    private static string ReplacementOf(PersonalDataEntity entity) => entity.Replacement ?? $"<{entity.Type}>";
}
