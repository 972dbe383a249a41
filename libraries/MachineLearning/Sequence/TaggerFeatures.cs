using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.MachineLearning.Sequence;

/// <summary>
/// Token features for the span tagger, each a stable 64-bit FNV-1a key of a template name and its values
/// (never <c>string.GetHashCode</c>, so keys are the same in every process). Per token: word, lower case,
/// shape, prefixes and suffixes up to 3, a small lexicon class (number word, month, weekday, time word...),
/// digit length and value range, membership in a time/date/money pattern, the words, shapes and classes at
/// ±2, neighbouring bigrams, sentence position, and each requested slot alone and conjoined with the word,
/// its shape, its class and its neighbours; from version 2 also the form of the clock time a token is in and the
/// nearest cue word to its left.
/// </summary>
public static partial class TaggerFeatures
{
    /// <summary>
    /// The feature set new models are trained with. Bumped whenever the features change; every earlier version is
    /// still computed (<see cref="IsSupported"/>), so a model keeps the features it was trained with.
    /// </summary>
    /// <remarks>
    /// Version 2 adds the clock-time form conjunctions (see <see cref="TimeContext"/>) and the nearest cue word to the
    /// left (a preposition or "since", "until", "between"...) alone and with the token's class.
    /// </remarks>
    public const int Version = 2;

    public static bool IsSupported(int version) => version is >= 1 and <= Version;

    private static readonly FrozenDictionary<string, string> Lexicon = BuildLexicon();
    private static readonly FrozenSet<string> Cues = "at for on by from until till til to in around about between since before after and starting ending earlier later than within during of under"
        .Split(' ').ToFrozenSet(StringComparer.Ordinal);

    public static ulong[][] Extract(string text, IReadOnlyList<SpanToken> tokens, IReadOnlyList<string> requestedSlots, int version = Version)
    {
        if (!IsSupported(version))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, $"Feature versions 1 to {Version} exist.");
        }
        var n = tokens.Count;
        var lower = new string[n];
        var shape = new string[n];
        var cls = new string[n];
        var marks = PatternMarks(text, tokens);
        for (var i = 0; i < n; i++)
        {
            lower[i] = tokens[i].Text.ToLowerInvariant();
            shape[i] = Shape(tokens[i].Text);
            cls[i] = Class(lower[i], i > 0 ? lower[i - 1] : null, tokens[i].Text);
        }
        string W(int i) => i < 0 ? "<s>" : i >= n ? "</s>" : lower[i];
        string S(int i) => i < 0 ? "<s>" : i >= n ? "</s>" : shape[i];
        string C(int i) => i < 0 ? "<s>" : i >= n ? "</s>" : cls[i];
        var time = version >= 2 ? TimeContext(text, tokens) : null;

        var result = new ulong[n][];
        var list = new List<ulong>(64);
        for (var i = 0; i < n; i++)
        {
            list.Clear();
            var w = lower[i];
            list.Add(Key("b"));
            list.Add(Key("w", w));
            list.Add(Key("o", tokens[i].Text));
            list.Add(Key("sh", shape[i]));
            list.Add(Key("c", cls[i]));
            for (var k = 1; k <= 3 && k < w.Length; k++)
            {
                list.Add(Key("p" + k, w.AsSpan(0, k)));
                list.Add(Key("s" + k, w.AsSpan(w.Length - k)));
            }
            list.Add(Key("w-1", W(i - 1)));
            list.Add(Key("w-2", W(i - 2)));
            list.Add(Key("w+1", W(i + 1)));
            list.Add(Key("w+2", W(i + 2)));
            list.Add(Key("sh-1", S(i - 1)));
            list.Add(Key("sh+1", S(i + 1)));
            list.Add(Key("c-1", C(i - 1)));
            list.Add(Key("c+1", C(i + 1)));
            list.Add(Key("c-2", C(i - 2)));
            list.Add(Key("c+2", C(i + 2)));
            list.Add(Key("w-1w", W(i - 1), w));
            list.Add(Key("ww+1", w, W(i + 1)));
            list.Add(Key("c-1c", C(i - 1), cls[i]));
            list.Add(Key("cc+1", cls[i], C(i + 1)));
            list.Add(Key("w-1c", W(i - 1), cls[i]));
            list.Add(Key("cw+1", cls[i], W(i + 1)));
            if (marks[i] is { } mark)
            {
                list.Add(Key("re", mark));
            }
            if (i == 0)
            {
                list.Add(Key("first"));
            }
            if (time?[i] is { } clock)
            {
                list.Add(Key("tf", clock, char.IsDigit(w[0]) ? shape[i] : w));
            }
            if (version >= 2)
            {
                // The nearest cue word up to 6 tokens back tells date_from ("since last week") from date_to ("until
                // May") and a time from a head count ("at 8" / "for 8") even when the span is several words long.
                var cue = "<none>";
                for (var j = i - 1; j >= Math.Max(0, i - 6); j--)
                {
                    if (Cues.Contains(lower[j]))
                    {
                        cue = lower[j];
                        break;
                    }
                }
                list.Add(Key("cue", cue));
                list.Add(Key("cuec", cue, cls[i]));
            }
            if (requestedSlots.Count == 0)
            {
                list.Add(Key("r0"));
                list.Add(Key("r0c", cls[i]));
            }
            foreach (var slot in requestedSlots)
            {
                list.Add(Key("r", slot));
                list.Add(Key("rw", slot, w));
                list.Add(Key("rsh", slot, shape[i]));
                list.Add(Key("rc", slot, cls[i]));
                list.Add(Key("rw-1", slot, W(i - 1)));
                list.Add(Key("rw+1", slot, W(i + 1)));
                list.Add(Key("rc-1c", slot, C(i - 1) + "|" + cls[i]));
            }
            result[i] = list.ToArray();
        }
        return result;
    }

    /// <summary>Word shape: letters as X/x, digits as d, runs longer than two collapsed ("Xxx", "dd", "d.d").</summary>
    internal static string Shape(string token)
    {
        Span<char> buffer = stackalloc char[Math.Min(token.Length, 16)];
        var length = 0;
        var run = 0;
        var last = '\0';
        foreach (var c in token)
        {
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'l' : c;
            run = s == last ? run + 1 : 1;
            last = s;
            if (run <= 2 && length < buffer.Length)
            {
                buffer[length++] = s;
            }
        }
        return new string(buffer[..length]);
    }

    private static string Class(string lower, string? previous, string original)
    {
        if (char.IsDigit(lower[0]))
        {
            if (!long.TryParse(lower, out var value) || lower.Length > 4)
            {
                return "num-long" + Math.Min(lower.Length, 12);
            }
            var range = value switch
            {
                0 => "0",
                <= 12 => "1-12",
                <= 24 => "13-24",
                <= 31 => "25-31",
                <= 59 => "32-59",
                <= 100 => "60-100",
                < 1000 => "3dig",
                _ when lower.Length == 4 && (value % 100) < 60 && value / 100 <= 24 => "hhmm",
                _ => "4dig",
            };
            return "num" + range;
        }
        if (Lexicon.TryGetValue(lower, out var cls))
        {
            return cls;
        }
        if (previous is not null && char.IsDigit(previous[0]) && lower is "st" or "nd" or "rd" or "th")
        {
            return "ordsuffix";
        }
        if (char.IsLetter(lower[0]))
        {
            if (!char.IsUpper(original[0]))
            {
                return "word";
            }
            // A capital after the first word and not after a full stop is a name far more often than not.
            return previous is null or "." or "!" or "?" ? "capfirst" : original.Length > 1 && original.Skip(1).All(char.IsUpper) ? "allcaps" : "capmid";
        }
        return "punct" + lower;
    }

    /// <summary>Marks tokens inside a clock time, a numeric date or an amount of money found by pattern.</summary>
    private static string?[] PatternMarks(string text, IReadOnlyList<SpanToken> tokens)
    {
        var marks = new string?[tokens.Count];
        if (tokens.Count == 0)
        {
            return marks;
        }
        Mark(TimePattern(), "time");
        Mark(DatePattern(), "date");
        Mark(MoneyPattern(), "money");
        return marks;

        void Mark(Regex pattern, string name)
        {
            foreach (Match match in pattern.Matches(text))
            {
                for (var i = 0; i < tokens.Count; i++)
                {
                    if (tokens[i].Start < match.Index + match.Length && tokens[i].End > match.Index)
                    {
                        marks[i] ??= name;
                    }
                }
            }
        }
    }

    /// <summary>
    /// For the tokens of each clock time found by pattern, and the one token right after it, the time's form: hour
    /// range, minutes or not, am/pm with or without a space before it. Annotators include or leave out "am/pm" and a following full stop by the kind of time (in
    /// Restaurant-8k, "11:30 AM" is labelled "11:30" and "7:30 PM" whole), and the am/pm token alone cannot see the
    /// hour three tokens back.
    /// </summary>
    private static string?[] TimeContext(string text, IReadOnlyList<SpanToken> tokens)
    {
        var result = new string?[tokens.Count];
        foreach (Match match in TimePattern().Matches(text))
        {
            var digits = 0;
            while (digits < match.Length && char.IsDigit(text[match.Index + digits]))
            {
                digits++;
            }
            var value = int.Parse(text.AsSpan(match.Index, digits), System.Globalization.CultureInfo.InvariantCulture);
            var minutes = match.Groups[1].Success || (digits < match.Length && text[match.Index + digits] == ':');
            var spaced = match.Groups[2].Success && match.Groups[2].Index > 0 && char.IsWhiteSpace(text[match.Groups[2].Index - 1]);
            var range = value switch { 0 or > 24 => "h?", <= 9 => "h1-9", <= 12 => "h10-12", _ => "h13-24" };
            var clock = range + (minutes ? ":mm" : "") + (match.Groups[2].Success ? spaced ? " ampm" : "ampm" : "");
            var last = -1;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Start < match.Index + match.Length && tokens[i].End > match.Index)
                {
                    result[i] = clock;
                    last = i;
                }
            }
            if (last >= 0 && last + 1 < tokens.Count)
            {
                result[last + 1] ??= clock;
            }
        }
        return result;
    }

    [GeneratedRegex(@"\b\d{1,2}([:.]\d{2})?\s*([ap]\.?\s?m\b\.?|o'?\s?clock)|\b\d{1,2}:\d{2}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"\b\d{1,4}[/.-]\d{1,2}([/.-]\d{2,4})?\b|\b\d{1,2}(st|nd|rd|th)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"[$£€¥]\s?\d[\d,.]*|\b\d[\d,.]*\s?(dollars?|pounds?|euros?|usd|gbp|eur)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoneyPattern();

    private static FrozenDictionary<string, string> BuildLexicon()
    {
        var lexicon = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string cls, string words)
        {
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                lexicon.TryAdd(word, cls);
            }
        }
        Add("numword", "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen couple pair few several");
        Add("ordword", "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth");
        Add("month", "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec");
        Add("weekday", "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun weekday weekdays");
        Add("relday", "today tomorrow tonight yesterday tmrw tmr weekend day days week weeks month months year");
        Add("relword", "next this coming following last");
        Add("ampm", "am pm");
        Add("daypart", "morning afternoon evening night noon midnight midday lunch lunchtime dinner breakfast brunch");
        Add("clock", "o clock oclock hour hours minutes mins half quarter past");
        Add("party", "people persons person guests guest adults adult kids kid children child us pax seats table party");
        Add("prep", "at for on by from until till to in around about between");
        Add("name", "name named called surname");
        return lexicon.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    internal static ulong Key(string template) => Finish(Mix(OffsetBasis, template));

    internal static ulong Key(string template, ReadOnlySpan<char> a) => Finish(Mix(Mix(Mix(OffsetBasis, template), "\u0001"), a));

    internal static ulong Key(string template, ReadOnlySpan<char> a, ReadOnlySpan<char> b) =>
        Finish(Mix(Mix(Mix(Mix(Mix(OffsetBasis, template), "\u0001"), a), "\u0002"), b));

    private static ulong Mix(ulong hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * Prime;
            hash = (hash ^ (byte)(c >> 8)) * Prime;
        }
        return hash;
    }

    /// <summary>The 64-bit finaliser every tagger feature key ends with (also the entity tagger's, so keys stay stable).</summary>
    public static ulong Finish(ulong h)
    {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 33;
        h *= 0xc4ceb93fe1a85ec3UL;
        h ^= h >> 33;
        return h;
    }
}
