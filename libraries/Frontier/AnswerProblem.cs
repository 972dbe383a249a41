namespace SpecialistPlatform.Frontier;

/// <summary>
/// Why a frontier answer failed validation, twice over: <see cref="Feedback"/> quotes what the model answered, to help
/// its retry and the person who reviews the job; <see cref="Summary"/> says what kind of mistake it was in words of our
/// own, for the audit trail, which must never hold text from the job (a model's answer can echo it).
/// </summary>
public sealed record AnswerProblem(string Summary, string Feedback);
