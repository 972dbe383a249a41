using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Bogus;
using Bogus.Bson;

namespace SpecialistPlatform.Compliance.Detection.Tagging;

/// <summary>Word classes a gazetteer entry can belong to; a word may be in several ("Jordan" is a name and a country).</summary>
[Flags]
public enum GazetteerClass
{
    None = 0,
    FirstName = 1,
    LastName = 2,
    CityWord = 4,
    Country = 8,
    State = 16,
    StreetSuffix = 32,
    StreetWord = 64,
    CompanySuffix = 128,
    Title = 256,
}

/// <summary>
/// Lower-cased single words from Bogus's locale data (first and last names, city parts, countries, states, street
/// suffixes and roots, company suffixes, name prefixes) for the training locales, plus the first names and surnames
/// of the locales Bogus has no names for (Tagging/Names: Hungarian, Danish, Icelandic, Hebrew, Greek, Balkan, Baltic,
/// Ukrainian, Russian, Arabic, Persian, Indian, Chinese, Japanese, Korean, Thai, Filipino, Malay, African, Celtic,
/// Catalan, Basque), written here. Multi-word entries ("New York") add each word. The <see cref="Fingerprint"/> goes
/// into the model's feature set: a different data set means a different model.
/// Apart from the classes, <see cref="IsCommonWord"/> knows frequent capitalised words that are no names: of other
/// languages ("Rechnung", "Betreff", "Adresse", "Kontakt") and English headings, labels, departments and roles
/// ("Attendees", "Finance", "Committee"; Tagging/CommonWords/en.txt).
/// </summary>
public sealed class EntityGazetteer
{
    /// <summary>Locales the training generator and the gazetteer use.</summary>
    public static readonly IReadOnlyList<string> TrainingLocales =
    [
        "en", "en_US", "en_GB", "en_AU", "en_CA", "en_IE", "en_IND", "en_NG", "en_ZA", "de", "de_AT", "de_CH", "fr", "fr_CA", "fr_CH",
        "es", "es_MX", "it", "nl", "nl_BE", "nb_NO", "fi", "cz", "sk", "hr", "ro", "tr", "id_ID", "af_ZA", "lv", "vi",
        // Since issue 16 also Polish, Swedish and Portuguese: the independent checks are now the hand-written sets in
        // data/pii-handwritten (Hungarian, Danish, Icelandic and Hebrew names there are in no Bogus locale at all).
        "pl", "sv", "pt_BR", "pt_PT",
    ];

    private static readonly (string Category, string Key, GazetteerClass Class)[] Sources =
    [
        ("name", "first_name", GazetteerClass.FirstName),
        ("name", "male_first_name", GazetteerClass.FirstName),
        ("name", "female_first_name", GazetteerClass.FirstName),
        ("name", "last_name", GazetteerClass.LastName),
        ("name", "male_last_name", GazetteerClass.LastName),
        ("name", "female_last_name", GazetteerClass.LastName),
        ("name", "prefix", GazetteerClass.Title),
        ("address", "city_prefix", GazetteerClass.CityWord),
        ("address", "city_suffix", GazetteerClass.CityWord),
        ("address", "city", GazetteerClass.CityWord),
        ("address", "city_name", GazetteerClass.CityWord),
        ("address", "country", GazetteerClass.Country),
        ("address", "state", GazetteerClass.State),
        ("address", "street_suffix", GazetteerClass.StreetSuffix),
        ("address", "street_root", GazetteerClass.StreetWord),
        ("company", "suffix", GazetteerClass.CompanySuffix),
        ("company", "legal_form", GazetteerClass.CompanySuffix),
    ];

    private static readonly Lazy<EntityGazetteer> Shared = new(() => Build(TrainingLocales));

    private const string ResourcePrefix = "SpecialistPlatform.Compliance.Detection.Tagging.";

    private static readonly Lazy<IReadOnlyList<NameList>> Lists = new(LoadNameLists);

    private readonly FrozenDictionary<string, GazetteerClass> _words;
    private readonly FrozenDictionary<string, GazetteerClass>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _commonWords;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _commonOrEnglishWords;

    private EntityGazetteer(Dictionary<string, GazetteerClass> words)
    {
        _words = words.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        // A first name of any list ("Anne" is also the Turkish "mother", "Domingo" the Spanish "Sunday") or a name of the
        // hand-written lists stays a name. Bogus's surnames are not asked: they hold "Montag", "Kunde", "Freitag",
        // "Schaden" and "Bank", which alone in a German text are the weekday or the noun, not a person.
        var listed = NameLists.SelectMany(l => l.FirstNames.Concat(l.LastNames)).SelectMany(Words).ToHashSet(StringComparer.Ordinal);
        // English headings and labels ("Driver", "Porter", "Baker" are Bogus surnames too) keep out every word the gazetteer
        // knows as a name or a place part: capitalised alone, those are as likely a person as a label.
        var english = ReadResource("CommonWords.en.txt").Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        const GazetteerClass nameOrPlace = GazetteerClass.FirstName | GazetteerClass.LastName | GazetteerClass.CityWord | GazetteerClass.Country | GazetteerClass.State;
        CommonWords = LoadResourceWords("CommonWords.")
            .Select(w => w.ToLowerInvariant())
            .Where(w => (words.GetValueOrDefault(w) & GazetteerClass.FirstName) == 0 && !listed.Contains(w))
            .Where(w => !english.Contains(w) || (words.GetValueOrDefault(w) & nameOrPlace) == 0)
            .ToFrozenSet(StringComparer.Ordinal);
        _commonWords = CommonWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _commonOrEnglishWords = CommonWords.Concat(english).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (word, cls) in words.OrderBy(w => w.Key, StringComparer.Ordinal))
            sha.AppendData(Encoding.UTF8.GetBytes($"{word}\t{(int)cls}\n"));
        Fingerprint = Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }

    /// <summary>The gazetteer of <see cref="TrainingLocales"/>, built once per process (about 0.1 s).</summary>
    public static EntityGazetteer Default => Shared.Value;

    public int Count => _words.Count;

    public string Fingerprint { get; }

    /// <param name="lower">The word in lower case.</param>
    public GazetteerClass Lookup(ReadOnlySpan<char> lower) => _lookup.TryGetValue(lower, out var cls) ? cls : GazetteerClass.None;

    /// <summary>Lower-cased frequent words (nouns, form labels, greetings, function words; English and 19 other languages) that are no first name here and in no hand-written name list; English ones also no surname or place.</summary>
    public FrozenSet<string> CommonWords { get; }

    /// <param name="lower">The word in lower case.</param>
    public bool IsCommonWord(ReadOnlySpan<char> lower) => _commonWords.Contains(lower);

    /// <summary>
    /// <see cref="IsCommonWord"/> or any English heading, label or noun of Tagging/CommonWords/en.txt, even one the
    /// gazetteer also knows as a surname or a piece of a town's name ("Water", "People", "Platform"). That exclusion protects
    /// persons ("Baker" is a surname); a place or a company made only of such words is a heading, not a place.
    /// </summary>
    /// <param name="lower">The word in lower case.</param>
    public bool IsCommonOrEnglishWord(ReadOnlySpan<char> lower) => _commonOrEnglishWords.Contains(lower);

    /// <summary>A locale's hand-written first names and surnames (Tagging/Names), as written, diacritics kept.</summary>
    public sealed record NameList(string Locale, IReadOnlyList<string> FirstNames, IReadOnlyList<string> LastNames);

    /// <summary>The hand-written name lists of the locales Bogus has no names for, by locale code in ordinal order.</summary>
    public static IReadOnlyList<NameList> NameLists => Lists.Value;

    public static EntityGazetteer Build(IEnumerable<string> locales)
    {
        var words = new Dictionary<string, GazetteerClass>(StringComparer.Ordinal);
        foreach (var locale in locales)
        {
            var data = Database.GetLocale(locale);
            foreach (var (category, key, cls) in Sources)
            {
                if (!data.ContainsKey(category) || data[category] is not BObject section || !section.ContainsKey(key) || section[key] is not BArray values)
                    continue;
                for (var v = 0; v < values.Count; v++)
                {
                    var entry = values[v].StringValue;
                    // Templates ("{{name.first_name}}ville", "###") are formats, not words.
                    if (entry is null || entry.Contains("{{", StringComparison.Ordinal) || entry.Contains('#'))
                        continue;
                    foreach (var word in Words(entry))
                        words[word] = words.GetValueOrDefault(word) | cls;
                }
            }
        }
        foreach (var list in NameLists)
        {
            AddNames(words, list.FirstNames, GazetteerClass.FirstName);
            AddNames(words, list.LastNames, GazetteerClass.LastName);
        }
        return new EntityGazetteer(words);
    }

    private static void AddNames(Dictionary<string, GazetteerClass> words, IReadOnlyList<string> names, GazetteerClass cls)
    {
        foreach (var name in names)
        {
            var parts = Words(name).ToList();
            foreach (var word in parts)
            {
                // "Al-Masri", "Yar'Adua": the particle or a two-letter piece of a longer name is no name by itself.
                if (parts.Count == 1 || word.Length > 2)
                    words[word] = words.GetValueOrDefault(word) | cls;
            }
        }
    }

    private static List<NameList> LoadNameLists()
    {
        var locales = typeof(EntityGazetteer).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix + "Names.", StringComparison.Ordinal) && n.EndsWith(".first.txt", StringComparison.Ordinal))
            .Select(n => n[(ResourcePrefix.Length + "Names.".Length)..^".first.txt".Length])
            .Order(StringComparer.Ordinal)
            .ToList();
        if (locales.Count == 0)
            throw new InvalidOperationException("The name list resources are missing from the build.");
        return locales.Select(l => new NameList(l, ReadResource($"Names.{l}.first.txt"), ReadResource($"Names.{l}.last.txt"))).ToList();
    }

    private static IEnumerable<string> LoadResourceWords(string folder)
    {
        var names = typeof(EntityGazetteer).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix + folder, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
            throw new InvalidOperationException($"The {folder.TrimEnd('.')} resources are missing from the build.");
        return names.SelectMany(n => ReadResource(n[ResourcePrefix.Length..]));
    }

    /// <summary>The non-empty lines of a resource under Tagging/, trimmed.</summary>
    private static List<string> ReadResource(string name) =>
        EmbeddedText.Lines(ResourcePrefix + name).Select(line => line.Trim()).Where(line => line.Length > 0).ToList();

    private static IEnumerable<string> Words(string entry)
    {
        var start = -1;
        for (var i = 0; i <= entry.Length; i++)
        {
            var letter = i < entry.Length && char.IsLetter(entry[i]);
            if (letter && start < 0)
                start = i;
            else if (!letter && start >= 0)
            {
                if (i - start >= 2)
                    yield return entry[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}
