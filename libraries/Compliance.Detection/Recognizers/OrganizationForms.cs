using System.Collections.Frozen;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Word lists for <see cref="OrganizationRecognizer"/>, written from general knowledge of how companies and institutions
/// are named: the legal forms of about 40 jurisdictions, the industry and institution words that end or start a name
/// in a dozen languages, and the capitalised ordinary words that do not make a name on their own. Compared
/// case-sensitively: "Ltd" and "LTD" are listed apart, "the bank" never matches "Bank".
/// </summary>
internal static class OrganizationForms
{
    /// <summary>
    /// Legal forms written after the name ("Zentrix GmbH", "Nordvik Marine AS", "Yılmaz İnşaat Ltd. Şti."). Spaces stand for
    /// one or more spaces in the text; the longest form at a position wins ("GmbH &amp; Co. KG" before "GmbH").
    /// </summary>
    public static readonly string[] Suffixes =
    [
        // United States, United Kingdom, Ireland, Commonwealth
        "Inc", "Inc.", "INC", "INC.", "Incorporated", "LLC", "L.L.C.", "PLLC", "LLP", "L.L.P.", "LLLP", "L.P.", "P.C.", "Ltd", "Ltd.", "LTD", "LTD.",
        "Limited", "LIMITED", "PLC", "plc", "Plc", "Corp", "Corp.", "CORP", "Corporation", "Co.", "Company", "CIC", "DAC", "Co., Ltd.", "Co., Ltd",
        "Co. Ltd.", "Co. Ltd", "Co., Limited", "Pty Ltd", "Pty. Ltd.", "Pty Ltd.", "PTY LTD", "Pty Limited", "Pty. Limited", "Pvt. Ltd.", "Pvt Ltd",
        "Pvt. Ltd", "Private Limited", "Pte Ltd", "Pte. Ltd.", "Pte. Ltd", "Sdn Bhd", "Sdn. Bhd.", "SDN BHD", "Bhd", "Bhd.", "Berhad", "Tbk", "Tbk.",
        "(Persero) Tbk", "(Persero)",
        // Germany, Austria, Switzerland, Liechtenstein
        "GmbH", "gGmbH", "mbH", "GmbH & Co. KG", "GmbH & Co KG", "GmbH & Co. KGaA", "AG & Co. KG", "UG & Co. KG", "AG", "KG", "KGaA", "OHG", "oHG", "e.V.",
        "eV", "e.G.", "eG", "e.K.", "GbR", "PartG", "PartG mbB", "SE", "SE & Co. KG", "UG (haftungsbeschränkt)", "UG", "Sàrl", "Genossenschaft",
        // France, Belgium, Luxembourg
        "SA", "S.A.", "SAS", "S.A.S.", "SASU", "SARL", "S.A.R.L.", "Sarl", "S.à r.l.", "S.à.r.l.", "EURL", "SNC", "SCI", "SCP", "GIE", "SCOP", "SRL",
        "BVBA", "SPRL", "ASBL", "VZW",
        // Spain, Portugal, Latin America
        "S.L.", "S.L.U.", "SL", "SLU", "S.A.U.", "SAU", "S.Coop.", "S. Coop.", "S.C.", "Lda", "Lda.", "Ltda", "Ltda.", "LTDA", "S/A", "EIRELI", "Unipessoal Lda.",
        "Cía. Ltda.", "S.A. de C.V.", "SA de CV", "S.A.B. de C.V.", "S.A.B.", "S. de R.L. de C.V.", "S. de R.L.", "S de RL de CV", "SAPI de C.V.", "S.A.P.I. de C.V.", "S.A.C.",
        "S.A.A.", "S.A.S.", "S.R.L.", "S.A.I.C.",
        // Italy
        "S.p.A.", "SpA", "SPA", "S.p.a.", "S.r.l.", "Srl", "s.r.l.", "S.R.L", "S.r.l.s.", "Srls", "S.n.c.", "Snc", "S.a.s.", "s.p.a.",
        // Netherlands, Belgium
        "B.V.", "BV", "N.V.", "NV", "VOF", "V.O.F.", "C.V.",
        // Nordic countries
        "AB", "AB (publ)", "Aktiebolag", "HB", "KB", "Oy", "Oyj", "Oy Ab", "Ab", "Ky", "AS", "ASA", "A/S", "ApS", "I/S", "K/S", "P/S", "IVS", "A.m.b.a.",
        "amba", "hf.", "hf", "ehf.", "ehf", "ohf.", "SA (publ)",
        // Poland, Czechia, Slovakia, Hungary, Balkans, Romania, Bulgaria, Baltics
        "Sp. z o.o.", "sp. z o.o.", "Sp. z o. o.", "sp. z o. o.", "Sp.z o.o.", "spółka z o.o.", "Sp. k.", "sp.k.", "Sp.k.", "sp. j.", "Sp. j.",
        "s.r.o.", "spol. s r.o.", "spol. s r. o.", "s. r. o.", "a.s.", "a. s.", "v.o.s.", "k.s.", "Kft.", "Kft", "Zrt.", "Zrt", "Nyrt.", "Nyrt", "Bt.",
        "Kkt.", "d.o.o.", "d. o. o.", "d.d.", "a.d.", "j.d.o.o.", "doo", "DOO", "S.R.L.", "ООД", "ЕООД", "АД", "ЕАД", "UAB", "OÜ", "SIA",
        // Turkey, Greece, Cyprus, Israel
        "A.Ş.", "AŞ", "A.S.", "Ltd. Şti.", "Ltd.Şti.", "Ltd Şti", "San. ve Tic. A.Ş.", "San. ve Tic. Ltd. Şti.", "Tic. Ltd. Şti.", "Tic. A.Ş.",
        "A.E.", "Α.Ε.", "Ε.Π.Ε.", "ΙΚΕ", "O.E.",
        // Russia, Ukraine, Central Asia (rare after the name, usually before it)
        "PJSC", "JSC", "LLP.",
        // Japan, Korea, China
        "K.K.", "KK", "G.K.", "Kabushiki Kaisha", "Co., Ltd.",
    ];

    /// <summary>
    /// Two-letter capital forms that are also common abbreviations ("Cape Town SA", "AS SOON AS", "blood type AB"): they
    /// count only after a name with a lower-case letter, not a known place, not before a postcode.
    /// </summary>
    public static readonly FrozenSet<string> AmbiguousSuffixes = new[]
    {
        "SA", "AG", "SE", "AS", "AB", "Ab", "KG", "KB", "HB", "BV", "NV", "SL", "KK", "UG", "eG", "eV", "Ky", "Oy", "SPA", "SAS", "SCI", "SCP", "SNC", "GIE",
        "SIA", "UAB", "SAU", "SLU", "DOO", "doo", "amba", "hf", "ehf", "Bhd", "Co.", "Company", "Limited", "Corporation",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Legal forms written before the name ("PT Maju Bersama Tbk", "ООО «Ромашка»", "AO Kaspersky Lab"). Those that are also
    /// common abbreviations (PT: physical therapy, CV: a résumé) need more, see <see cref="OrganizationRecognizer"/>.
    /// </summary>
    public static readonly FrozenSet<string> Prefixes = new[]
    {
        "PT", "PT.", "CV", "CV.", "OOO", "ООО", "AO", "АО", "OAO", "ОАО", "ZAO", "ЗАО", "PAO", "ПАО", "PJSC", "JSC", "ТОВ", "ПрАТ", "ТОО",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Prefixes that need the name quoted, or two name words and an Indonesian business word or "Tbk" (<see cref="IndonesianWords"/>).</summary>
    public static readonly FrozenSet<string> WeakPrefixes = new[] { "PT", "PT.", "CV", "CV.", "AO", "АО" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words that make "PT X Y" or "CV X Y" an Indonesian company rather than a therapist or a résumé.</summary>
    public static readonly FrozenSet<string> IndonesianWords = new[]
    {
        "Indonesia", "Bank", "Maju", "Jaya", "Abadi", "Sejahtera", "Mandiri", "Sentosa", "Makmur", "Persada", "Nusantara", "Teknologi", "Industri",
        "Perkasa", "Utama", "Mitra", "Karya", "Bersama", "Sinar", "Indah", "Mulia", "Prima", "Sukses", "Cahaya", "Lestari", "Agung", "Raya", "Niaga",
        "Tbk", "Persero", "Solusi", "Logistik", "Internasional", "Investama", "Sumber", "Gemilang", "Cipta", "Tunggal", "Pratama", "Semesta",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Industry and institution words that end a name ("Quillmore Systems", "Hadassah Medical Center", "Semmelweis Egyetem",
    /// "Ankara Üniversitesi"). A name before one needs a word that is neither ordinary (<see cref="Generic"/>) nor another such word.
    /// Church and cathedral are left out: a building as often as a body.
    /// </summary>
    public static readonly string[] EndWords =
    [
        // English
        "Group", "Holdings", "Holding", "Partners", "Associates", "Sons", "Brothers", "Bros.", "Bank", "Bancorp", "Bancshares", "Capital", "Ventures",
        "Systems", "Technologies", "Technology", "Solutions", "Logistics", "Consulting", "Consultants", "Industries", "Labs", "Laboratories",
        "Pharmaceuticals", "Pharma", "Therapeutics", "Biosciences", "Insurance", "Assurance", "Airlines", "Airways", "Motors", "Foods", "Media",
        "Studios", "Trust", "Foundation", "Fund", "Institute", "Association", "Society", "Federation", "Union", "Council", "Agency", "Authority",
        "Clinic", "Hospital", "Infirmary", "Medical Center", "Medical Centre", "Health System", "University", "College", "Academy", "School",
        "Museum", "Library", "Enterprises", "Software", "Networks", "Communications", "Telecom", "Engineering", "Manufacturing", "Construction",
        "Properties", "Realty", "Investments", "Securities", "Advisors", "Advisers", "Analytics", "Robotics", "Dynamics", "Freight", "Shipping",
        "Marine", "Trading", "Entertainment", "Productions", "Publishing", "Brewery", "Distillery", "Pharmacy", "Polytechnic",
        // Since the tenth session (dev6's organisations): "Ealing Interfaith Forum", "Lakeshore Property Management", "OceanBridge Lines".
        "Forum", "Management", "Lines", "Alliance", "Partnership", "Cooperative", "Co-operative", "Collective", "Supplies", "Outfitters",
        // German, Dutch
        "Gruppe", "Bankhaus", "Sparkasse", "Volksbank", "Versicherung", "Versicherungen", "Werke", "Klinik", "Kliniken", "Klinikum", "Stiftung",
        "Verein", "Verband", "Universität", "Hochschule", "Krankenhaus", "Akademie", "Institut", "Logistik", "Systeme", "Brauerei", "Söhne",
        "Groep", "Universiteit", "Ziekenhuis", "Vereniging", "Hogeschool", "Verzekeringen",
        // French, Spanish, Italian, Portuguese
        "Groupe", "Clinique", "Fondation", "Assurances", "Mutuelle", "Frères", "Fils", "Hermanos", "Hijos", "Asociados", "Abogados", "Consultores",
        "Seguros", "Figli", "Fratelli", "Associati", "Assicurazioni", "Associados", "Comércio", "Irmãos", "Filhos", "Construtora",
        // Nordic
        "Gruppen", "Banken", "Sparbank", "Sparebank", "Universitet", "Universitetet", "Högskola", "Högskolan", "Sjukhus", "Sjukhuset", "Sykehus",
        "Sykehuset", "Sygehus", "Stiftelse", "Stiftelsen", "Förening", "Forening", "Yliopisto", "Sairaala", "Pankki", "Säätiö",
        // Polish, Czech, Slovak, Hungarian, Turkish, Romanian, Balkan
        "Grupa", "Univerzita", "Nemocnice", "Nemocnica", "Banka", "Egyetem", "Kórház", "Alapítvány", "Egyesület", "Intézet", "Üniversitesi",
        "Hastanesi", "Bankası", "Vakfı", "Derneği", "Grubu", "Holding A.Ş.", "Şirketi", "Bolnica",
    ];

    /// <summary>
    /// Institution words that start a name and take the next capitalised words directly, in languages where the word is not
    /// also an everyday English noun ("Universität Hamburg", "Banco Santander", "Uniwersytet Jagielloński", "Szpital Bielański").
    /// </summary>
    public static readonly FrozenSet<string> StartWords = new[]
    {
        "Universität", "Universitat", "Université", "Universidad", "Universidade", "Università", "Uniwersytet", "Univerzita", "Univerza",
        "Universiteit", "Universitetet", "Universitatea", "Sveučilište", "Univerzitet", "Háskóli", "Hochschule", "Fachhochschule", "Klinikum",
        "Krankenhaus", "Stiftung", "Sparkasse", "Volksbank", "Raiffeisenbank", "Hôpital", "Clinique", "Clínica", "Clinica", "Ospedale", "Szpital",
        "Nemocnice", "Nemocnica", "Spitalul", "Banco", "Banca", "Banque", "Banka", "Bankhaus", "Groupe", "Grupo", "Gruppo", "Grupa", "Fundación",
        "Fundação", "Fondazione", "Fondation", "Fundacja", "Stichting", "Stiftelsen", "Instituto", "Istituto", "Instytut", "Politecnico",
        "Politechnika", "Akademia", "Academia", "Museo", "Musée", "Muzeum", "Museu", "Biblioteca", "Bibliothèque", "Société", "Compagnie", "Crédit",
        "Mutuelle", "Lycée", "École", "Colegio", "Escuela", "Ayuntamiento", "Comune", "Prefeitura", "Gemeente", "Associazione", "Asociación",
        "Associação", "Fratelli", "Ziekenhuis", "Hogeschool",
        // Courts, offices and public bodies ("Amtsgericht München", "Ente Ospedaliero Cantonale", "Tribunale di Milano"), restaurants.
        "Amtsgericht", "Landgericht", "Oberlandesgericht", "Arbeitsgericht", "Finanzamt", "Bürgeramt", "Standesamt", "Jobcenter", "Ente",
        "Tribunale", "Juzgado", "Brasserie", "Trattoria", "Ristorante", "Restaurante", "Osteria", "Pizzeria", "Taverna",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// English institution words that start a name only with a link word ("University of Oslo", "Bank of Montreal",
    /// "Institute for Fiscal Studies"): "Bank Holiday", "School Board" and "Union Jack" stay out.
    /// </summary>
    public static readonly FrozenSet<string> StartWithLinkWords = new[]
    {
        "University", "Bank", "College", "Institute", "Academy", "School", "Museum", "Library", "Hospital", "Society", "Association", "Federation",
        "Union", "Council", "Agency", "Authority", "Foundation", "Ministry", "Department", "Center", "Centre", "Chamber", "Board", "Commission",
        "Université", "Universidad", "Universidade", "Università", "Universitatea", "Hôpital", "Hospital", "Banco", "Banca", "Banque", "Instituto",
        "Istituto", "Institut", "Museo", "Musée", "Ayuntamiento", "Comune", "Prefeitura", "Gemeente", "Universitetet", "Universiteit",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Link words between an institution word and its place ("of", "de", "di", "für", "i", "w").</summary>
    public static readonly FrozenSet<string> StartLinks = new[]
    {
        "of", "for", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "der", "für", "zu", "i", "w", "we", "v", "ve", "d'", "l'",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Lower-case words and signs that join the name words ("Smith, Jones and Brown", "Costa e Associados", "Bank of America").</summary>
    public static readonly FrozenSet<string> NameLinks = new[]
    {
        "and", "und", "et", "y", "i", "e", "of", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "der", "van", "von", "den", "la",
        "le", "for", "für", "és", "a", "ve", "och", "og", "en", "ja", "și", "şi",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The links of a list of partners: only after one of these may a comma join names ("Smith, Jones and Brown").</summary>
    public static readonly FrozenSet<string> AndLinks = new[] { "and", "und", "et", "y", "i", "e", "&", "és", "a", "ve", "och", "og", "en", "ja", "și", "şi" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Capitalised words that start a sentence, a greeting or a label rather than a name: dropped from the left of a
    /// name ("The Zentrix GmbH", "Dear Acme Ltd", "Invoice Brightwell Ltd").
    /// </summary>
    public static readonly FrozenSet<string> LeadingNonNames = new[]
    {
        "The", "A", "An", "This", "That", "These", "Those", "Our", "Your", "My", "His", "Her", "Their", "Its", "We", "I", "You", "He", "She", "They",
        "It", "Dear", "Hi", "Hello", "Hey", "Thanks", "Thank", "From", "To", "At", "In", "On", "For", "With", "By", "Of", "And", "Or", "But", "If", "When",
        "While", "As", "Via", "Per", "Yesterday", "Today", "Tomorrow", "Please", "Contact", "Call", "Email", "Re", "RE", "Fwd", "FW", "Fw", "Subject",
        "Note", "Attn", "Tell", "Ping", "Message", "Text", "Also", "Both", "All", "Every", "Each", "Some", "Any", "No", "Not", "Is", "Was", "Are", "Did", "Does", "Do", "Can", "Could",
        "Would", "Should", "Will", "Has", "Have", "Had", "Why", "What", "Which", "Who", "Where", "How", "Then", "So", "Just", "Sent", "Paid", "Pay", "Ask",
        "Client", "Customer", "Vendor", "Supplier", "Company", "Employer", "Invoice", "Bill", "Payment", "Order", "Account", "Firm", "Name", "Sender",
        "Recipient", "Payee", "Beneficiary", "Signed", "Regards", "Best", "Cheers", "Team", "Former", "Formerly", "Ex", "Joined",
        "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einer", "Bei", "Mit", "Von", "Vom", "Zur", "Zum", "Für", "Und", "Rechnung", "Firma",
        "Le", "La", "Les", "L'", "Un", "Une", "Chez", "Pour", "Avec", "Dans", "Sur", "Par", "El", "Los", "Las", "Il", "Lo", "Gli", "Una",
        "Uno", "Con", "Para", "Por", "Empresa", "Ditta", "Het", "Een", "Bij", "Voor", "Naar", "Det", "Ett", "En", "Hos", "Från", "Fra", "Til", "Firmy",
        "Firma", "Spółka", "Společnost", "Cég", "Şirket",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// Ordinary capitalised words that do not name a company by themselves before an industry or institution word ("Global
    /// Solutions", "Your Bank", "Customer Service Group", "Travel Insurance", "Student Union"). A legal form after them
    /// still makes a company ("Global Solutions Ltd"), except for the forms that are also ordinary words (<see cref="AmbiguousSuffixes"/>).
    /// </summary>
    public static readonly FrozenSet<string> Generic = new[]
    {
        "Global", "International", "National", "General", "United", "American", "European", "British", "First", "New", "Advanced", "Digital", "Smart",
        "Customer", "Service", "Services", "Support", "Tech", "Data", "Business", "Financial", "Finance", "Health", "Healthcare", "Medical", "Public",
        "Private", "Central", "Royal", "State", "City", "Community", "Local", "Main", "Best", "Total", "Premier", "Prime", "Direct", "Online", "Mobile",
        "Travel", "Car", "Auto", "Home", "Life", "Pet", "Energy", "Power", "Water", "Food", "Web", "Cloud", "Investment", "Asset", "Wealth", "Management",
        "Risk", "Credit", "Debit", "Card", "Cards", "Savings", "Student", "Students", "University", "College", "School", "Research", "Science",
        "Sciences", "Technical", "Security", "Social", "Venture", "Hedge", "Index", "Pension", "Mutual", "Emergency", "Children's", "Children", "Family",
        "Regional", "Municipal", "County", "Federal", "Government", "Civil", "Free", "Open", "Great", "Big", "Small", "Little", "Good", "Better",
        "Express", "Standard", "Premium", "Modern", "Creative", "Innovative", "Integrated", "Strategic", "Professional", "Quality", "Green", "Blue",
        "Red", "Black", "White", "Gold", "Silver", "Golden", "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Atlantic",
        "Pacific", "World", "Worldwide", "Universal", "Allied", "Consolidated", "Integrated", "Independent", "Interactive", "Marketing", "Sales",
        "Software", "Hardware", "Network", "Internet", "Information", "Computer", "Computing", "Systems", "Solutions", "Media", "Music", "Film", "Art",
        "Arts", "Design", "Fashion", "Sports", "Sport", "Fitness", "Dental", "Eye", "Animal", "Veterinary", "Legal", "Law", "Tax", "Accounting",
        "Real", "Estate", "Property", "Housing", "Building", "Construction", "Transport", "Freight", "Shipping", "Logistics", "Air", "Sea", "Ocean",
        "Express", "Parcel", "Post", "Postal", "Mail", "Telecom", "Phone", "Wireless", "Cable", "Satellite", "Television", "TV", "Radio", "News",
        "Press", "Publishing", "Book", "Books", "Education", "Educational", "Learning", "Training", "Language", "Languages", "Medicine", "Nursing",
        "Care", "Pharmacy", "Drug", "Clinical", "Hospital", "Mental", "Children's", "Women's", "Men's", "Veterans", "Military", "Police", "Fire",
        "Safety", "Defense", "Defence", "Space", "Aerospace", "Industrial", "Manufacturing", "Chemical", "Chemicals", "Oil", "Gas", "Mining",
        "Steel", "Metal", "Metals", "Paper", "Plastics", "Textile", "Farm", "Farming", "Agricultural", "Agriculture", "Organic", "Natural", "Fresh",
        "Coffee", "Tea", "Wine", "Beer", "Pizza", "Burger", "Restaurant", "Hotel", "Hotels", "Resort", "Holiday", "Holidays", "Vacation", "Tour",
        "Tours", "Event", "Events", "Party", "Wedding", "Beauty", "Hair", "Nail", "Spa", "Cleaning", "Repair", "Maintenance", "Storage", "Parking",
        "Rental", "Rentals", "Lending", "Loan", "Loans", "Mortgage", "Mortgages", "Payment", "Payments", "Pay", "Money", "Cash", "Exchange",
        "Trading", "Trade", "Commerce", "Commercial", "Retail", "Wholesale", "Supply", "Supplies", "Equipment", "Tools", "Parts", "Products",
        "Product", "Brand", "Brands", "Partners", "Group", "Holdings", "Capital", "Trust", "Fund", "Union", "Council", "Agency", "Authority",
        "Association", "Society", "Foundation", "Institute", "Academy", "Library", "Museum", "Clinic", "Bank", "Insurance", "Assurance", "Life",
        "Chat", "Team", "Teams", "Staff", "Office", "Desk", "Help", "Helpdesk", "Account", "Accounts", "Billing", "Claims", "Claim", "Complaints",
        "Fraud", "Dispute", "Disputes", "Refund", "Refunds", "Transfer", "Transfers", "Wire", "International", "Domestic", "Foreign", "Overseas",
        "Personal", "Corporate", "Retail", "Small", "Medium", "Large", "Joint", "Limited", "Special", "Annual", "Monthly", "Weekly", "Daily",
        "Student", "Graduate", "Postgraduate", "Undergraduate", "High", "Middle", "Primary", "Secondary", "Elementary", "Junior", "Senior", "Grammar",
        "Sunday", "Summer", "Winter", "Spring", "Autumn", "Fall", "Christmas", "Easter", "Type", "Blood", "Test", "Demo", "Sample", "Example", "Acme",
        "Dummy", "Fake", "Virtual", "Crypto", "Bitcoin", "Blockchain", "Mobile", "App", "Apps", "Game", "Games", "Gaming", "Video", "Audio", "Photo",
        "Digital", "Cyber", "Quantum", "Bio", "Eco", "Solar", "Wind", "Nuclear", "Electric", "Electrical", "Electronics", "Electronic", "Auto",
        "Automotive", "Motor", "Motors", "Cars", "Truck", "Trucks", "Bus", "Rail", "Railway", "Railways", "Airline", "Airport", "Port", "Harbour",
        "Harbor", "Marine", "Maritime", "Naval", "Union", "Workers", "Teachers", "Nurses", "Doctors", "Farmers", "Employees", "Members", "Member",
        "Senate", "Parliament", "Congress", "Supreme", "Court", "Courts", "Justice", "Human", "Rights", "Civil", "Peace", "Freedom", "Liberty",
        "Democratic", "Republican", "Labour", "Labor", "Conservative", "Liberal", "Green", "People's", "Peoples", "Popular", "Socialist",
        "Allgemeine", "Deutsche", "Deutscher", "Neue", "Freie", "Technische", "Medizinische", "Evangelisches", "Katholisches", "Städtisches",
        "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Highest", "Vote", "Kitchen",
        "Senior", "Junior", "Lead", "Chief", "Principal", "Internal", "External", "Dynamic", "Legacy", "District", "Investor", "Product", "Future",
        "Forward", "Corporate", "Head", "Deputy", "Assistant", "Associate", "Executive", "Regional", "Area", "Division", "Department",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words before a name that mark it as an employer, client or supplier, for the name shapes without a legal form.</summary>
    public static readonly FrozenSet<string> CueWords = new[]
    {
        "company", "firm", "employer", "client", "vendor", "supplier", "contractor", "subcontractor", "subsidiary", "partner", "agency", "insurer",
        "lender", "broker", "consultancy", "startup", "corporation", "brand", "retailer", "manufacturer", "distributor", "carrier", "shipper",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Verbs that, right before "at", "for" or "by", mark the name after as an employer ("works at", "employed by").</summary>
    public static readonly FrozenSet<string> CueVerbs = new[]
    {
        "work", "works", "worked", "working", "employed", "job", "intern", "interned", "joined", "join", "joining", "hired", "acquired", "founded",
        "contracted", "invoiced", "billed",
    }.ToFrozenSet(StringComparer.Ordinal);
}
