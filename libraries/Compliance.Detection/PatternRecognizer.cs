using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// The shape most rule-based recognizers share: a candidate regex, a validator that turns a candidate into a
/// base score (or rejects it), context words that raise the score and, optionally, words that lower it
/// ("order 12345678" is rarely a bank account).
/// </summary>
public abstract class PatternRecognizer : IRecognizer
{
    /// <summary>
    /// Every pattern runs under this limit so hostile input cannot stall the service. Generous on purpose: the
    /// clock includes the first call's JIT and any time the thread is descheduled, and at 250 ms a loaded
    /// machine (load average 20 on 2 cores) timed out on 40-character texts. The patterns are linear, and
    /// long texts are scanned in 64K chunks, so honest input stays far below it.
    /// </summary>
    public const int MatchTimeoutMilliseconds = 2000;

    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(MatchTimeoutMilliseconds);

    protected PatternRecognizer(string type, ContextWords context, double contextBoost = 0.35,
        ContextWords? negativeContext = null, double contextPenalty = 0.3)
    {
        Type = type;
        Context = context;
        ContextBoost = contextBoost;
        NegativeContext = negativeContext;
        ContextPenalty = contextPenalty;
    }

    public string Type { get; }

    public virtual string Name => GetType().Name;

    public IReadOnlyCollection<string> SupportedTypes => [Type];

    public ContextWords Context { get; }

    public double ContextBoost { get; }

    /// <summary>Words that make a nearby match less likely to be the entity; null for none.</summary>
    public ContextWords? NegativeContext { get; }

    public double ContextPenalty { get; }

    protected abstract IEnumerable<Regex> Patterns { get; }

    /// <summary>Base score for a candidate, or null to reject it. May narrow the span.</summary>
    protected abstract Candidate? Validate(string text, Match match);

    public IEnumerable<Finding> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var findings = new List<Finding>();
        foreach (var match in Candidates(text))
        {
            if (Validate(text, match) is not { } candidate)
                continue;
            var score = candidate.Score;
            if (Context.AppearsNear(text, candidate.Start, candidate.End))
                score = Math.Min(1.0, score + ContextBoost);
            else if (NegativeContext is not null && NegativeContext.AppearsNear(text, candidate.Start, candidate.End))
                score = Math.Max(0.0, score - ContextPenalty);
            findings.Add(new Finding(Type, candidate.Start, candidate.End, Math.Round(score, 4), Name));
        }
        return findings;
    }

    /// <summary>
    /// Candidate matches, by default every match of every pattern. A recognizer may override this to find
    /// candidates faster (e.g. by anchoring on a character every candidate contains) as long as it yields
    /// the same matches, less only those <see cref="Validate"/> would refuse anyway (a decision about the whole text
    /// is then taken once, not once per match).
    /// </summary>
    protected virtual IEnumerable<Match> Candidates(string text) => FullScan(text);

    private IEnumerable<Match> FullScan(string text)
    {
        foreach (var pattern in Patterns)
            foreach (Match match in pattern.Matches(text))
                yield return match;
    }

    /// <summary>Candidate spans as <see cref="Candidates"/> finds them, or by a plain scan of every pattern (for tests).</summary>
    internal IReadOnlyList<(int Index, int Length)> CandidateSpans(string text, bool fullScan) =>
        (fullScan ? FullScan(text) : Candidates(text)).Select(m => (m.Index, m.Length)).ToList();

    /// <summary>
    /// Matches of an anchored pattern (one starting with <c>\G</c>) around each occurrence of
    /// <paramref name="anchor"/>: candidate starts are the positions in the run of <paramref name="runChar"/>
    /// characters before the anchor that <paramref name="canStart"/> accepts, tried leftmost first, so the
    /// result equals a left-to-right scan of the unanchored pattern while skipping text without the anchor.
    /// </summary>
    protected static IEnumerable<Match> AnchoredMatches(string text, Regex anchored, char anchor, Func<char, bool> runChar, Func<string, int, bool> canStart, int maxRun)
    {
        var searchFrom = 0;
        var previousEnd = 0;
        while (searchFrom < text.Length)
        {
            var at = text.IndexOf(anchor, searchFrom);
            if (at < 0)
                yield break;
            var runStart = at;
            while (runStart > previousEnd && at - runStart < maxRun && runChar(text[runStart - 1]))
                runStart--;
            Match? found = null;
            for (var p = runStart; p < at && found is null; p++)
            {
                if (!canStart(text, p))
                    continue;
                var m = anchored.Match(text, p);
                if (m.Success)
                    found = m;
            }
            if (found is not null)
            {
                yield return found;
                previousEnd = found.Index + found.Length;
                searchFrom = Math.Max(previousEnd, at + 1);
            }
            else
            {
                searchFrom = at + 1;
            }
        }
    }

    /// <summary>Whether <paramref name="c"/> is in the regex class <c>\w</c>.</summary>
    protected static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) && char.GetUnicodeCategory(c) is not (System.Globalization.UnicodeCategory.OtherNumber or System.Globalization.UnicodeCategory.LetterNumber)
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.ConnectorPunctuation;

    protected readonly record struct Candidate(int Start, int End, double Score)
    {
        public static Candidate Of(Match m, double score) => new(m.Index, m.Index + m.Length, score);
    }

    protected static string DigitsOf(string value)
    {
        Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        var n = 0;
        foreach (var c in value)
            if (c is >= '0' and <= '9')
                buffer[n++] = c;
        return new string(buffer[..n]);
    }
}
