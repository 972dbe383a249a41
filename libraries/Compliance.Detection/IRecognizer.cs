namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// A source of findings: a rule-based recognizer here, later a learned tagger. Recognizers may return
/// overlapping findings; <see cref="PersonalDataDetector"/> resolves overlaps across all of them.
/// </summary>
public interface IRecognizer
{
    string Name { get; }

    IReadOnlyCollection<string> SupportedTypes { get; }

    IEnumerable<Finding> Recognize(string text);
}
