using System.Globalization;
using System.Text.Json;
using SpecialistPlatform.MachineLearning.Data;
using static SpecialistPlatform.MachineLearning.Moderation.ModerationCategories;

namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>
/// Reads the moderation training data: the public sets under the shared datasets folder (as published; see its README
/// for sources and licences) and the sentences written by hand in this repository (data/moderation), each labelled only
/// for the categories its source says something about. Validation is the published validation split where there is one
/// (TweetEval) and a seeded share of the rest; the same data and seed always give the same split.
/// </summary>
public static class ModerationDataset
{
    /// <summary>The environment variable naming the shared datasets folder.</summary>
    public const string DatasetsVariable = "SPECIALIST_DATASETS";

    public const string HandWrittenTrainingFile = "handwritten-train.jsonl";
    public const string HandWrittenEvaluationFile = "handwritten-eval.jsonl";
    public const string OverDefenseEvaluationFile = "over-defense-eval.jsonl";

    private const double HeldOutShare = 0.15;

    /// <summary>Banking77's training texts, beside the hand-written sets (data/banking77/train.csv in the repository and
    /// beside every program that trains moderation).</summary>
    public const string BankingRequestsFile = "banking77/train.csv";

    /// <summary>What an ordinary banking request is evidence against: hate and the hand-written harms. Not offensive (a
    /// customer may swear about a lost card); not jailbreak or injection, whose heads lost recall on held-out jailbreaks
    /// (0.949 to 0.921 at the same 1.8% of benign prompts) when polite requests were added as their negatives.</summary>
    private static readonly string[] BankingNegativeCategories = [Hate, Sexual, SelfHarm, Violence];

    /// <summary>The end of the source name of a training example that is a line or sentence of a longer text (<see cref="TextSegments"/>).</summary>
    public const string SegmentSourceSuffix = "-segment";

    /// <summary>Whether the example is a segment of a longer text, which only a head's segment component learns from.</summary>
    public static bool IsSegment(ModerationExample example) => example.Source.EndsWith(SegmentSourceSuffix, StringComparison.Ordinal);

    /// <summary>The end of the source name of an ordinary request (a Self-Instruct instruction, a user's question about a
    /// BIPIA context) given to the injection head's request component as a positive.</summary>
    public const string RequestSourceSuffix = "-request";

    /// <summary>Whether the example is an ordinary request, which only a head's request component learns from.</summary>
    public static bool IsRequest(ModerationExample example) => example.Source.EndsWith(RequestSourceSuffix, StringComparison.Ordinal);

    /// <summary>Whether the example is a line or sentence of a clean BIPIA context (an e-mail, a table, a code answer):
    /// the ordinary content the request component learns requests apart from.</summary>
    public static bool IsContextSegment(ModerationExample example) =>
        example.Source is "bipia-email" + SegmentSourceSuffix or "bipia-table" + SegmentSourceSuffix or "bipia-code" + SegmentSourceSuffix;

    /// <summary>
    /// The shared datasets folder: the one given, else $SPECIALIST_DATASETS, else the first "shared/datasets" holding
    /// moderation data above the working directory or the program (a checkout beside ../shared finds it).
    /// </summary>
    public static string FindDatasetsRoot(string? given = null)
    {
        var candidate = given ?? Environment.GetEnvironmentVariable(DatasetsVariable);
        if (candidate is not null)
        {
            return Directory.Exists(Path.Combine(candidate, "moderation")) && Directory.Exists(Path.Combine(candidate, "prompt-injection"))
                ? candidate
                : throw new DataFormatException($"'{candidate}' holds no moderation/ and prompt-injection/ folders (the shared datasets).");
        }
        return Ancestors().Select(d => Path.Combine(d, "shared", "datasets")).FirstOrDefault(d => Directory.Exists(Path.Combine(d, "moderation")))
            ?? throw new DataFormatException($"No shared datasets folder found above '{Directory.GetCurrentDirectory()}': pass --datasets DIR or set {DatasetsVariable}.");
    }

    /// <summary>The hand-written sets: the given folder, else data/moderation beside the program (the build copies it), else above the working directory.</summary>
    public static string FindHandWrittenDirectory(string? given = null)
    {
        if (given is not null)
        {
            return File.Exists(Path.Combine(given, HandWrittenTrainingFile)) ? given
                : throw new DataFormatException($"'{given}' holds no {HandWrittenTrainingFile}.");
        }
        return new[] { AppContext.BaseDirectory }.Concat(Ancestors()).Select(d => Path.Combine(d, "data", "moderation"))
                   .FirstOrDefault(d => File.Exists(Path.Combine(d, HandWrittenTrainingFile)))
               ?? throw new DataFormatException($"No data/moderation/{HandWrittenTrainingFile} found beside the program or above '{Directory.GetCurrentDirectory()}'.");
    }

    private static IEnumerable<string> Ancestors()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                yield return d.FullName;
            }
        }
    }

    /// <param name="windowWords">Window size of the injection head (<see cref="TextWindows"/>): BIPIA's training
    /// texts add their windows as examples, those holding the attack as positives, so the head learns what it scores.</param>
    public static ModerationData Build(string datasetsRoot, string handWrittenDirectory, int seed, int windowWords = ModerationTrainingOptions.DefaultWindowWords)
    {
        var training = new List<ModerationExample>();
        var validation = new List<ModerationExample>();
        var files = new List<string>();
        string Use(string path)
        {
            files.Add(path);
            return path;
        }

        var moderation = Path.Combine(datasetsRoot, "moderation");
        foreach (var (name, category) in new[] { ("tweeteval-hate", Hate), ("tweeteval-offensive", Offensive) })
        {
            var folder = Path.Combine(moderation, name);
            training.AddRange(TweetEval(Use(Path.Combine(folder, "train_text.txt")), Use(Path.Combine(folder, "train_labels.txt")), name, category));
            validation.AddRange(TweetEval(Use(Path.Combine(folder, "val_text.txt")), Use(Path.Combine(folder, "val_labels.txt")), name, category));
        }
        Split(Davidson(Use(Path.Combine(moderation, "davidson", "labeled_data.csv"))), seed, training, validation);

        var injection = Path.Combine(datasetsRoot, "prompt-injection");
        var jailbreaks = new[] { "jailbreakbench_train.json", "inthewild_train.json" }
            .SelectMany(f => JsonSerializer.Deserialize<string[]>(File.ReadAllText(Use(Path.Combine(injection, "jailbreaks", f))))!
                .Select(t => Example(t, "jailbreaks", (Jailbreak, true))))
            .DistinctBy(e => e.Text, StringComparer.Ordinal).ToList();
        Split(jailbreaks, seed + 1, training, validation);

        var benign = new[] { "self_instruct_seed_tasks.jsonl", "self_instruct_user_oriented.jsonl" }
            .SelectMany(f => SelfInstruct(Use(Path.Combine(injection, "benign", f)))).ToList();
        Split(benign, seed + 2, training, validation);

        // The training split's self-contained Self-Instruct requests (those without an input): ordinary requests that
        // are injections when they turn up inside an e-mail or a table (BIPIA's task-irrelevant attacks are such
        // requests). A request about an input ("summarise the following document") is what a user sends with pasted
        // content, so its segments stay negatives.
        var unrelatedRequests = training.Where(e => e.Source == "self-instruct" && !e.Text.Contains('\n')).Select(e => e.Text.Trim())
            .Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var bipia = Bipia(Path.Combine(injection, "bipia"), seed + 3, windowWords, unrelatedRequests, Use);
        training.AddRange(bipia.Training);
        validation.AddRange(bipia.Validation);

        Split(ReadLabelled(Use(Path.Combine(handWrittenDirectory, HandWrittenTrainingFile)), "handwritten"), seed + 4, training, validation);

        // Customer-service requests as the platform's jobs look (Banking77's training texts, bundled in data/banking77
        // under CC-BY-4.0): negatives for every category but offensive. Without them the heads learned harm from tweets
        // and a few hundred hand-written sentences only, and flagged 37% of CLINC150's ordinary requests ("I want to
        // close my account" as self-harm). Offensive is left unlabelled: a customer may swear about a lost card.
        var banking = Path.Combine(handWrittenDirectory, "..", BankingRequestsFile);
        if (File.Exists(banking))
        {
            Split(LabeledDataReader.ReadTexts(Use(Path.GetFullPath(banking))).Distinct(StringComparer.Ordinal)
                .Select(t => Example(t, "banking77", [.. BankingNegativeCategories.Select(c => (c, false))])), seed + 5, training, validation);
        }
        if (windowWords > 0)
        {
            training.AddRange(PromptSegments(training, windowWords));
            // What a request addressed to an assistant looks like, whatever it asks: every training Self-Instruct
            // instruction (without its input) and every training question about a BIPIA context.
            training.AddRange(training.Where(e => e.Source is "self-instruct" or "bipia-question")
                .Select(e => e.Text.Split('\n')[0].Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToArray()
                .Select(t => Example(t, "requests" + RequestSourceSuffix, (Injection, true))));
        }
        return new ModerationData(training, validation, files);
    }

    /// <summary>
    /// JSON Lines of <c>{"text": ..., "labels": [categories it belongs to]}</c>, optionally <c>"categories": [...]</c>
    /// naming the only categories the line is judged on (default: all of them, so an empty list marks a benign text).
    /// </summary>
    public static IReadOnlyList<ModerationExample> ReadLabelled(string path, string source)
    {
        if (!File.Exists(path))
        {
            throw new DataFormatException($"No file at '{path}'.");
        }
        var examples = new List<ModerationExample>();
        foreach (var (line, root) in JsonLines.Read(path))
        {
            if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                throw new DataFormatException($"{path} line {line}: the object has no string \"text\".");
            }
            var labels = Strings(root, "labels", path, line) ?? throw new DataFormatException($"{path} line {line}: the object has no \"labels\" array.");
            var judged = Strings(root, "categories", path, line) ?? All;
            foreach (var category in labels.Concat(judged).Where(c => !All.Contains(c)))
            {
                throw new DataFormatException($"{path} line {line}: unknown category '{category}' (known: {string.Join(", ", All)}).");
            }
            var set = root.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : source;
            examples.Add(new ModerationExample(text.GetString()!, set, judged.ToDictionary(c => c, labels.Contains, StringComparer.Ordinal)));
        }
        return examples;
    }

    private static IReadOnlyList<string>? Strings(JsonElement root, string name, string path, int line)
    {
        if (!root.TryGetProperty(name, out var array))
        {
            return null;
        }
        if (array.ValueKind != JsonValueKind.Array || array.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String))
        {
            throw new DataFormatException($"{path} line {line}: \"{name}\" must be an array of category names.");
        }
        return array.EnumerateArray().Select(e => e.GetString()!).ToArray();
    }

    private static ModerationExample Example(string text, string source, params (string Category, bool Value)[] labels) =>
        new(text, source, labels.ToDictionary(l => l.Category, l => l.Value, StringComparer.Ordinal));

    /// <summary>
    /// A tweet says nothing about instructions to a model, so it is a negative for jailbreak and injection. A text
    /// judged neither hateful nor offensive is taken as free of the hand-written harms too; an offensive one may be
    /// sexual or violent, so it is left out of those categories.
    /// </summary>
    private static ModerationExample Tweet(string text, string source, bool? hate, bool? offensive)
    {
        var labels = new List<(string, bool)> { (Jailbreak, false), (Injection, false) };
        if (hate is { } h)
        {
            labels.Add((Hate, h));
        }
        if (offensive is { } o)
        {
            labels.Add((Offensive, o));
        }
        if (hate == false && offensive == false)
        {
            labels.AddRange(HandWritten.Select(c => (c, false)));
        }
        return Example(text, source, labels.ToArray());
    }

    private static IEnumerable<ModerationExample> TweetEval(string textPath, string labelPath, string source, string category)
    {
        var texts = File.ReadAllLines(textPath);
        var labels = File.ReadAllLines(labelPath);
        if (texts.Length != labels.Length)
        {
            throw new DataFormatException($"{textPath} has {texts.Length} lines but {labelPath} has {labels.Length}.");
        }
        for (var i = 0; i < texts.Length; i++)
        {
            var positive = labels[i].Trim() switch
            {
                "1" => true,
                "0" => false,
                var other => throw new DataFormatException($"{labelPath} line {i + 1}: label '{other}' is neither 0 nor 1."),
            };
            // Hate speech is offensive language; a tweet that is not offensive is not hate speech. The converse of
            // either is unknown, so it is left unlabelled.
            yield return category == Hate
                ? Tweet(texts[i], source, positive, positive ? true : null)
                : Tweet(texts[i], source, positive ? null : false, positive);
        }
    }

    /// <summary>Davidson et al.: class 0 hate speech, 1 offensive language, 2 neither (hate speech counts as offensive too).</summary>
    private static IEnumerable<ModerationExample> Davidson(string path)
    {
        using var stream = new StreamReader(path);
        var csv = new CsvReader(stream);
        var header = csv.ReadRecord() ?? throw new DataFormatException($"{path} is empty.");
        var classColumn = header.IndexOf("class");
        var tweetColumn = header.IndexOf("tweet");
        if (classColumn < 0 || tweetColumn < 0)
        {
            throw new DataFormatException($"{path}: expected the columns 'class' and 'tweet'.");
        }
        while (csv.ReadRecord() is { } row)
        {
            var label = int.Parse(row[classColumn], CultureInfo.InvariantCulture);
            // Davidson's "offensive language" is any profanity, OffensEval's a targeted offence; the offensive head
            // learns from TweetEval alone. Measured on TweetEval's validation split: macro-F1 0.706 without Davidson,
            // 0.703 with it (no gain, within noise), so the head keeps to the definition its target uses.
            var tweet = Tweet(row[tweetColumn], "davidson", label == 0, label <= 1);
            yield return tweet with { Labels = tweet.Labels.Where(l => l.Key != Offensive).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal) };
        }
    }

    private static IEnumerable<ModerationExample> SelfInstruct(string path)
    {
        foreach (var (_, root) in JsonLines.Read(path))
        {
            var instruction = root.GetProperty("instruction").GetString()!;
            var input = root.TryGetProperty("instances", out var instances) && instances.GetArrayLength() > 0
                && instances[0].TryGetProperty("input", out var i) ? i.GetString() : null;
            var text = string.IsNullOrWhiteSpace(input) ? instruction : instruction + "\n" + input;
            yield return Benign(text, "self-instruct");
        }
    }

    private static ModerationExample Benign(string text, string source) =>
        new(text, source, All.ToDictionary(c => c, _ => false, StringComparer.Ordinal));

    /// <summary>
    /// BIPIA: contexts and attacks are each split into training and validation parts (by a seeded shuffle; attacks
    /// within each attack category), so validation measures unseen contexts with unseen attacks. Every context gives
    /// a clean negative and one injected positive per position, each with an attack drawn from its part.
    /// A user's question about the context is an ordinary instruction: a negative for every category.
    /// </summary>
    private static (List<ModerationExample> Training, List<ModerationExample> Validation) Bipia(string folder, int seed, int windowWords,
        IReadOnlyList<string> unrelatedRequests, Func<string, string> use)
    {
        var rng = new Random(seed);
        // Its own generator, so that the segments leave the split and BIPIA's own samples as they were.
        var segmentRng = new Random(seed + 1);
        var training = new List<ModerationExample>();
        var validation = new List<ModerationExample>();
        var textAttacks = SplitAttacks(use(Path.Combine(folder, "text_attack_train.json")), rng);
        var codeAttacks = SplitAttacks(use(Path.Combine(folder, "code_attack_train.json")), rng);
        foreach (var task in new[] { "email", "table", "code" })
        {
            var attacks = task == "code" ? codeAttacks : textAttacks;
            var contexts = new List<string>();
            foreach (var (_, root) in JsonLines.Read(use(Path.Combine(folder, task, "train.jsonl"))))
            {
                var context = root.GetProperty("context");
                contexts.Add(context.ValueKind == JsonValueKind.Array
                    ? string.Join("\n", context.EnumerateArray().Select(l => l.GetString()))
                    : context.GetString()!);
                if (root.TryGetProperty("question", out var question) && question.ValueKind == JsonValueKind.String)
                {
                    var q = question.GetString()!;
                    (rng.NextDouble() < HeldOutShare ? validation : training).Add(Benign(q, "bipia-question"));
                }
            }
            var order = Enumerable.Range(0, contexts.Count).ToArray();
            rng.Shuffle(order);
            var held = Math.Max(1, (int)Math.Round(contexts.Count * 0.2));
            for (var k = 0; k < order.Length; k++)
            {
                var isValidation = k < held;
                var target = isValidation ? validation : training;
                var pool = isValidation ? attacks.Validation : attacks.Training;
                var context = contexts[order[k]];
                target.Add(Example(context, $"bipia-{task}-clean", (Injection, false), (Jailbreak, false), (Hate, false), (Offensive, false)));
                if (!isValidation)
                {
                    // The context's segments are what ordinary content looks like to the segment component.
                    if (windowWords > 0)
                    {
                        training.AddRange(Segments(context, $"bipia-{task}{SegmentSourceSuffix}", false));
                        // Self-Instruct requests as if inserted: only their own segments are needed, since the
                        // segments around them are the context's, already negatives.
                        for (var r = 0; r < UnrelatedRequestsPerContext && unrelatedRequests.Count > 0; r++)
                        {
                            training.AddRange(Segments(unrelatedRequests[segmentRng.Next(unrelatedRequests.Count)], $"bipia-unrelated{SegmentSourceSuffix}", true));
                        }
                    }
                    // A few windows of the clean context, so the windowed head knows what ordinary content looks like.
                    var windows = TextWindows.Split(context, windowWords);
                    rng.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(windows));
                    training.AddRange(windows.Take(WindowsPerContext).Select(w => Example(context.Substring(w.Start, w.Length), $"bipia-{task}-window", (Injection, false))));
                }
                foreach (var position in BipiaInjection.Positions)
                {
                    var attack = pool[rng.Next(pool.Count)];
                    var (injected, attackStart) = BipiaInjection.Insert(context, attack, position);
                    target.Add(Example(injected, $"bipia-{task}-injected", (Injection, true), (Jailbreak, false)));
                    if (!isValidation)
                    {
                        // An attack's segments are positives; of a code attack only its first, the sentence that asks
                        // for the code, not the code lines.
                        var attackSegments = Segments(attack, $"bipia-{task}-attack{SegmentSourceSuffix}", true);
                        training.AddRange(task == "code" ? attackSegments.Take(1) : attackSegments);
                        training.AddRange(AttackWindows(injected, attackStart, attack.Length, windowWords)
                            .Select(w => Example(injected.Substring(w.Start, w.Length), $"bipia-{task}-window", (Injection, true))));
                    }
                }
            }
        }
        return (training, validation);
    }

    /// <summary>The windows holding most of the attack: all of it, or, for an attack longer than half a window, half a window of it.</summary>
    private static IEnumerable<(int Start, int Length)> AttackWindows(string text, int attackStart, int attackLength, int windowWords)
    {
        var attackEnd = attackStart + attackLength;
        foreach (var (start, length) in TextWindows.Split(text, windowWords))
        {
            var overlap = Math.Min(attackEnd, start + length) - Math.Max(attackStart, start);
            if (overlap >= Math.Min(attackLength, length / 2))
            {
                yield return (start, length);
            }
        }
    }

    private const int WindowsPerContext = 4;

    /// <summary>As many requests per context as BIPIA attacks (one per position); 8 was measured and did no better.</summary>
    private const int UnrelatedRequestsPerContext = 3;

    private static IEnumerable<ModerationExample> Segments(string text, string source, bool injected) =>
        TextSegments.Split(text).Select(s => Example(text.Substring(s.Start, s.Length), source, (Injection, injected)));

    /// <summary>
    /// The segments of the long training prompts known to hold no injection (Self-Instruct tasks with their input,
    /// hand-written prompts), as negatives: the segment component scores every text longer than a window, prompts too.
    /// </summary>
    private static List<ModerationExample> PromptSegments(IEnumerable<ModerationExample> training, int windowWords) =>
        training.Where(e => e.Label(Injection) == false && !e.Source.StartsWith("bipia-", StringComparison.Ordinal) && !IsSegment(e)
                && TextWindows.Split(e.Text, windowWords).Count > 0)
            .SelectMany(e => Segments(e.Text, e.Source + SegmentSourceSuffix, false))
            .ToList();

    private static (List<string> Training, List<string> Validation) SplitAttacks(string path, Random rng)
    {
        var byCategory = JsonSerializer.Deserialize<Dictionary<string, string[]>>(File.ReadAllText(path))!;
        var training = new List<string>();
        var validation = new List<string>();
        foreach (var (_, attacks) in byCategory.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var shuffled = attacks.ToArray();
            rng.Shuffle(shuffled);
            validation.Add(shuffled[0]);
            training.AddRange(shuffled.Skip(1));
        }
        return (training, validation);
    }

    private static void Split(IEnumerable<ModerationExample> examples, int seed, List<ModerationExample> training, List<ModerationExample> validation)
    {
        var all = examples.ToArray();
        var order = Enumerable.Range(0, all.Length).ToArray();
        new Random(seed).Shuffle(order);
        var held = (int)Math.Round(all.Length * HeldOutShare);
        var isHeld = new bool[all.Length];
        foreach (var i in order.Take(held))
        {
            isHeld[i] = true;
        }
        for (var i = 0; i < all.Length; i++)
        {
            (isHeld[i] ? validation : training).Add(all[i]);
        }
    }
}
