using System.Buffers;
using System.Runtime.InteropServices;
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
    private readonly EntityEmissions _emissions;

    public EntityTaggerRecognizer(SpanTagger tagger)
    {
        _tagger = tagger;
        _emissions = new EntityEmissions(tagger);
        SupportedTypes = tagger.Labels.ToArray();
    }

    public string Name => "entity-tagger";

    public IReadOnlyCollection<string> SupportedTypes { get; }

    public SpanTagger Tagger => _tagger;

    public IEnumerable<Finding> Recognize(string text)
    {
        var findings = new List<Finding>();
        var tags = _tagger.TagCount;
        var tokens = new List<SpanToken>();
        var words = new List<EntityEmissions.WordScores>();
        foreach (var (segmentStart, segmentEnd) in Segments(text))
        {
            // Tokenised once per segment; each window is a run of these tokens, tagged as a sequence of its own. A
            // token's text is its cached word's string, so tokens cost no allocation.
            tokens.Clear();
            words.Clear();
            var position = segmentStart;
            while (SpanTokenizer.NextToken(text, ref position, segmentEnd, out var tokenStart))
            {
                var word = _emissions.Lookup(text.AsSpan(tokenStart, position - tokenStart));
                tokens.Add(new SpanToken(tokenStart, position, word.Text));
                words.Add(word);
            }
            var segmentTokens = CollectionsMarshal.AsSpan(tokens);
            var segmentWords = CollectionsMarshal.AsSpan(words);
            foreach (var (first, last) in Windows(text, segmentTokens, segmentWords))
            {
                var count = last - first + 1;
                var emissions = ArrayPool<double>.Shared.Rent(count * tags);
                var window = ArrayPool<SpanToken>.Shared.Rent(count);
                try
                {
                    var scores = emissions.AsSpan(0, count * tags);
                    // Decode reads tokens as a list: a pooled array segment, not a new list per window.
                    segmentTokens.Slice(first, count).CopyTo(window);
                    _emissions.Score(text, segmentTokens.Slice(first, count), segmentWords.Slice(first, count), scores);
                    foreach (var span in _tagger.Decode(text, new ArraySegment<SpanToken>(window, 0, count), scores))
                        findings.Add(new Finding(span.Label, span.Start, span.End, MaximumScore * span.Confidence, Name));
                }
                finally
                {
                    ArrayPool<double>.Shared.Return(emissions);
                    ArrayPool<SpanToken>.Shared.Return(window, clearArray: true);
                }
            }
        }
        return findings;
    }

    /// <summary>Tokens either side of a trigger that the CRF sees: its features reach two tokens out, so four keep every window's decisions local.</summary>
    internal const int WindowMargin = 4;

    /// <summary>
    /// Within a segment's tokens, the runs [First, Last] around <em>trigger</em> tokens: a capitalised word that is not
    /// a common word of ordinary requests (or is a known name, place or street word), or a number right before a
    /// capitalised word (a house number). Prose between them ("please let me know if you have any questions") is
    /// never a name, place, company or street in the training data, so it is left out; this is most of the tagger's
    /// speed on ordinary text.
    /// </summary>
    internal static List<(int First, int Last)> Windows(string text, ReadOnlySpan<SpanToken> tokens, ReadOnlySpan<EntityEmissions.WordScores> words)
    {
        var windows = new List<(int First, int Last)>();
        var first = -1;
        var last = -1;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!IsTrigger(text[tokens[i].Start], i + 1 < tokens.Length ? text[tokens[i + 1].Start] : ' ', words[i].Facts))
                continue;
            var from = Math.Max(0, i - WindowMargin);
            var to = Math.Min(tokens.Length - 1, i + WindowMargin);
            if (first >= 0 && from <= last + 1)
            {
                last = Math.Max(last, to);
                continue;
            }
            if (first >= 0)
                windows.Add((first, last));
            first = from;
            last = to;
        }
        if (first >= 0)
            windows.Add((first, last));
        return windows;
    }

    private static bool IsTrigger(char firstChar, char next, EntityTokenFacts facts)
    {
        if (char.IsAsciiDigit(firstChar))
            return char.IsUpper(next);
        if (!char.IsUpper(firstChar))
            return false;
        const GazetteerClass Entityish = GazetteerClass.FirstName | GazetteerClass.LastName | GazetteerClass.CityWord | GazetteerClass.Country
            | GazetteerClass.State | GazetteerClass.StreetSuffix | GazetteerClass.CompanySuffix;
        return !facts.Common || ((GazetteerClass)facts.Gazetteer & Entityish) != 0;
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
