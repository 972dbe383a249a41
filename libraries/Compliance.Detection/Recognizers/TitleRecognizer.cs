using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Honorifics and academic titles before a name ("Mr", "Dr.", "Prof.", "Frau", "Mme", "Pani"), as Presidio's TITLE.
/// Only before a capitalised word, so "Dr" alone or "mr" in a user name stays out. The entity tagger's PERSON spans
/// start after a title (<see cref="TitleLengthAt"/>), so the two never compete for the same characters.
/// </summary>
public sealed partial class TitleRecognizer() : PatternRecognizer(PersonalDataTypes.Title, new ContextWords(["dear", "to", "attn", "attention"]), contextBoost: 0.1)
{
    internal const string Titles =
        "Mr|Mrs|Ms|Miss|Mx|Mister|Madam|Dr|Doctor|Prof|Professor|Sir|Dame|Lady|Lord|Rev|Revd|Fr|Sr|Sra|Srta|Dña|Don|Herr|Frau|Fräulein"
        + "|Mme|Mlle|Mmes|Monsieur|Madame|Mademoiselle|Dott|Dottssa|Sig|Sigra|Signor|Signora|Ing|Mgr|Bc|Pan|Pani|Hr|Fru|Fr|Dhr|Mevr|Mw";

    [GeneratedRegex(@"(?<![\w.])(?<title>(?:" + Titles + @")\.?)(?=[ \t]+\p{Lu})", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Title();

    protected override IEnumerable<Regex> Patterns => [Title()];

    protected override Candidate? Validate(string text, Match match) => Candidate.Of(match, 0.6);

    /// <summary>Length of a title (with its dot and the spaces after it) starting at <paramref name="start"/>, or 0 when none does.</summary>
    public static int TitleLengthAt(string text, int start)
    {
        var match = Title().Match(text, start);
        if (!match.Success || match.Index != start)
            return 0;
        var end = match.Index + match.Length;
        while (end < text.Length && text[end] is ' ' or '\t')
            end++;
        return end - start;
    }
}
