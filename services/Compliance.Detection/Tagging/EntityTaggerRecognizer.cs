using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.Compliance.Detection.Tagging;

/// <summary>
/// The learned tagger as a recognizer: PERSON, LOCATION, ORGANIZATION and STREET_ADDRESS spans with the CRF's
/// span probability, scaled under the validated rules' scores so that a Luhn-checked card or an e-mail address wins
/// an overlap with a name the tagger guessed inside it.
/// </summary>
public sealed class EntityTaggerRecognizer : IRecognizer
{
    /// <summary>A span the model is certain of scores this; the rules' validated types score 0.9 and more.</summary>
    public const double MaximumScore = 0.85;

    private readonly SpanTagger _tagger;

    public EntityTaggerRecognizer(SpanTagger tagger)
    {
        _tagger = tagger;
        SupportedTypes = tagger.Labels.ToArray();
    }

    public string Name => "entity-tagger";

    public IReadOnlyCollection<string> SupportedTypes { get; }

    public SpanTagger Tagger => _tagger;

    public IEnumerable<Finding> Recognize(string text)
    {
        var findings = new List<Finding>();
        foreach (var (start, end) in Segments(text))
        {
            var segment = start == 0 && end == text.Length ? text : text[start..end];
            foreach (var span in _tagger.Predict(segment))
                findings.Add(new Finding(span.Label, start + span.Start, start + span.End, MaximumScore * span.Confidence, Name));
        }
        return findings;
    }

    /// <summary>
    /// The stretches worth tagging: lines holding a capital letter or a digit, each with the line before it as
    /// context ("Regards,\nJane Doe"). Lines in lower case only are skipped: every name, place and company in
    /// the training data is capitalised or numbered, so the model would answer O there anyway, and ordinary chat
    /// text costs nothing.
    /// </summary>
    internal static List<(int Start, int End)> Segments(string text)
    {
        var segments = new List<(int Start, int End)>();
        var previousLineStart = -1;
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            if (lineEnd < 0)
                lineEnd = text.Length;
            if (Active(text.AsSpan(lineStart, lineEnd - lineStart)))
            {
                var from = previousLineStart >= 0 ? previousLineStart : lineStart;
                if (segments.Count > 0 && segments[^1].End >= from - 1)
                    segments[^1] = (segments[^1].Start, lineEnd);
                else
                    segments.Add((from, lineEnd));
            }
            previousLineStart = lineStart;
            lineStart = lineEnd + 1;
        }
        return segments;
    }

    private static bool Active(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (char.IsUpper(c) || char.IsAsciiDigit(c))
                return true;
        }
        return false;
    }
}
