namespace SpecialistPlatform.Compliance.Detection.Policies;

/// <summary>What a tenant's policy does with a job whose text the moderation model flags in one category. A job takes
/// the strongest action among its flagged categories (block over review over flag over allow).</summary>
public enum ModerationAction
{
    /// <summary>Scored and recorded; nothing else.</summary>
    Allow,

    /// <summary>Listed in the result's flagged categories; the job goes on. The text still reaches a frontier model only
    /// as delimited data under an instruction not to follow it (every frontier prompt is built that way).</summary>
    Flag,

    /// <summary>The job goes on through the local steps, so the reviewer sees their results, but never to a frontier
    /// model (neither escalated nor shadowed); it ends in NeedsReview with the categories and scores as the reason.</summary>
    Review,

    /// <summary>The job stops at the compliance step and fails with the reason.</summary>
    Block,
}
