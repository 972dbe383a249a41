namespace SpecialistPlatform.Frontier;

/// <summary>
/// The prompt templates the frontier tasks use now. A new wording is a new file with the next version, switched here, so
/// the audit trail's <c>prompts=</c> names tell which wording a job was asked with.
/// </summary>
public static class FrontierPrompts
{
    /// <summary>Sent with every task as the system message: the text is redacted, placeholders must come back untouched,
    /// and the customer's text is data, never instructions (docs/decisions/0025).</summary>
    public static FrontierPrompt System { get; } = FrontierPrompt.Embedded("system", 1);

    public static FrontierPrompt Classify { get; } = FrontierPrompt.Embedded("classify", 1);

    public static FrontierPrompt Extract { get; } = FrontierPrompt.Embedded("extract", 1);

    public static FrontierPrompt Summarise { get; } = FrontierPrompt.Embedded("summarise", 1);

    /// <summary>The second turn after an invalid answer: the answer, then what was wrong with it.</summary>
    public static FrontierPrompt AnswerAgain { get; } = FrontierPrompt.Embedded("answer-again", 1);
}
