using System.Collections.Frozen;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Organisations known by name, written as they write themselves ("Tencent", "PostNL", "Vattenfall", "Tata Consultancy
/// Services", "Karolinska Institutet"): about a thousand companies, banks, carriers, utilities, universities and
/// international bodies of every region (<c>Recognizers/known-organizations.txt</c>, written here). Their names carry no
/// legal form or industry word, so <see cref="OrganizationRecognizer"/> cannot see them and the tagger reads them as a
/// surname or a town. The list leaves out every name that is also an ordinary word, a person's name or a place ("Apple",
/// "Shell", "Ford", "Lincoln", "Nokia") and the card networks ("my Mastercard 5151 ..." names a card, not a company), so a
/// match needs no context: the exact spelling, case included, as whole words.
/// </summary>
public sealed class KnownOrganizationRecognizer : IRecognizer
{
    public const double Score = 0.8;

    private static readonly Lazy<FrozenDictionary<string, string[]>> ByFirstWord = new(Load);

    /// <summary>Product words after a company's name: "Google Pay", "Samsung Wallet", "Amazon Prime" name a product in the
    /// sentence ("I topped up with Google Pay", "my Google pay top up"), not the company as someone's employer or counterpart.</summary>
    private static readonly FrozenSet<string> ProductWords = new[]
    {
        "Pay", "Play", "Wallet", "Maps", "Drive", "Docs", "Sheets", "Photos", "Chrome", "Prime", "Music", "Store", "Card", "Points",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public string Name => nameof(KnownOrganizationRecognizer);

    public IReadOnlyCollection<string> SupportedTypes { get; } = [PersonalDataTypes.Organization];

    public IEnumerable<Finding> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = ByFirstWord.Value.GetAlternateLookup<ReadOnlySpan<char>>();
        var findings = new List<Finding>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]) || i > 0 && IsNameChar(text[i - 1]))
            {
                i++;
                continue;
            }
            var wordEnd = i;
            while (wordEnd < text.Length && IsNameChar(text[wordEnd]))
                wordEnd++;
            if (names.TryGetValue(text.AsSpan(i, wordEnd - i), out var candidates))
            {
                // Longest first: "Deutsche Bank" before "Deutsche".
                foreach (var name in candidates)
                {
                    var end = i + name.Length;
                    if (end <= text.Length && string.CompareOrdinal(text, i, name, 0, name.Length) == 0 && (end == text.Length || !IsNameChar(text[end])))
                    {
                        if (!ProductWords.Contains(TextScan.WordAfter(text, end, out _)))
                            findings.Add(new Finding(PersonalDataTypes.Organization, i, end, Score, Name));
                        wordEnd = end;
                        break;
                    }
                }
            }
            i = Math.Max(wordEnd, i + 1);
        }
        return findings;
    }

    /// <summary>Letters, digits and the joiners inside a word of a name ("AT&amp;T" is two words joined by "&amp;", "L'Oréal" one).</summary>
    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '’' or '-' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark;

    private static FrozenDictionary<string, string[]> Load()
    {
        return EmbeddedText.Lines("SpecialistPlatform.Compliance.Detection.Recognizers.known-organizations.txt")
            .Select(line => line.Trim())
            .Where(line => line.Length > 1 && !line.StartsWith('#'))
            .Distinct(StringComparer.Ordinal)
            .GroupBy(FirstWord, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(n => n.Length).ToArray(), StringComparer.Ordinal);
    }

    private static string FirstWord(string name)
    {
        var end = 0;
        while (end < name.Length && IsNameChar(name[end]))
            end++;
        return name[..Math.Max(end, 1)];
    }
}
