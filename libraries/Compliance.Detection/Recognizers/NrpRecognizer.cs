using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Nationalities, religions and political groups (Presidio's NRP: special-category data under GDPR art. 9), from a
/// word list: capitalised demonyms ("Polish", "Brazilian"), religions and their adherents ("Catholic", "Muslim"),
/// and party labels ("Democrats", "Labour"). Capitalised only, so "polish the shoes" stays out. A demonym before a
/// currency word ("British pounds") names the money, not a person, and is left out.
/// </summary>
public sealed partial class NrpRecognizer() : PatternRecognizer(PersonalDataTypes.Nrp,
    new ContextWords(["nationality", "citizenship", "citizen", "national", "religion", "faith", "party", "voter", "voters", "member", "ethnicity", "origin"]),
    contextBoost: 0.2)
{
    private static readonly FrozenSet<string> Words = new[]
    {
        // Demonyms
        "American", "British", "English", "Scottish", "Welsh", "Irish", "Canadian", "Mexican", "Brazilian", "Argentinian", "Argentine",
        "Chilean", "Colombian", "Peruvian", "Venezuelan", "Cuban", "Australian", "Kiwi", "German", "Austrian", "Swiss", "French",
        "Belgian", "Dutch", "Luxembourgish", "Spanish", "Portuguese", "Italian", "Greek", "Maltese", "Cypriot", "Polish", "Czech",
        "Slovak", "Hungarian", "Romanian", "Bulgarian", "Serbian", "Croatian", "Slovenian", "Bosnian", "Albanian", "Macedonian",
        "Ukrainian", "Russian", "Belarusian", "Lithuanian", "Latvian", "Estonian", "Finnish", "Swedish", "Norwegian", "Danish",
        "Icelandic", "Turkish", "Kurdish", "Armenian", "Georgian", "Azerbaijani", "Israeli", "Palestinian", "Lebanese", "Syrian",
        "Jordanian", "Iraqi", "Iranian", "Persian", "Saudi", "Emirati", "Qatari", "Egyptian", "Moroccan", "Algerian", "Tunisian",
        "Libyan", "Nigerian", "Ghanaian", "Kenyan", "Ethiopian", "Somali", "Sudanese", "Ugandan", "Tanzanian", "Rwandan",
        "Congolese", "Cameroonian", "Senegalese", "Angolan", "Zimbabwean", "Zambian", "Afghan", "Pakistani", "Indian",
        "Bangladeshi", "Sri Lankan", "Nepalese", "Nepali", "Chinese", "Japanese", "Korean", "Taiwanese", "Vietnamese", "Thai",
        "Filipino", "Filipina", "Indonesian", "Malaysian", "Singaporean", "Burmese", "Cambodian", "Mongolian", "Kazakh", "Uzbek",
        "Arab", "Hispanic", "Latino", "Latina", "European", "African", "Asian", "Caucasian", "Roma", "Jamaican", "Haitian",
        "Dominican", "Puerto Rican", "Ecuadorian", "Bolivian", "Uruguayan", "Paraguayan", "Scandinavian", "Slavic", "Basque",
        "Catalan", "Flemish", "Walloon", "Bavarian", "Sicilian", "Yemeni", "Omani", "Kuwaiti", "Bahraini",
        "Ivorian", "Malian", "Beninese", "Togolese", "Burkinabe", "Guinean", "Liberian", "Sierra Leonean", "Gambian", "Mauritanian",
        "Chadian", "Eritrean", "Djiboutian", "Malagasy", "Mozambican", "Malawian", "Namibian", "Botswanan", "Motswana", "Basotho",
        "South African", "Mauritian", "Seychellois", "Gabonese", "Burundian", "Sri Lankans", "Laotian", "Bruneian", "Timorese",
        "Papuan", "Fijian", "Samoan", "Tongan", "New Zealander", "Maori", "Māori", "Aboriginal", "Inuit", "Native American",
        "Turkmen", "Tajik", "Kyrgyz", "Uyghur", "Tibetan", "Hmong", "Pashtun", "Punjabi", "Bengali", "Tamil", "Gujarati", "Sinhalese",
        "Yoruba", "Igbo", "Hausa", "Fulani", "Zulu", "Xhosa", "Maasai", "Kikuyu", "Amhara", "Oromo", "Tigrayan", "Berber", "Amazigh",
        "Tuareg", "Bedouin", "Assyrian", "Chaldean", "Yazidi", "Sámi", "Romani", "Sinti", "Montenegrin", "Moldovan", "Kosovar",
        "Guatemalan", "Honduran", "Salvadoran", "Salvadorean", "Nicaraguan", "Costa Rican", "Panamanian", "Trinidadian", "Barbadian",
        "Bahamian", "Guyanese", "Surinamese", "Belizean", "Icelander", "Luxembourger", "Monegasque", "Andorran", "Liechtensteiner",
        "Latinx", "Afro-Caribbean", "Afro-Brazilian", "African American", "Asian American", "Cornish", 
        // Nouns for people of a country, singular and plural where the plural is not the adjective plus s
        "Poles", "Swede", "Swedes", "Danes", "Finns", "Brits", "Scots", "Turks",
        "Serb", "Serbs", "Croat", "Croats", "Slovene", "Slovenes", "Bosniak", "Bosniaks", "Kurd", "Kurds", "Arabs", "Czechs", "Slovaks",
        "Greeks", "Thais", "Uzbeks", "Kazakhs", "Afghans", "Spaniard", "Spaniards", "Englishman", "Englishwoman", "Englishmen",
        "Frenchman", "Frenchwoman", "Frenchmen", "Irishman", "Irishwoman", "Scotsman", "Scotswoman", "Welshman", "Welshwoman",
        "Dutchman", "Dutchwoman", "Filipinos", "Filipinas", "Latinos", "Latinas", "Icelanders", "New Zealanders", "Luxembourgers",
        // German and French nouns (capitalised there)
        "Deutscher", "Deutsche", "Österreicher", "Österreicherin", "Schweizerin", "Polin", "Türke", "Türkin", "Italiener",
        "Italienerin", "Franzose", "Französin", "Spanier", "Spanierin", "Grieche", "Griechin", "Russe", "Russin", "Ukrainer", "Ukrainerin",
        "Amerikaner", "Amerikanerin", "Katholik", "Katholikin", "Protestantin", "Muslimin", "Muslima", "Jüdin",
        "Français", "Française", "Allemand", "Allemande", "Italienne", "Espagnol", "Espagnole", "Polonais", "Polonaise", "Belge",
        "Marocain", "Marocaine", "Algérien", "Algérienne", "Tunisien", "Tunisienne", "Sénégalais", "Sénégalaise", "Ivoirien",
        "Ivoirienne", "Camerounais", "Camerounaise", "Québécois", "Québécoise", "Catholique", "Musulman", "Musulmane", "Juif", "Juive",
        // Religions and beliefs
        "Christian", "Christians", "Catholic", "Catholics", "Protestant", "Protestants", "Orthodox", "Lutheran", "Anglican",
        "Baptist", "Methodist", "Presbyterian", "Evangelical", "Pentecostal", "Mormon", "Quaker", "Amish", "Muslim", "Muslims",
        "Islamic", "Sunni", "Shia", "Shiite", "Jewish", "Jew", "Jews", "Hindu", "Hindus", "Buddhist", "Buddhists", "Sikh", "Sikhs",
        "Jain", "Atheist", "Atheists", "Agnostic", "Agnostics", "Zoroastrian", "Bahai", "Rastafarian", "Pagan", "Wiccan",
        "Roman Catholic", "Greek Orthodox", "Russian Orthodox", "Eastern Orthodox", "Coptic", "Copt", "Copts", "Maronite", "Maronites",
        "Druze", "Alawite", "Ismaili", "Sufi", "Salafi", "Wahhabi", "Shinto", "Taoist", "Confucian", "Episcopalian", "Unitarian",
        "Mennonite", "Adventist", "Calvinist", "Anabaptist", "Hasidic", "Haredi", "Humanist", "Scientologist", "Jainism", "Sikhism",
        "Hinduism", "Buddhism", "Judaism", "Islam", "Christianity", "Catholicism", "Protestantism", "Muslima",
        // Political groups
        "Democrat", "Democrats", "Democratic", "Republican", "Republicans", "Conservative", "Conservatives", "Tory", "Tories",
        "Labour", "Liberal Democrats", "Lib Dems", "Socialist", "Socialists", "Communist", "Communists", "Libertarian",
        "Libertarians", "Nationalist", "Nationalists", "Marxist", "Marxists", "Anarchist", "Anarchists", "Fascist", "Fascists",
        "Social Democrat", "Social Democrats", "Christian Democrat", "Christian Democrats", "Liberals", "Progressive", "Progressives",
        "Centrist", "Centrists", "Leftist", "Leftists", "Populist", "Populists", "Trotskyist", "Maoist", "Maoists", "Leninist",
        "Bolshevik", "Bolsheviks", "Peronist", "Peronists", "Gaullist", "Gaullists", "Chavista", "Chavistas", "Sandinista",
        "Sandinistas", "Zionist", "Zionists", "Islamist", "Islamists", "Monarchist", "Monarchists", "Unionist", "Unionists",
        "Loyalist", "Loyalists", "Brexiteer", "Brexiteers", "Remainer", "Remainers", "Whig", "Whigs", "Greens", "Ecologist",
    }.SelectMany(WithPlural).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A demonym or adherent in -an, -i or -ic also names people in the plural ("Nigerians", "Pakistanis", "Catholics").</summary>
    private static IEnumerable<string> WithPlural(string word)
    {
        yield return word;
        if (!word.Contains(' ') && (word.EndsWith("an", StringComparison.Ordinal) || word.EndsWith('i') || word.EndsWith("ist", StringComparison.Ordinal)))
            yield return word + "s";
    }

    /// <summary>Whether <paramref name="word"/> is a nationality, religion or political group in the list.</summary>
    public static bool IsNrp(string word) => Words.Contains(word);

    /// <summary>Words after which a demonym names money or a thing ("British pounds", "American Express", "European Union").</summary>
    private static readonly FrozenSet<string> MoneyWords = new[]
    {
        "pound", "pounds", "ruble", "rubles", "rouble", "roubles", "franc", "francs", "krone", "kroner", "krona", "kronor",
        "dollar", "dollars", "peso", "pesos", "yen", "yuan", "rupee", "rupees", "lira", "zloty", "złoty", "forint", "koruna",
        "real", "reais", "won", "dinar", "dinars", "riyal", "dirham", "shekel", "shekels", "euro", "euros", "sterling", "currency",
        "currencies", "money", "cash",
        // Names of things rather than people: a card brand, airlines, institutions.
        "express", "airlines", "airline", "airways", "union", "commission", "parliament", "central", "league", "ocean", "sea",
        "bank", "banks", "card", "cards", "transfer", "transfers", "payment", "payments", "account", "accounts", "market",
        "markets", "countries", "country", "time", "cuisine", "food", "restaurant", "standard", "version", "edition",
        "cheese", "fries", "toast", "yogurt", "yoghurt", "delight", "coffee", "tea", "language", "keyboard", "embassy", "consulate",
        "government", "ministry", "army", "navy", "church", "airport", "railway", "railways", "telekom", "post", "grand", "prix", "open", "bahn", "nadu", "insurance",
        // A language or a dish, not a person's nationality: "speaks English well", "English Breakfast", "French lessons".
        "breakfast", "muffin", "muffins", "mustard", "well", "fluently", "lessons", "lesson", "class", "classes", "course", "courses",
        "teacher", "grammar", "literature", "translation", "subtitles", "speaker", "speakers", "skills",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words before a demonym that make it a language: "speaks English", "translated from Polish", "in French".</summary>
    private static readonly FrozenSet<string> LanguageWords = new[]
    {
        "speak", "speaks", "spoke", "speaking", "learn", "learns", "learning", "study", "studies", "studying", "teach", "teaches",
        "teaching", "translate", "translated", "translating", "fluent", "in", "into", "from", "native", "read", "reads", "write",
        "writes", "understand", "understands",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"(?<![\w])\p{Lu}\p{Ll}+(?![\w])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex CapitalisedWords();

    /// <summary>
    /// The value of a nationality, religion or ethnicity field, in any language and case: "Medborgarskap: eritreansk",
    /// "Staatsangehörigkeit: österreichisch", "Religionsbekenntnis: römisch-katholisch", "de nationalité guinéenne,",
    /// "Ethnic group: Asian British – Bangladeshi". One to four words up to the end of the field.
    /// </summary>
    [GeneratedRegex(@"(?<![\w])(?:nationality|nationalité|nacionalidad|nazionalità|nacionalidade|staatsangehörigkeit|staatsbürgerschaft|medborgarskap|statsborgerskap|statsborgarskap|nationaliteit|obywatelstwo|kansalaisuus|uyruk|uyruğu|kewarganegaraan|citizenship|religion|religión|religione|religião|religionsbekenntnis|konfession|religia|wyznanie|ethnicity|ethnic\s+group|ethnic\s+origin|etnia|etnicidad)[ \t]*:?[ \t]*(?<value>\p{L}[\p{L}\-]*(?:[ ]+(?:[–-][ ]+)?\p{L}[\p{L}\-]*){0,3})(?=[ \t]*(?:[,;.\n\r(]|$))", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex LabelledValue();

    /// <summary>Field values that name no group: "Religion: none", "Nationality: unknown".</summary>
    private static readonly FrozenSet<string> NoGroup = new[]
    {
        "none", "no", "n", "keine", "keiner", "aucune", "aucun", "ninguna", "ninguno", "nessuna", "nessuno", "nenhuma", "nenhum", "ingen",
        "brak", "unknown", "other", "not", "prefer", "undisclosed", "declined", "withheld", "tbc", "see", "same", "is", "was", "and",
        "of", "the", "in", "de", "des", "du", "la", "le", "se", "por", "para", "for", "status", "statut",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    protected override IEnumerable<Regex> Patterns => [CapitalisedWords(), LabelledValue()];

    protected override Candidate? Validate(string text, Match match)
    {
        var value = match.Groups["value"];
        if (value.Success)
        {
            var first = value.Value.Split(' ', 2)[0];
            return NoGroup.Contains(first) ? null : new Candidate(value.Index, value.Index + value.Length, 0.6);
        }
        var start = match.Index;
        var end = start + match.Length;
        var next = NextWord(text, end);
        // Two-word entries first ("Sri Lankan", "Lib Dems"), else the word alone.
        if (next.Length > 0 && Words.Contains(match.Value + " " + next) && text[end] == ' ')
            end = end + 1 + next.Length;
        else if (!Words.Contains(match.Value))
            return null;
        if (MoneyWords.Contains(NextWord(text, end)) || LanguageWords.Contains(TextScan.WordBefore(text, start)))
            return null;
        return new Candidate(start, end, 0.55);
    }

    private static string NextWord(string text, int from)
    {
        var i = from;
        while (i < text.Length && text[i] == ' ')
            i++;
        var start = i;
        while (i < text.Length && char.IsLetter(text[i]))
            i++;
        return text[start..i];
    }
}
