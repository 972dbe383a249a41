using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// The shape most rule-based recognizers share: a candidate regex, a validator that turns a candidate into a
/// base score (or rejects it), context words that raise the score and, optionally, words that lower it
/// ("order 12345678" is rarely a bank account).
/// </summary>
public abstract class PatternRecognizer : IRecognizer
{
    /// <summary>Every pattern runs under this limit so hostile input cannot stall the service.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

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
        foreach (var pattern in Patterns)
        {
            foreach (Match match in pattern.Matches(text))
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
        }
        return findings;
    }

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
