using SpecialistPlatform.Compliance.Detection.Recognizers;

namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// Runs every recognizer over a text, drops findings under the score threshold and resolves overlaps.
/// Thread-safe: recognizers hold no per-call state.
/// </summary>
public sealed class PersonalDataDetector
{
    /// <summary>Findings scoring below this are dropped (Presidio's default threshold is of the same order).</summary>
    public const double DefaultMinimumScore = 0.3;

    private readonly IReadOnlyList<IRecognizer> _recognizers;

    public PersonalDataDetector(IEnumerable<IRecognizer> recognizers, double minimumScore = DefaultMinimumScore)
    {
        _recognizers = recognizers.ToList();
        if (minimumScore is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(minimumScore), minimumScore, "Must lie in 0..1.");
        MinimumScore = minimumScore;
    }

    public double MinimumScore { get; }

    public IReadOnlyList<IRecognizer> Recognizers => _recognizers;

    public IReadOnlyCollection<string> SupportedTypes =>
        _recognizers.SelectMany(r => r.SupportedTypes).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The built-in rule-based recognizers for identifiers (every Presidio type this library covers except
    /// DATE_TIME). Dates are personal data only beside a person and later pipeline steps read them, so a
    /// caller that redacts every finding gets them only by asking: see <see cref="AllRecognizers"/>.
    /// </summary>
    public static IReadOnlyList<IRecognizer> DefaultRecognizers() =>
    [
        new CreditCardRecognizer(),
        new IbanRecognizer(),
        new EmailRecognizer(),
        new PhoneNumberRecognizer(),
        new NationalPhoneNumberRecognizer(),
        new IpAddressRecognizer(),
        new UsSsnRecognizer(),
        new UkNhsRecognizer(),
        new UrlRecognizer(),
        new DomainNameRecognizer(),
        new CryptoRecognizer(),
        new MedicalLicenseRecognizer(),
        new UsDriverLicenseRecognizer(),
        new UsPassportRecognizer(),
        new UsBankNumberRecognizer(),
        new AgeRecognizer(),
    ];

    /// <summary><see cref="DefaultRecognizers"/> plus DATE_TIME: Presidio's full set, for policies that decide per type.</summary>
    /// <remarks>
    /// Also the types only a policy that decides per type should meet: TITLE, ZIP_CODE, NRP, names marked by their
    /// sentence (<see cref="PersonCueRecognizer"/>) and street lines written by rule (<see cref="StreetAddressRecognizer"/>).
    /// </remarks>
    public static IReadOnlyList<IRecognizer> AllRecognizers() =>
        [.. DefaultRecognizers(), new DateTimeRecognizer(), new MonthInContextRecognizer(), new InformalDateTimeRecognizer(), new TitleRecognizer(), new ZipCodeRecognizer(), new StateCodeRecognizer(), new NrpRecognizer(), new PersonCueRecognizer(), new NonLatinNameRecognizer(), new StreetAddressRecognizer(), new KnownPlaceRecognizer(), new AdminUnitRecognizer(), new OrganizationRecognizer(), new KnownOrganizationRecognizer(), new NonLatinOrganizationRecognizer()];

    /// <summary>
    /// Every built-in recognizer (DATE_TIME included, see <see cref="AllRecognizers"/>) plus tenant-defined ones from
    /// configuration, plus the learned <paramref name="tagger"/> for names, places, organisations and street addresses
    /// when one is given (<c>Tagging.EntityTaggerModel.Default()</c> is the platform's).
    /// </summary>
    public static PersonalDataDetector Create(IEnumerable<CustomRecognizerDefinition> custom, double minimumScore = DefaultMinimumScore, IRecognizer? tagger = null) =>
        new([.. AllRecognizers(), .. custom.Select(c => c.ToRecognizer()), .. tagger is null ? Array.Empty<IRecognizer>() : [tagger]], minimumScore);

    /// <summary>Texts longer than this are scanned in overlapping chunks of this size.</summary>
    public const int DefaultChunkSize = 64 * 1024;

    /// <summary>
    /// Characters two neighbouring chunks share. Half of it must exceed the longest entity plus the context
    /// window (120 characters either side), so every finding lies whole, with its context, inside the chunk
    /// that owns its start.
    /// </summary>
    public const int ChunkOverlap = 2048;

    public static PersonalDataDetector CreateDefault(double minimumScore = DefaultMinimumScore) =>
        new(DefaultRecognizers(), minimumScore);

    /// <param name="text">Text to scan; long texts are scanned in overlapping chunks (see <see cref="DetectChunked"/>).</param>
    /// <param name="types">Restrict to these entity types; all when null.</param>
    public IReadOnlyList<Finding> Detect(string text, IReadOnlyCollection<string>? types = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
            return [];
        if (text.Length > DefaultChunkSize)
            return DetectChunked(text, DefaultChunkSize, types);
        return Completed(text, OverlapResolver.Resolve(Candidates(text, types)), types);
    }

    /// <summary>
    /// Scans <paramref name="text"/> in chunks of <paramref name="chunkSize"/> characters that overlap by
    /// <see cref="ChunkOverlap"/>. Each chunk owns the findings that start in its middle part (the overlap is
    /// split evenly between neighbours), so a finding straddling a border is reported once, by the chunk that
    /// sees it whole, with offsets into the full text. Chunks run in parallel up to
    /// <paramref name="maxDegreeOfParallelism"/> (1 = sequential).
    /// </summary>
    public IReadOnlyList<Finding> DetectChunked(string text, int chunkSize, IReadOnlyCollection<string>? types = null, int maxDegreeOfParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, ChunkOverlap * 2);
        if (text.Length <= chunkSize)
            return Completed(text, OverlapResolver.Resolve(Candidates(text, types)), types);
        var half = ChunkOverlap / 2;
        var step = chunkSize - ChunkOverlap;
        var starts = new List<int>();
        for (var s = 0; ; s += step)
        {
            starts.Add(s);
            if (s + chunkSize >= text.Length)
                break;
        }
        var perChunk = new List<Finding>[starts.Count];
        Parallel.For(0, starts.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, k =>
        {
            var (start, end) = TextOffsets.WidenToScalarBoundaries(text, starts[k], Math.Min(text.Length, starts[k] + chunkSize));
            var ownFrom = k == 0 ? 0 : starts[k] + half;
            var ownTo = k == starts.Count - 1 ? text.Length : starts[k] + chunkSize - half;
            var chunk = text[start..end];
            perChunk[k] = Candidates(chunk, types)
                .Select(f => f with { Start = f.Start + start, End = f.End + start })
                .Where(f => f.Start >= ownFrom && f.Start < ownTo)
                .ToList();
        });
        return Completed(text, OverlapResolver.Resolve(perChunk.SelectMany(c => c)), types);
    }

    /// <summary>A name found once marks its other mentions in the same text (<see cref="RepeatedNameMentions"/>); over the
    /// whole text, after the chunks are merged, since a letter names its writer at the top and the bottom.</summary>
    private static IReadOnlyList<Finding> Completed(string text, IReadOnlyList<Finding> resolved, IReadOnlyCollection<string>? types) =>
        types is null || types.Contains(PersonalDataTypes.Person) ? RepeatedNameMentions.Add(text, resolved) : resolved;

    /// <summary>
    /// Every recognizer's findings on the folded text (<see cref="NormalizedText"/>: Unicode spaces, dashes, digits,
    /// zero-width characters, NFKC), mapped back to offsets into <paramref name="text"/>, so that a card number
    /// written with no-break spaces or full-width digits is found and its original characters are what gets replaced.
    /// </summary>
    private IEnumerable<Finding> Candidates(string text, IReadOnlyCollection<string>? types)
    {
        var normalized = NormalizedText.Of(text);
        var findings = _recognizers
            .Where(r => types is null || r.SupportedTypes.Any(types.Contains))
            .SelectMany(r => r.Recognize(normalized.Text))
            .Where(f => f.Score >= MinimumScore && (types is null || types.Contains(f.Type)))
            .Select(normalized.ToOriginal)
            .ToList();
        return OverlapResolver.CombineOrganizations(text, OverlapResolver.CombineStreetLines(text, OverlapResolver.CombinePlaces(TaggerSpanRefiner.Refine(text, findings, TaggerName), TaggerName), TaggerName), TaggerName);
    }

    /// <summary>The learned tagger's recognizer name (<c>Tagging.EntityTaggerRecognizer.Name</c>).</summary>
    private const string TaggerName = "entity-tagger";
}
