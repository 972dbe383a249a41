using System.Security.Cryptography;
using System.Text;
using SpecialistPlatform.Compliance.Detection.Evaluation;
using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.Compliance.Detection.Tagging;

/// <summary>
/// Hand-written development texts (data/pii-handwritten, the sets whose errors were read) as tagger training examples,
/// mixed in with the generator's. The generator gives names and places in frames a program can write; these give the
/// contexts it cannot (meeting minutes, chat threads, obituaries, boarding passes, product copy with look-alikes). Only
/// the tagger's labels are kept; every other labelled span (dates, phones, cards...) is ordinary text to the tagger, as
/// the rules own it. Each text is repeated (<see cref="RepeatsFor"/>) so that a few hundred texts weigh against twelve
/// thousand generated ones. The independent and holdout sets are never read here: they stay the checks.
/// </summary>
public static class HandWrittenTrainingText
{
    /// <summary>The embedded development sets (data/pii-handwritten), by logical resource name.</summary>
    public static readonly IReadOnlyList<string> ResourceNames =
    [
        "SpecialistPlatform.Compliance.Detection.Tagging.HandWritten.dev.pii.txt",
        "SpecialistPlatform.Compliance.Detection.Tagging.HandWritten.dev2.pii.txt",
        "SpecialistPlatform.Compliance.Detection.Tagging.HandWritten.dev3.pii.txt",
        "SpecialistPlatform.Compliance.Detection.Tagging.HandWritten.dev4.pii.txt",
        "SpecialistPlatform.Compliance.Detection.Tagging.HandWritten.dev5.pii.txt",
        "SpecialistPlatform.Compliance.Detection.Tagging.HandWritten.dev6.pii.txt",
        "SpecialistPlatform.Compliance.Detection.Tagging.HandWritten.dev7.pii.txt",
    ];

    /// <summary>Environment variable: experiments only, a comma-separated list of .pii.txt files to train on instead of the embedded sets.</summary>
    public const string FilesVariable = "SPECIALIST_PII_HANDWRITTEN_FILES";

    /// <summary>Environment variable: experiments only, how many times each text appears, whatever the generated count.</summary>
    public const string RepeatsVariable = "SPECIALIST_PII_HANDWRITTEN_REPEATS";

    /// <summary>
    /// The hand-written copies' share of all training examples. Chosen on dev3 with a tagger trained on dev and dev2
    /// (2026-12-07): F2 there 0.852 without them, 0.863 with 10 copies of each text as written, 0.874 with 40 and people
    /// renamed, 0.882 with places renamed too (40 copies of 145 texts: 33% of 17,800), 0.869 at 80 copies. Checked on dev5
    /// with dev to dev4 trained on: 20 copies 0.771, 40 copies 0.775 (0.765 with dev to dev3 only). With five sets (521
    /// texts) 40 copies outweighed the generator (63%) and the tagger read "Deliver to: Maria Rossi" as a place; a fixed
    /// share keeps the balance whatever the sets and the generated count (12,000 generated: 20 copies each, 46%).
    /// </summary>
    public const double Share = 0.46;

    /// <summary>How many times each text appears beside <paramref name="generatedCount"/> generated examples.</summary>
    public static int RepeatsFor(int generatedCount) =>
        int.TryParse(Environment.GetEnvironmentVariable(RepeatsVariable), out var r) && r >= 0 ? r
        : Examples.Count == 0 ? 0 : Math.Max(1, (int)Math.Round(generatedCount * Share / (1 - Share) / Examples.Count));

    private static readonly Lazy<(IReadOnlyList<SpanExample> Examples, string Fingerprint)> Loaded = new(Load);

    /// <summary>One example per hand-written text (not repeated).</summary>
    public static IReadOnlyList<SpanExample> Examples => Loaded.Value.Examples;

    /// <summary>A hash of the texts, for the model cache's recipe.</summary>
    public static string Fingerprint => Loaded.Value.Fingerprint;

    /// <summary>
    /// Each text once as written, then <paramref name="repeats"/> - 1 more times with its people renamed: the CRF should learn
    /// the contexts ("Apologies:", "chez ... et ...", a signature line), not these few hundred names.
    /// </summary>
    public static IEnumerable<SpanExample> Repeated(int seed, int repeats)
    {
        var names = new EntityTrainingGenerator(unchecked(seed * 31 + 17));
        for (var r = 0; r < repeats; r++)
        {
            foreach (var example in Examples)
                yield return r == 0 ? example : Renamed(example, names, renamePlaces: r % 2 == 0);
        }
    }

    /// <summary>
    /// The example with every word of its PERSON spans replaced by a drawn name word, the same word by the same name
    /// throughout the text ("Hope Castellano" ... "Hope"), first names by first names (a span's first word, when the
    /// gazetteer knows it as one), and lower case or capitals kept as written. Initials ("J.") stay.
    /// </summary>
    internal static SpanExample Renamed(SpanExample example, EntityTrainingGenerator names, bool renamePlaces)
    {
        var replacements = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var text = new StringBuilder(example.Text.Length);
        var spans = new List<LabeledSpan>(example.Spans.Count);
        var position = 0;
        foreach (var span in example.Spans.OrderBy(s => s.Start))
        {
            text.Append(example.Text, position, span.Start - position);
            var start = text.Length;
            var value = example.Text[span.Start..span.End];
            text.Append(span.Label switch
            {
                PersonalDataTypes.Person => RenamedPerson(value, replacements, names),
                PersonalDataTypes.Location when renamePlaces && !value.Any(char.IsDigit) => RenamedPlace(value, replacements, names),
                _ => value,
            });
            spans.Add(span with { Start = start, End = text.Length });
            position = span.End;
        }
        text.Append(example.Text, position, example.Text.Length - position);
        return new SpanExample(text.ToString(), spans);
    }

    /// <summary>A place becomes a drawn town, the same place the same town throughout; capitals kept.</summary>
    private static string RenamedPlace(string value, Dictionary<string, string> replacements, EntityTrainingGenerator names)
    {
        if (!replacements.TryGetValue(value, out var town))
            replacements[value] = town = names.DrawTown();
        return value.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? town.ToUpperInvariant() : town;
    }

    private static string RenamedPerson(string value, Dictionary<string, string> replacements, EntityTrainingGenerator names)
    {
        var words = value.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var end = word.Length;
            while (end > 0 && !char.IsLetter(word[end - 1]))
                end--;
            var core = word[..end];
            if (core.Length < 2 || !core.All(c => char.IsLetter(c) || c is '-' or '\'' or '’'))
                continue;
            if (!replacements.TryGetValue(core, out var replacement))
            {
                var first = i == 0 && (EntityGazetteer.Default.Lookup(core.ToLowerInvariant()) & GazetteerClass.FirstName) != 0;
                replacement = names.DrawNameWord(first);
                replacements[core] = replacement;
            }
            var cased = core.All(c => !char.IsLetter(c) || char.IsLower(c)) ? replacement.ToLowerInvariant()
                : core.All(c => !char.IsLetter(c) || char.IsUpper(c)) ? replacement.ToUpperInvariant()
                : replacement;
            words[i] = cased + word[end..];
        }
        return string.Join(' ', words);
    }

    public static IReadOnlyList<SpanExample> FromAnnotatedText(string content, string source)
    {
        var labels = EntityTrainingGenerator.Labels.ToHashSet(StringComparer.Ordinal);
        return AnnotatedTextDataset.Parse(content, source)
            .Select(sample => new SpanExample(sample.FullText, sample.Utf16Spans()
                .Where(s => labels.Contains(s.Type))
                .Select(s => new LabeledSpan(s.Type, s.Start, s.End))
                .ToList()))
            .ToList();
    }

    private static (IReadOnlyList<SpanExample>, string) Load()
    {
        var files = (Environment.GetEnvironmentVariable(FilesVariable) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var contents = files.Length > 0
            ? files.Select(path => (Name: path, Content: File.ReadAllText(path))).ToList()
            : ResourceNames.Select(name => (Name: name, Content: EmbeddedText.Read(name))).ToList();
        var examples = contents.SelectMany(c => FromAnnotatedText(c.Content, c.Name)).ToList();
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n===\n", contents.Select(c => c.Content)) + $"|share={Share}|repeats={Environment.GetEnvironmentVariable(RepeatsVariable)}"));
        return (examples, Convert.ToHexStringLower(hash)[..12]);
    }
}
