using System.Collections.Frozen;

namespace SpecialistPlatform.Compliance.Detection.Tagging;

/// <summary>
/// Real text without personal data, shipped inside this library (negative-utterances.txt): every second
/// Banking77 training utterance (PolyAI, CC-BY-4.0, Casanueva et al. 2020) and every third CLINC150 training
/// utterance (Larson et al. 2019, CC-BY-3.0); the licence files lie beside it. The other utterances, and
/// CLINC150's validation split, stay out of training so false positives can be measured on them.
/// </summary>
public static class NegativeUtterances
{
    private static readonly Lazy<IReadOnlyList<string>> Lines = new(Load);
    private static readonly Lazy<FrozenSet<string>> Words = new(() => BuildVocabulary(Lines.Value));

    public static IReadOnlyList<string> All => Lines.Value;

    /// <summary>Lower-cased words of the utterances: a word seen in ordinary requests is less likely a name.</summary>
    public static FrozenSet<string> Vocabulary => Words.Value;

    private static IReadOnlyList<string> Load() =>
        EmbeddedText.Lines("SpecialistPlatform.Compliance.Detection.Tagging.negative-utterances.txt").Where(line => line.Length > 0).ToList();

    private static FrozenSet<string> BuildVocabulary(IReadOnlyList<string> lines)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            foreach (var token in line.Split([' ', ',', '.', '?', '!', '"', '\'', '(', ')', ':', ';'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.All(char.IsLetter))
                    words.Add(token.ToLowerInvariant());
            }
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
