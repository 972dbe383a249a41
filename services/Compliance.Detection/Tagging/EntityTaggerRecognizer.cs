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

    private readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _common = NegativeUtterances.Vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly EntityGazetteer _gazetteer = EntityGazetteer.Default;

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
        foreach (var (lineStart, lineEnd) in Segments(text))
        {
            foreach (var (start, end) in Windows(text, lineStart, lineEnd))
            {
                var segment = start == 0 && end == text.Length ? text : text[start..end];
                foreach (var span in _tagger.Predict(segment))
                    findings.Add(new Finding(span.Label, start + span.Start, start + span.End, MaximumScore * span.Confidence, Name));
            }
        }
        return findings;
    }

    /// <summary>Tokens either side of a trigger that the CRF sees: its features reach two tokens out, so four keep every window's decisions local.</summary>
    internal const int WindowMargin = 4;

    /// <summary>
    /// Within a segment, the stretches around <em>trigger</em> tokens: a capitalised word that is not a common word of
    /// ordinary requests (or is a known name, place or street word), or a number right before a capitalised word (a
    /// house number). Prose between them ("please let me know if you have any questions") is never a name, place,
    /// company or street in the training data, so it is left out; this is most of the tagger's speed on ordinary text.
    /// </summary>
    internal List<(int Start, int End)> Windows(string text, int start, int end)
    {
        var tokens = SpanTokenizer.Tokenize(text[start..end]);
        var windows = new List<(int Start, int End)>();
        var first = -1;
        var last = -1;
        Span<char> lower = stackalloc char[64];
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!IsTrigger(text.AsSpan(start + tokens[i].Start, tokens[i].End - tokens[i].Start), i + 1 < tokens.Count ? text[start + tokens[i + 1].Start] : ' ', lower))
                continue;
            var from = Math.Max(0, i - WindowMargin);
            var to = Math.Min(tokens.Count - 1, i + WindowMargin);
            if (first >= 0 && from <= last + 1)
            {
                last = Math.Max(last, to);
                continue;
            }
            if (first >= 0)
                windows.Add((start + tokens[first].Start, start + tokens[last].End));
            first = from;
            last = to;
        }
        if (first >= 0)
            windows.Add((start + tokens[first].Start, start + tokens[last].End));
        return windows;
    }

    private bool IsTrigger(ReadOnlySpan<char> token, char next, Span<char> lower)
    {
        var c = token[0];
        if (char.IsAsciiDigit(c))
            return char.IsUpper(next);
        if (!char.IsUpper(c))
            return false;
        var length = Math.Min(token.Length, lower.Length);
        token[..length].ToLowerInvariant(lower);
        var word = lower[..length];
        const GazetteerClass Entityish = GazetteerClass.FirstName | GazetteerClass.LastName | GazetteerClass.CityWord | GazetteerClass.Country
            | GazetteerClass.State | GazetteerClass.StreetSuffix | GazetteerClass.CompanySuffix;
        return !_common.Contains(word) || (_gazetteer.Lookup(word) & Entityish) != 0;
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
