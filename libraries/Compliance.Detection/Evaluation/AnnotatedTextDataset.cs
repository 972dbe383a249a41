using System.Text;

namespace SpecialistPlatform.Compliance.Detection.Evaluation;

/// <summary>
/// Hand-written evaluation text with inline labels, readable and editable by a person: samples are separated by a
/// line holding only <c>===</c>, a labelled span is written <c>{{TYPE|value}}</c>, lines starting with <c>#</c>
/// before a sample's first line are comments. Reading strips the markup and yields Presidio samples (code-point
/// offsets), so the evaluator treats such a file like any other set.
/// </summary>
public static class AnnotatedTextDataset
{
    public const string Extension = ".pii.txt";

    public const string SampleSeparator = "===";

    public static bool Handles(string path) => path.EndsWith(Extension, StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<PresidioSample> Read(string path) => Parse(File.ReadAllText(path), path);

    public static IReadOnlyList<PresidioSample> Parse(string content, string source = "text")
    {
        var samples = new List<PresidioSample>();
        var lines = new List<string>();
        var lineNumber = 0;
        var sampleLine = 1;
        foreach (var raw in content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            lineNumber++;
            if (raw.Trim() == SampleSeparator)
            {
                Flush();
                sampleLine = lineNumber + 1;
                continue;
            }
            if (lines.Count == 0 && (raw.StartsWith('#') || raw.Trim().Length == 0))
                continue;
            lines.Add(raw);
        }
        Flush();
        return samples;

        void Flush()
        {
            while (lines.Count > 0 && lines[^1].Trim().Length == 0)
                lines.RemoveAt(lines.Count - 1);
            if (lines.Count > 0)
                samples.Add(ParseSample(string.Join('\n', lines), $"{source}:{sampleLine}"));
            lines.Clear();
        }
    }

    private static PresidioSample ParseSample(string marked, string where)
    {
        var text = new StringBuilder(marked.Length);
        var spans = new List<PresidioSpan>();
        var i = 0;
        while (i < marked.Length)
        {
            var open = marked.IndexOf("{{", i, StringComparison.Ordinal);
            if (open < 0)
            {
                text.Append(marked, i, marked.Length - i);
                break;
            }
            text.Append(marked, i, open - i);
            var bar = marked.IndexOf('|', open);
            var close = marked.IndexOf("}}", open, StringComparison.Ordinal);
            if (bar < 0 || close < 0 || bar > close)
                throw new FormatException($"{where}: unclosed or untyped label at \"{marked[open..Math.Min(marked.Length, open + 40)]}\".");
            var type = marked[(open + 2)..bar].Trim();
            var value = marked[(bar + 1)..close];
            if (type.Length == 0 || value.Length == 0 || value.Contains("{{", StringComparison.Ordinal))
                throw new FormatException($"{where}: empty or nested label \"{marked[open..(close + 2)]}\".");
            var start = text.Length;
            text.Append(value);
            spans.Add(new PresidioSpan(type, value, start, text.Length));
            i = close + 2;
        }
        var full = text.ToString();
        // Presidio positions count code points, as Python does.
        var codePointSpans = spans
            .Select(s => s with { StartPosition = TextOffsets.ToCodePointIndex(full, s.StartPosition), EndPosition = TextOffsets.ToCodePointIndex(full, s.EndPosition) })
            .ToList();
        return new PresidioSample(full, codePointSpans);
    }
}
