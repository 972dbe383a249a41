namespace SpecialistPlatform.MachineLearning.Sequence;

/// <summary>
/// Which punctuation may start or end a span of each slot, learned from the training spans: a symbol counts when
/// at least <see cref="MinCount"/> gold spans of that slot start (or end) with it. A predicted span that starts or
/// ends with any other symbol token is trimmed to its words ("the 27th," becomes "27th"), so a tagger trained on
/// few examples does not pull a comma or "!" into a date, while Restaurant-8k's time spans keep the full stop
/// that annotators include after "p.m.".
/// </summary>
public sealed record SpanEdges(IReadOnlyDictionary<string, string> Starts, IReadOnlyDictionary<string, string> Ends)
{
    public const int MinCount = 2;

    public static SpanEdges Learn(IEnumerable<(IReadOnlyList<SpanToken> Tokens, IReadOnlyList<LabeledSpan> Spans)> examples)
    {
        var starts = new SortedDictionary<string, SortedDictionary<char, int>>(StringComparer.Ordinal);
        var ends = new SortedDictionary<string, SortedDictionary<char, int>>(StringComparer.Ordinal);
        foreach (var (tokens, spans) in examples)
        {
            foreach (var span in spans)
            {
                var first = -1;
                var last = -1;
                for (var t = 0; t < tokens.Count; t++)
                {
                    if (tokens[t].Start < span.End && tokens[t].End > span.Start)
                    {
                        first = first < 0 ? t : first;
                        last = t;
                    }
                }
                if (first < 0)
                {
                    continue;
                }
                Count(starts, span.Label, tokens[first]);
                Count(ends, span.Label, tokens[last]);
            }
        }
        return new SpanEdges(Kept(starts), Kept(ends));

        static void Count(SortedDictionary<string, SortedDictionary<char, int>> counts, string label, SpanToken token)
        {
            if (IsSymbol(token))
            {
                var perLabel = counts.TryGetValue(label, out var c) ? c : counts[label] = [];
                perLabel[token.Text[0]] = perLabel.GetValueOrDefault(token.Text[0]) + 1;
            }
        }

        static IReadOnlyDictionary<string, string> Kept(SortedDictionary<string, SortedDictionary<char, int>> counts) =>
            new SortedDictionary<string, string>(
                counts.ToDictionary(kv => kv.Key, kv => new string(kv.Value.Where(c => c.Value >= MinCount).Select(c => c.Key).ToArray()), StringComparer.Ordinal)
                    .Where(kv => kv.Value.Length > 0).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
                StringComparer.Ordinal);
    }

    /// <summary>Tokens [first, last] of a predicted span without the symbols that may not start or end it; null when nothing is left.</summary>
    public (int First, int Last)? Trim(IReadOnlyList<SpanToken> tokens, int first, int last, string label)
    {
        var starts = Starts.GetValueOrDefault(label) ?? "";
        var ends = Ends.GetValueOrDefault(label) ?? "";
        while (first <= last && IsSymbol(tokens[first]) && !starts.Contains(tokens[first].Text[0], StringComparison.Ordinal))
        {
            first++;
        }
        while (last >= first && IsSymbol(tokens[last]) && !ends.Contains(tokens[last].Text[0], StringComparison.Ordinal))
        {
            last--;
        }
        return first <= last ? (first, last) : null;
    }

    /// <summary>A one-character token that is neither a letter nor a digit (the tokenizer's punctuation and symbols).</summary>
    private static bool IsSymbol(SpanToken token) => token.Text.Length == 1 && !char.IsLetterOrDigit(token.Text[0]);
}
