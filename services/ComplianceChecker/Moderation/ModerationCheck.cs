using System.Globalization;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Compliance.Detection.Policies;
using SpecialistPlatform.Contracts.Jobs;
using SpecialistPlatform.Jobs.Registry;
using SpecialistPlatform.MachineLearning.Moderation;

namespace SpecialistPlatform.ComplianceChecker.Moderation;

/// <summary>One text's moderation: the result the job carries, the policy's action and the model that decided.</summary>
public sealed record ModerationVerdict(ModerationResult Result, ModerationAction? Action, LoadedModerationModel DecidedBy)
{
    /// <summary>The flagged categories with their scores, e.g. "jailbreak 0.97, injection 0.61": for reasons and audit
    /// details (scores and category names only, never the text).</summary>
    public string FlaggedSummary => string.Join(", ", Result.Flagged.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c} {Result.Scores[c]:0.00}")));
}

/// <summary>
/// Scores a text with the moderation model that decides it (the active one, or the shadow as a canary), records the
/// shadow's agreement, and applies the tenant's policy: the strongest action among the flagged categories.
/// </summary>
public sealed class ModerationCheck(ModerationModelHost models, ShadowAgreement shadowAgreement, IOptions<ModerationOptions> options)
{
    /// <summary>The models to use for a batch; null when moderation is off. Waits for the first load at start.</summary>
    public Task<ServingModerationModels?> ServingAsync() => models.CurrentAsync();

    public ModerationVerdict Check(ServingModerationModels serving, Guid? jobId, string text, ModerationPolicy policy)
    {
        var (decides, compared) = serving.For(jobId, options.Value.CanaryShare);
        var scores = decides.Model.Score(text);
        if (compared is not null)
        {
            var other = compared.Model.Score(text);
            var (active, shadow) = decides == serving.Active ? (scores, other) : (other, scores);
            shadowAgreement.Record(serving.Active.RegistryId, serving.Shadow!.RegistryId, Label(active), Label(shadow));
        }

        ModerationAction? action = scores.Flagged.Count == 0 ? null : policy.For(scores.Flagged);
        var result = new ModerationResult(
            scores.Categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => Math.Round((double)scores.Probabilities[p.i], 4), StringComparer.Ordinal),
            [.. scores.Flagged],
            action?.ToString().ToLowerInvariant() ?? "none",
            decides.Version);
        return new ModerationVerdict(result, action, decides);
    }

    /// <summary>A decision as the shadow report counts it: the flagged categories, or "none".</summary>
    private static string Label(ModerationScores scores) => scores.Flagged.Count == 0 ? "none" : string.Join("+", scores.Flagged.Order(StringComparer.Ordinal));
}
