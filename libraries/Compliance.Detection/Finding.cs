namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// One piece of personal data found in a text. <see cref="Start"/> and <see cref="End"/> are UTF-16 offsets
/// into the original string (end exclusive), the indices .NET strings use; <see cref="TextOffsets"/> converts
/// them to Unicode code-point offsets for consumers in other languages.
/// </summary>
/// <param name="Type">A <see cref="PersonalDataTypes"/> name (or a custom recognizer's type).</param>
/// <param name="Start">First UTF-16 index of the span.</param>
/// <param name="End">UTF-16 index just past the span.</param>
/// <param name="Score">Confidence in 0..1.</param>
/// <param name="Recognizer">Name of the recognizer that produced it.</param>
public sealed record Finding(string Type, int Start, int End, double Score, string Recognizer)
{
    public int Length => End - Start;

    public string ValueIn(string text) => text[Start..End];

    public bool Overlaps(Finding other) => Start < other.End && other.Start < End;
}
