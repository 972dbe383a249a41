using System.Collections.Frozen;
using System.Text.RegularExpressions;
using SpecialistPlatform.Compliance.Detection.Tagging;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Names that the sentence itself marks as names, whatever their language: a self-introduction ("I am Anna
/// Kowalska", "this is Dmitri from accounts", "it's Bartosz again"), a greeting ("Hi Agnieszka,") and a speaker label
/// in a dialogue or chat ("Nicole: Remember me?", on two or more lines). The entity tagger learns names from words it
/// has seen; these cues need none, so they carry the names of locales its training never had. A single word counts
/// only when it is no word of ordinary requests (<see cref="NegativeUtterances.Vocabulary"/>), not a form label and
/// not a nationality, unless the gazetteer knows it as a first name.
/// </summary>
public sealed partial class PersonCueRecognizer() : PatternRecognizer(PersonalDataTypes.Person, new ContextWords([]), contextBoost: 0)
{
    /// <summary>Above the tagger's maximum (0.85): the cue is stronger evidence than the word ("I am Anna Kowalska" was tagged a place).</summary>
    public const double IntroductionScore = 0.86;

    private const string NameWord = @"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?";

    [GeneratedRegex(@"(?<![\w])(?:I\s+am|I'm|I’m|[Mm]y\s+name\s+is|[Tt]his\s+is|[Ii]t's|[Ii]t’s|[Cc]all\s+me|[Nn]ame's|[Jj]e\s+m'appelle|[Ii]ch\s+bin|[Ii]ch\s+heiße|[Mm]e\s+llamo|[Mm]i\s+chiamo|[Jj]estem|[Jj]sem|[Jj]ag\s+heter|[Jj]eg\s+heter)\s+(?<intro>" + NameWord + @"(?:[ ]" + NameWord + @"){0,2})(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Introduction();

    /// <summary>
    /// A greeting before a capitalised name and a pause ("Hi Agnieszka,"), or a casual one before a lower-case name, as chats
    /// and texts write them ("hey lars,", "yo florence did u", "cheers june"): that name must be a first name the gazetteer
    /// knows, and one that is also an ordinary word ("june", "mark") only before a pause. One pattern for both: two scanned
    /// the text twice for the same greeting words.
    /// </summary>
    [GeneratedRegex(@"(?<![\w])(?:(?:Hi|Hello|Hey|Dear|Hej|Hei|Hallo|Ahoj|Cześć|Czesc|Ciao|Hola|Bonjour|Salut|Thanks|Thank\s+you|Cheers|Morning|Good\s+morning)[ ]+(?<greeted>" + NameWord + @"(?:[ ]" + NameWord + @")?)(?=[ ]*[,!\n]|$)"
        + @"|(?i:hey|hi|hiya|heya|yo|hello|thanks|thx|cheers|morning|night|ty|love\s+you|miss\s+you)[ ]+(?<casual>\p{Ll}[\p{Ll}\p{M}]{2,15})(?![\w@.'’-]))", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Greeting();

    /// <summary>A line opening with a name and a colon, after an optional "[09:41]" time stamp or with one in brackets before the colon ("Henk (14:02):").</summary>
    [GeneratedRegex(@"(?<=(?:^|\n)[ \t]*(?:\[[^\]\n]{1,25}\][ \t]*)?)(?<speaker>" + NameWord + @"(?:[ ]" + NameWord + @")?)(?:[ \t]*\([0-9:.apmAPM ]{3,12}\))?[ \t]*:[ \t]+(?=\S)", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex SpeakerLabel();

    /// <summary>A lower-case handle after a "[09:41]" time stamp at a line start: chat exports write names as typed.</summary>
    [GeneratedRegex(@"(?<=(?:^|\n)[ \t]*\[[0-9:.apm ]{4,12}\][ \t]*)(?<handle>\p{Ll}[\p{Ll}\p{M}]{2,19})[ \t]*:[ \t]+(?=\S)", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex TimedHandle();

    /// <summary>The surname (or names) after a title or a run of them: "Dear Dr Cohen", "Ms Lindqvist replaces", "Frau Schäfer",
    /// "Prof. Dr. Stefan Müller" (the name, not the second title).</summary>
    [GeneratedRegex(@"(?<![\w.])(?:" + TitleRecognizer.Titles + @")\.?(?:[ \t]+(?:" + TitleRecognizer.Titles + @")\.?){0,2}[ \t]+(?<titled>" + NameWord + @"(?:[ ]" + NameWord + @")?)(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Titled();

    /// <summary>
    /// A lower-case handle opening a line without a time stamp ("ben: i'll come with u", "lucy_h: me!"): a name only in a
    /// chat and only when the gazetteer knows it as a first name, as logs open lines with "info:" and "warn:" too.
    /// </summary>
    // Anchored at line starts (Multiline "^"), not behind a lookbehind tried at every lower-case letter.
    [GeneratedRegex(@"^[ \t]*(?<untimed>\p{Ll}[\p{Ll}\p{M}]{2,19}(?:_\p{Ll}{1,3})?)[ \t]*:[ \t]+(?=\S)", RegexOptions.CultureInvariant | RegexOptions.Multiline, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex UntimedHandle();

    /// <summary>An @-mention whose first part is a first name ("@nikhil", "@tomasz_wozniak"); the finding leaves the "@" out.</summary>
    [GeneratedRegex(@"(?<![\w@.])@(?<mention>\p{L}[\p{L}\p{M}0-9_]{1,30}(?:\.[\p{L}\p{M}0-9_]+)*)", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex AtMention();

    /// <summary>
    /// A form's or a label's field that holds a person ("Deliver to: Maria Rossi, 42 Harbour Lane", "Cardholder: Ana
    /// Lima", "Full name: ..."): a name when its first word is a first name the gazetteer knows, as a town, a district or a
    /// company may stand there too ("Ship to: Palermo, Gorriti 4720").
    /// </summary>
    // The labels sit in a lookbehind before the colon, so the scan jumps from colon to colon instead of trying the labels at
    // nearly every letter (33 ms per Mi chars for the cue recognizer's new patterns before).
    [GeneratedRegex(@"(?<=(?<![\w])(?i:deliver\s+to|ship\s+to|send\s+to|bill\s+to|sold\s+to|attn\.?|attention|recipient|addressee|consignee|cardholder|card\s+holder|account\s+holder|policyholder|policy\s+holder|insured|full\s+name|name|guest|passenger|patient|tenant|applicant|employee|customer)[ \t]*):[ \t]*(?<addressee>" + NameWord + @"(?:[ ]" + NameWord + @"){0,2})(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Addressee();

    protected override IEnumerable<Regex> Patterns => [Introduction(), Greeting(), SpeakerLabel(), Titled(), TimedHandle(), UntimedHandle(), AtMention(), Addressee()];

    /// <summary>
    /// Every match, less the speaker labels of a text that is no dialogue and the handles of a text that is no chat.
    /// Whether a text is a dialogue or a chat is decided once per text, not once per label: a form of thousands of
    /// distinct "Label:" lines would otherwise rescan itself for each of them.
    /// </summary>
    protected override IEnumerable<Match> Candidates(string text)
    {
        bool? dialogue = null, chat = null;
        foreach (var match in base.Candidates(text))
        {
            if (match.Groups["speaker"].Success && !(dialogue ??= IsDialogue(text)))
                continue;
            if ((match.Groups["handle"].Success || match.Groups["untimed"].Success) && !(chat ??= IsChat(text)))
                continue;
            yield return match;
        }
    }

    /// <summary>Labels of forms, headers and chat roles that open a line with "Word:" and are not names.</summary>
    private static readonly FrozenSet<string> NotNames = new[]
    {
        "name", "date", "phone", "tel", "mobile", "email", "e-mail", "mail", "address", "subject", "from", "to", "cc", "bcc", "re", "fw",
        "fwd", "note", "notes", "patient", "applicant", "candidate", "nationality", "citizenship", "employer", "employee", "born",
        "graduated", "passport", "iban", "bic", "swift", "invoice", "total", "status", "order", "reference", "ref", "customer", "client",
        "question", "answer", "me", "mum", "mom", "dad", "mother", "father", "agent", "support", "user", "bot", "assistant", "system",
        "warning", "error", "info", "update", "edit", "ps", "tip", "example", "summary", "description", "title", "birthday", "home",
        "work", "office", "fax", "website", "web", "url", "company", "organisation", "organization", "department", "position", "role",
        "team", "manager", "host", "guest", "caller", "operator", "interviewer", "interviewee", "speaker", "moderator", "admin",
        "signed", "location", "city", "country", "street", "zip", "postcode", "state", "region", "gender", "sex", "age", "dob",
        "account", "card", "amount", "balance", "product", "item", "quantity", "price", "message", "comment", "comments", "reply",
        "remittance", "billing", "shipping", "delivery", "deliver", "return", "od", "předmět", "komu", "betreff", "von", "an", "objet",
        "de", "asunto", "para", "oggetto", "da", "temat", "ämne", "emne", "aihe", "lähettäjä", "to", "hint", "attention", "attn",
        "current", "previous", "next", "ticket", "case", "issue", "priority", "severity", "category", "type", "time", "day", "week",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "yesterday", "q", "a",
        "pros", "cons", "goal", "goals", "agenda", "minutes", "action", "actions", "decision", "result", "results", "source", "target",
        "welcome", "hello", "hi", "dear", "thanks", "regards", "sincerely", "best", "cheers", "hey", "yes", "no", "ok", "okay", "well",
        "attendees", "attendee", "present", "absent", "apologies", "apology", "witness", "witnesses", "channel", "journey", "departure",
        "arrival", "pickup", "dropoff", "driver", "rider", "passenger", "passengers", "tenant", "tenants", "landlord", "resident",
        "residents", "member", "members", "colleague", "colleagues", "neighbour", "neighbor", "friend", "friends", "all",
        "everyone", "team", "sir", "madam", "guests", "visitor", "buddy", "mentor", "reply", "replies", "answered", "paciente",
        "responsável", "responsable", "queixa", "motivo", "firma", "nombre", "nome", "nom", "prénom", "vorname", "nachname", "anrede",
        "venue", "seat", "gate", "flight", "coach", "platform", "terminal", "route", "vehicle", "plate", "desk", "floor", "room",
        "owner", "assignee", "reporter", "requester", "approver", "reviewer", "author", "contact", "sender", "recipient", "referee",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    protected override Candidate? Validate(string text, Match match)
    {
        var titled = match.Groups["titled"];
        if (titled.Success)
        {
            // A title says a name follows, so any capitalised word but a label or a place will do.
            var words = titled.Value.Split(' ');
            var keep = words.TakeWhile(w => !NotNames.Contains(w) && (EntityGazetteer.Default.Lookup(w.ToLowerInvariant()) & (GazetteerClass.Country | GazetteerClass.State)) == 0
                && !EntityGazetteer.Default.IsCommonWord(w.ToLowerInvariant())).Count();
            return keep == 0 ? null : new Candidate(titled.Index, titled.Index + string.Join(' ', words[..keep]).Length, 0.75);
        }
        var handle = match.Groups["handle"];
        if (handle.Success)
        {
            var word = handle.Value;
            return NotNames.Contains(word) || NegativeUtterances.Vocabulary.Contains(word) || EntityGazetteer.Default.IsCommonWord(word)
                ? null : new Candidate(handle.Index, handle.Index + handle.Length, 0.7);
        }
        var addressee = match.Groups["addressee"];
        if (addressee.Success)
        {
            var words = addressee.Value.Split(' ');
            if (!IsKnownFirstName(words[0].ToLowerInvariant()))
                return null;
            var kept = 1;
            while (kept < words.Length && IsNameWord(words[kept]))
                kept++;
            return new Candidate(addressee.Index, addressee.Index + string.Join(' ', words[..kept]).Length, IntroductionScore);
        }
        var casual = match.Groups["casual"];
        if (casual.Success)
        {
            var word = casual.Value;
            if (!IsKnownFirstName(word))
                return null;
            var end = casual.Index + casual.Length;
            var pause = end == text.Length || text[end] is ',' or '!' or '?' or '.' or '\n' or ')' or ':';
            return NegativeUtterances.Vocabulary.Contains(word) && !pause ? null : new Candidate(casual.Index, end, 0.7);
        }
        var mention = match.Groups["mention"];
        if (mention.Success)
        {
            var first = mention.Value.Split('_', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9')[0];
            return IsKnownFirstName(first.ToLowerInvariant()) ? new Candidate(mention.Index, mention.Index + mention.Length, 0.7) : null;
        }
        var untimed = match.Groups["untimed"];
        if (untimed.Success)
        {
            return IsKnownFirstName(untimed.Value.Split('_')[0]) ? new Candidate(untimed.Index, untimed.Index + untimed.Length, 0.7) : null;
        }
        foreach (var (group, score) in new[] { ("intro", IntroductionScore), ("greeted", 0.7), ("speaker", 0.7) })
        {
            var g = match.Groups[group];
            if (!g.Success)
                continue;
            var words = g.Value.Split(' ');
            // "I am Anna Kowalska" but "this is Anna Support": the name is the leading run of words that pass.
            var kept = 0;
            while (kept < words.Length && IsNameWord(words[kept]))
                kept++;
            if (kept == 0)
                return null;
            var length = string.Join(' ', words[..kept]).Length;
            return new Candidate(g.Index, g.Index + length, kept == 1 && group == "intro" ? 0.7 : score);
        }
        return null;
    }

    /// <summary>
    /// Whether <paramref name="word"/> is a label of forms, headers or chat roles ("Subject", "Agent"), a nationality or
    /// a common word ("Hallo Kunde," "Ich bin Mitglied", "Betreff: ..."; the common-word lists hold no name): never a name,
    /// whatever the sentence around it.
    /// </summary>
    internal static bool IsLabelNationalityOrCommonWord(string word, string lower) =>
        NotNames.Contains(lower) || NrpRecognizer.IsNrp(word) || EntityGazetteer.Default.IsCommonWord(lower);

    /// <summary>A lower-case word the gazetteer knows as a first name and no label or common word of any language.</summary>
    private static bool IsKnownFirstName(string lower) =>
        lower.Length >= 3 && !NotNames.Contains(lower) && !EntityGazetteer.Default.IsCommonWord(lower)
        && (EntityGazetteer.Default.Lookup(lower) & GazetteerClass.FirstName) != 0;

    private static bool IsNameWord(string word)
    {
        var lower = word.ToLowerInvariant();
        if (IsLabelNationalityOrCommonWord(word, lower))
            return false;
        var gazetteer = EntityGazetteer.Default.Lookup(lower);
        if ((gazetteer & (GazetteerClass.FirstName | GazetteerClass.LastName)) != 0)
            return true;
        if ((gazetteer & (GazetteerClass.Country | GazetteerClass.State | GazetteerClass.CityWord | GazetteerClass.StreetSuffix | GazetteerClass.CompanySuffix)) != 0)
            return false;
        return !NegativeUtterances.Vocabulary.Contains(lower);
    }

    /// <summary>
    /// A dialogue or chat, not a form: one speaker label opens two or more lines ("Nicole: ... Tomasz: ... Nicole: ..."),
    /// or two or more different labels are all first names the gazetteer knows. A form's labels ("Driver:", "Pickup:",
    /// "Witness:", "Paciente:") each open one line, and a label of another language is no word any list holds.
    /// </summary>
    private static bool IsDialogue(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var allFirstNames = true;
        foreach (Match m in SpeakerLabel().Matches(text))
        {
            var speaker = m.Groups["speaker"].Value;
            if (NotNames.Contains(speaker.Split(' ')[0]))
                continue;
            if (!seen.Add(speaker))
                return true;
            allFirstNames &= (EntityGazetteer.Default.Lookup(speaker.Split(' ')[0].ToLowerInvariant()) & GazetteerClass.FirstName) != 0;
        }
        return seen.Count >= 2 && allFirstNames;
    }

    /// <summary>
    /// Lower-case handles in a chat ("[09:14] priya: morning all", "ben: i'll come"): some handle opens two or more lines,
    /// with time stamps or without.
    /// </summary>
    private static bool IsChat(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (pattern, group) in new[] { (TimedHandle(), "handle"), (UntimedHandle(), "untimed") })
        {
            foreach (Match m in pattern.Matches(text))
            {
                var handle = m.Groups[group].Value;
                if (!NotNames.Contains(handle) && !seen.Add(handle))
                    return true;
            }
        }
        return false;
    }
}
