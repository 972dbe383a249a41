using System.Globalization;
using T = SpecialistPlatform.Compliance.Detection.PersonalDataTypes;

namespace SpecialistPlatform.Compliance.Detection.Tagging;

/// <summary>
/// Generator version 7: names, places and companies where enterprise text puts them (e-mail headers and forwarded
/// blocks, signatures under a job title, attendee and distribution lists, CSV/TSV, JSON, XML and log records,
/// airline and all-caps forms, obituaries, press releases, bios, HR and legal prose, chat), and capitalised words
/// that are no entity in the same layouts (job titles, departments, products, projects, teams, agenda headings,
/// weekdays, months, acronyms). Every frame and word list here was written for this generator from general knowledge
/// of these layouts; none comes from an evaluation set.
/// </summary>
public sealed partial class EntityTrainingGenerator
{
    /// <summary>
    /// Share of frames drawn from <see cref="EnterpriseFrames"/> rather than <see cref="Frames"/>. The training count is
    /// fixed by the recipe, so a larger share thins out the older frames (letters, addresses, chat) that the
    /// hand-written sets also hold.
    /// </summary>
    private const double EnterpriseShare = 0.25;

    /// <summary>Job titles as signatures, bios and org charts write them: capitalised, next to a name, and never one.</summary>
    private static readonly string[] JobTitles =
    [
        "Head of Procurement", "Senior Associate", "Associate", "Partner", "Managing Partner", "Chief Executive Officer", "Chief Financial Officer",
        "Chief Operating Officer", "CEO", "CFO", "CTO", "COO", "VP, Sales", "VP Engineering", "Vice President, Marketing", "Director of Operations",
        "Finance Director", "HR Business Partner", "Head of People", "Legal Counsel", "General Counsel", "Senior Legal Counsel", "Paralegal",
        "Account Manager", "Key Account Manager", "Customer Success Manager", "Operations Manager", "Office Manager", "Executive Assistant",
        "Project Manager", "Senior Project Manager", "Programme Director", "Product Owner", "Scrum Master", "Software Engineer", "Data Analyst",
        "Senior Consultant", "Principal Consultant", "Team Lead", "Payroll Specialist", "Compliance Officer", "Data Protection Officer",
        "Procurement Lead", "Buyer", "Sales Representative", "Regional Manager", "Branch Manager", "Store Manager", "Clinical Lead", "Ward Sister",
        "Consultant Cardiologist", "Practice Manager", "Head of IT", "IT Support Analyst", "Facilities Coordinator", "Recruitment Coordinator",
    ];

    /// <summary>Departments and functions: capitalised, often in parentheses after a name, and never a name.</summary>
    private static readonly string[] Departments =
    [
        "Finance", "Legal", "HR", "Human Resources", "Procurement", "Sales", "Marketing", "Operations", "IT", "Engineering", "Compliance",
        "Customer Success", "Customer Service", "Facilities", "Payroll", "Accounts Payable", "Accounts Receivable", "Risk", "Internal Audit",
        "Treasury", "Product", "Research", "Logistics", "Security", "Board", "Executive Office", "Quality Assurance", "Support",
    ];

    /// <summary>Products, tools and brands in product contexts ("open it in Excel"): capitalised, not a company here.</summary>
    private static readonly string[] Products =
    [
        "Excel", "Outlook", "SharePoint", "Teams", "Slack", "Jira", "Confluence", "Zoom", "OneDrive", "PowerPoint", "Word", "Dropbox",
        "iPhone", "iPad", "MacBook", "Kindle", "Chromebook", "Windows", "Android", "Gmail", "WhatsApp", "Trello", "Tableau", "Power BI",
    ];

    /// <summary>Project, team and code names: capitalised words that are often names or places elsewhere.</summary>
    private static readonly string[] CodeNames =
    [
        "Phoenix", "Falcon", "Atlas", "Orion", "Apollo", "Mercury", "Titan", "Nova", "Horizon", "Aurora", "Zephyr", "Everest", "Kestrel",
        "Polaris", "Neptune", "Voyager", "Odyssey", "Summit", "Catalyst", "Bluebird", "Redwood", "Lighthouse", "Evergreen", "Pegasus",
    ];

    /// <summary>E-mail subjects, headings and agenda items that are capitalised and hold no entity.</summary>
    private static readonly string[] Subjects =
    [
        "Q3 Budget Review", "Quarterly Business Review", "Contract Renewal", "Action Items", "Weekly Status Update", "Draft Minutes",
        "Invoice Query", "Purchase Order Approval", "Onboarding Checklist", "Performance Review", "Offboarding", "Annual Leave Request",
        "Board Pack", "Risk Register", "Steering Committee", "Town Hall", "All Hands", "Kick-off Meeting", "Lessons Learned", "Sprint Planning",
        "Data Subject Access Request", "Incident Report", "Change Request", "Expense Claim", "Year End Close", "Holiday Rota", "Any Other Business",
        "Welcome and Introductions", "Budget Forecast", "Health and Safety", "Vendor Assessment", "Go-Live Readiness", "Security Awareness Training",
    ];

    /// <summary>Acronyms of business prose: capitalised, short, never an entity.</summary>
    private static readonly string[] BusinessAcronyms =
        ["KPI", "SLA", "EOD", "COB", "FYI", "ASAP", "OKR", "RFP", "NDA", "QBR", "P&L", "YoY", "CAPEX", "OPEX", "ETA", "TBC", "TBD", "AOB", "HR", "PO", "SOW", "MSA", "GDPR", "DPIA", "RACI"];

    /// <summary>First names that are also words, places or brands (Grace, Hope, Chase, Jordan, Florence, Paris), only in clear person contexts.</summary>
    private static readonly string[] WordFirstNames =
    [
        "Grace", "Hope", "Faith", "Joy", "Chase", "Jordan", "Florence", "Paris", "Sydney", "Austin", "Dallas", "Georgia", "Victoria", "Rose",
        "Summer", "Dawn", "April", "Amber", "Ruby", "Pearl", "Iris", "Ivy", "Hunter", "Mason", "Autumn", "Crystal", "Heather", "Holly", "Jade",
        "Lincoln", "Madison", "Charlotte", "Adelaide", "Regina", "Beverly", "Chester",
    ];

    /// <summary>Surnames that are also words (Baker, King, Young, Price), only in clear person contexts.</summary>
    private static readonly string[] WordSurnames =
    [
        "Baker", "Cook", "Smith", "Fisher", "Young", "King", "Bishop", "Price", "Frost", "Winter", "Bell", "Hall", "Hill", "Brook", "Field",
        "Wood", "Stone", "Marsh", "Lake", "Banks", "Chase", "Rose", "Sharp", "Strong", "Wise", "Green", "Brown", "White", "Black", "Mason",
        "Carter", "Cooper", "Turner", "Walker", "Page",
    ];

    /// <summary>
    /// Towns, states and countries that <see cref="WordFirstNames"/> also holds: shown as places in place contexts as
    /// often as they are shown as first names, so that the word alone decides neither ("15 George Street, Sydney").
    /// </summary>
    private static readonly string[] NamePlaces =
        ["Sydney", "Paris", "Florence", "Jordan", "Georgia", "Victoria", "Austin", "Dallas", "Lincoln", "Madison", "Chester", "Orlando", "Adelaide", "Charlotte", "Regina", "Beverly"];

    /// <summary>Words that start sentences in requests and chat, capitalised there and never a name.</summary>
    private static readonly string[] SentenceStarts =
    [
        "Even though", "Will you tell me why", "Mine is broken and", "May I ask why", "Hope you are well,", "Grace period question:", "Also,", "Still",
        "Yikes!", "Disaster,", "Apparently", "Honestly,", "Cheers, but", "Bill payment:", "Mark this as urgent:", "Just checking:", "Since yesterday",
        "Ok so", "Please advise:", "Quick one:", "Urgent:", "Update:", "Reminder:", "Heads up:", "Sorry,", "Help!", "Weird,", "Ive noticed",
    ];

    /// <summary>Currencies named by a nationality or country adjective: NRP at most, never a place, in a request about money.</summary>
    private static readonly string[] CurrencyNames =
    [
        "Russian rubles", "Russian Ruble", "British pounds", "UK pounds", "Swiss francs", "Japanese yen", "Canadian dollars", "Australian dollars",
        "US dollars", "Mexican pesos", "Indian rupees", "Polish zloty", "Swedish krona", "Norwegian kroner", "Danish kroner", "Chinese yuan",
        "Turkish lira", "Brazilian real", "South African rand", "Hong Kong dollars", "euros", "Czech koruna", "Hungarian forint",
    ];

    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] Months =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Relatives = ["daughters", "sons", "grandchildren", "sisters", "brothers", "nieces"];

    private static string Date(Builder b) =>
        $"{b.Pick(Weekdays)}, {b.N(1, 28)} {b.Pick(Months)} {b.N(2019, 2026)}";

    private static string Email(Builder b) =>
        b.F.Internet.Email(b.F.Name.FirstName(), b.F.Name.LastName());

    /// <summary>A person for an e-mail header: "Name &lt;address&gt;", "Last, First &lt;address&gt;", or the name alone.</summary>
    private static Builder HeaderPerson(Builder b)
    {
        // Mail from a company ("From: Acme Billing <no-reply@...>") as well as from people, so that "From:" alone does not make a name.
        if (b.N(0, 4) == 0)
            return b.Org().Text(b.Pick("", " " + b.Pick("Billing", "Support", "Accounts", "Notifications", "Team"))).Text(" <").Text(b.Pick("no-reply@", "billing@", "info@", "support@"))
                .Text(b.F.Internet.DomainName()).Text(">");
        var quoted = b.N(0, 9) == 0;
        if (quoted)
            b.Text("\"");
        b.Person();
        if (quoted)
            b.Text("\"");
        return b.N(0, 3) == 0 ? b : b.Text(" <").Text(Email(b)).Text(">");
    }

    /// <summary>Two to four people joined by one list separator, each now and then followed by "(Department)" or "(Company)".</summary>
    private static Builder NameList(Builder b, int min = 2, int max = 4)
    {
        var separator = b.Pick(", ", "; ", ", ", " / ", "; ");
        var count = b.N(min, max);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                b.Text(i == count - 1 && separator == ", " && b.N(0, 1) == 0 ? " and " : separator);
            switch (b.N(0, 9))
            {
                case 0:
                case 1:
                    b.FirstName();
                    break;
                case 2:
                    b.Person().Text(" (").Text(b.Pick(Departments)).Text(")");
                    break;
                case 3:
                    b.Person().Text(" (").Org().Text(")");
                    break;
                case 4:
                    b.Title().Surname();
                    break;
                default:
                    b.Person();
                    break;
            }
        }
        return b;
    }

    /// <summary>A first name that is also a word or a place ("Grace", "Jordan"), a made-up or listed one otherwise.</summary>
    private static Builder AnyFirstName(Builder b) =>
        b.N(0, 4) == 0 ? b.Add(T.Person, b.Pick(WordFirstNames)) : b.FirstName();

    private static Builder AnySurname(Builder b) =>
        b.N(0, 3) == 0 ? b.Add(T.Person, b.Pick(WordSurnames)) : b.Surname();

    /// <summary>A first name, and one time in three a surname after it, lower-cased as chat and SMS write them.</summary>
    private static Builder LowerName(Builder b)
    {
        var name = b.FirstNameText() + (b.N(0, 2) == 0 ? " " + b.LastNameText() : "");
        return b.Add(T.Person, name.ToLowerInvariant());
    }

    private static readonly Frame[] EnterpriseFrames =
    [
        // E-mail headers, forwarded and quoted blocks.
        b => MailHeader(b),
        b => b.Text(b.Pick("---------- Forwarded message ---------\n", "-----Original Message-----\n", "Begin forwarded message:\n\n")).Text("From: ").Apply(x => HeaderPerson(x))
            .Text($"\nDate: {Date(b)}\nSubject: {b.Pick(Subjects)}\nTo: ").Apply(x => HeaderPerson(x)).Text("\n\n").Text(b.Utterance()),
        b => b.Text($"On {Date(b)} at {b.N(7, 18)}:{b.N(10, 59)}, ").Person().Text(b.Pick(" <" + Email(b) + ">", "")).Text(" wrote:\n> ").Text(b.Utterance()),
        b => b.Text(b.Pick("Sent on behalf of ", "Sent by ", "On behalf of ", "Message sent on behalf of ")).Person().Text(b.Pick("", ", " + b.Pick(JobTitles))).Text(b.Pick(".", "\n", " by ")).Apply(x => x.LastEndsWith(" by ") ? x.Person().Text(".") : x),
        b => b.Text(b.Pick("To: ", "Cc: ", "CC: ", "Bcc: ", "To:\t")).Apply(x => NameList(x, 2, 5)).Text(b.Pick("", "\n" + "Subject: " + b.Pick(Subjects))),
        // Signatures: name, then a job title and often a department, then the company; the title and department are O.
        b => b.Text(b.Pick("Kind regards,\n", "Best regards,\n", "Many thanks,\n", "Regards\n", "Thanks,\n\n", "Best wishes,\n")).Person().Text("\n").Text(b.Pick(JobTitles))
            .Text(b.Maybe((b.N(0, 1) == 0 ? ", " : "\n") + b.Pick(Departments), 0.4)).Text("\n").Org().Text(b.Maybe("\n", 0.3)).Apply(x => x.LastEndsWith("\n") ? x.Street().Text(", ").City() : x)
            .Text(b.Maybe("\n" + b.F.Phone.PhoneNumber(), 0.5))
            .Text(b.Maybe("\n" + Email(b), 0.3)),
        b => b.Person().Text(b.Pick(" | ", " – ", ", ")).Text(b.Pick(JobTitles)).Text(b.Pick(" | ", " – ", ", ", " at ")).Org().Text(b.Maybe(" | " + b.F.Phone.PhoneNumber(), 0.4)),
        // Meeting notes: attendees, apologies, chair, actions.
        b => b.Text(b.Pick("Attendees: ", "Present: ", "Participants: ", "In attendance: ")).Apply(x => NameList(x, 2, 5))
            .Text(b.Pick("\n", "; ", ". ")).Text(b.Pick("Apologies: ", "Absent: ", "Regrets: ")).Apply(x => NameList(x, 1, 2))
            .Text(b.Maybe("\nChair: ", 0.5)).Apply(x => x.LastEndsWith("Chair: ") ? x.Person() : x).Text(b.Maybe("\nMinutes: ", 0.3)).Apply(x => x.LastEndsWith("Minutes: ") ? AnyFirstName(x) : x),
        b => b.Text(b.Pick("ACTION: ", "Action: ", "AP: ", "- [ ] ", "TODO ")).Apply(x => b.N(0, 1) == 0 ? AnyFirstName(x) : x.Person()).Text(b.Pick(" to send the ", " to review the ", " to circulate the ", " to update the "))
            .Text(b.Pick(Subjects)).Text(b.Pick(" by ", " before ")).Text(b.Pick(Weekdays.Concat(["EOD", "COB", "next week"]).ToArray())).Text("."),
        b => b.Text(b.Pick("Owner: ", "Assignee: ", "Reviewer: ", "Approver: ", "Requested by: ")).Apply(x => NameList(x, 1, 2)).Text("\n")
            .Text(b.Pick("Status: ", "Priority: ", "Project: ", "Team: ")).Text(b.Pick("In Progress", "Blocked", "Done", "High", "Low", "Project " + b.Pick(CodeNames), "Team " + b.Pick(CodeNames), b.Pick(Departments))),
        b => b.Text(b.Pick("Distribution: ", "Distribution list: ", "Circulation: ")).Apply(x => { x.Person().Text(" (").Text(x.Pick(Departments)).Text(")"); return x; })
            .Text("; ").Person().Text(" (").Text(b.Pick(Departments)).Text(")").Text(b.Maybe("; ")).Apply(x => x.LastEndsWith("; ") ? x.Person().Text(" (").Text(x.Pick(Departments)).Text(")") : x),
        // Records: CSV/TSV with a header, JSON, XML, logs.
        b => CsvRows(b),
        b => b.Text("{\"").Text(b.Pick("name", "fullName", "customer_name", "contact")).Text("\": \"").Person().Text("\", \"").Text(b.Pick("city", "location", "town")).Text("\": \"").City()
            .Text("\", \"").Text(b.Pick("company", "employer", "organization")).Text("\": \"").Org().Text("\", \"").Text(b.Pick("role", "title", "department")).Text("\": \"")
            .Text(b.Pick(b.Pick(JobTitles), b.Pick(Departments))).Text("\"").Text(b.Maybe(", \"id\": " + b.Digits(6))).Text("}"),
        b => b.Text("{\"firstName\": \"").FirstName().Text("\", \"lastName\": \"").Surname().Text("\", \"address\": {\"street\": \"").Street().Text("\", \"city\": \"").City()
            .Text("\", \"country\": \"").Country(1).Text("\"}, \"status\": \"").Text(b.Pick("active", "Active", "PENDING", "Closed")).Text("\"}"),
        b => b.Text(b.Pick("<customer>", "<contact>", "<Employee>", "<record>")).Text("<name>").Person().Text("</name>").Text("<city>").City().Text("</city>")
            .Text(b.Pick("<company>", "<employer>")).Org().Text(b.Pick("</company>", "</employer>")).Text($"<department>{b.Pick(Departments)}</department>"),
        b => b.Text($"{b.N(2019, 2026)}-{b.N(1, 12):00}-{b.N(1, 28):00}T{b.N(0, 23):00}:{b.N(0, 59):00}:{b.N(0, 59):00}Z {b.Pick("INFO", "WARN", "ERROR", "DEBUG", "AUDIT")} ")
            .Text(b.Pick("user=", "uid=", "actor=")).Text(b.Handle().ToLowerInvariant()).Text($" action={b.Pick("login", "export", "delete", "update", "approve")} ")
            .Text(b.Pick("name=\"", "display_name=\"", "approved_by=\"", "owner=\"")).Person().Text("\"").Text(b.Maybe(" city=")).Apply(x => x.LastEndsWith("city=") ? x.City() : x),
        // Airline and all-caps forms.
        b => b.Text(b.Pick("PASSENGER: ", "NAME: ", "Passenger ", "")).Add(T.Person, $"{b.LastNameText()}/{b.FirstNameText()}".ToUpperInvariant())
            .Text(b.Pick(" MR", " MRS", " MS", " MISS", " DR", " MSTR", "")).Text(b.Pick("  SEAT ", " - SEAT ", " ")).Text($"{b.N(1, 45)}{b.Pick("A", "C", "D", "F", "K")}")
            .Text(b.Pick($"  {b.Pick("FROM ", "")}", " ")).Apply(x => x.Add(T.Location, x.F.Address.City().ToUpperInvariant())).Text(b.Pick(" TO ", " - ", " / ")).Apply(x => x.Add(T.Location, x.F.Address.City().ToUpperInvariant())),
        b => b.Text(b.Pick("SURNAME: ", "LAST NAME: ", "FAMILY NAME: ")).Add(T.Person, b.LastNameText().ToUpperInvariant()).Text(b.Pick("\nFORENAME(S): ", "\nFIRST NAME: ", "\nGIVEN NAMES: "))
            .Add(T.Person, b.FirstNameText().ToUpperInvariant()).Text(b.Pick("\nTOWN: ", "\nCITY: ", "\nPLACE OF BIRTH: ")).Apply(x => x.Add(T.Location, x.F.Address.City().ToUpperInvariant()))
            .Text($"\nDATE: {b.N(1, 28):00}/{b.N(1, 12):00}/{b.N(1950, 2005)}\nSIGNATURE: ______"),
        // News, obituaries, press releases, bios, sports.
        b => b.Person().Text($", {b.N(24, 97)}, of ").City().Text(b.Pick(", died ", ", passed away ", ", was killed ", ", was injured ", ", was arrested "))
            .Text(b.Pick($"on {b.Pick(Weekdays)}.", "peacefully at home.", $"in {b.Pick(Months)}.", "after a short illness.", "in a crash near ")).Apply(x => x.LastEndsWith(" near ") ? x.City().Text(".") : x),
        b => b.Text(b.Pick("She is survived by her ", "He is survived by his ", "They leave their ")).Text(b.Pick(Relatives)).Text(" ").Apply(x => AnyFirstName(x)).Text(" and ").Apply(x => AnyFirstName(x))
            .Text(b.Pick(", and ", ". A service will be held at ", ".")).Apply(x => x.LastEndsWith(", and ") ? x.Text(x.Pick("her husband ", "his wife ", "a sister, ")).Person().Text(".")
                : x.LastEndsWith(" held at ") ? x.Add(T.Location, $"St {x.Pick("Mary", "John", "Peter", "Andrew", "Michael")}'s Church").Text(", ").City().Text(".") : x),
        b => b.Text($"\"{b.Utterance().TrimEnd('.', '?', '!')},\" said ").Person().Text(", ").Text(b.Pick(JobTitles)).Text(b.Pick(" of ", " at ")).Org().Text("."),
        b => b.Org().Text(b.Pick(" today announced the appointment of ", " has named ", " has appointed ")).Person().Text(b.Pick(" as ", " to the role of ")).Text(b.Pick(JobTitles))
            .Text(b.Pick(", effective immediately.", $". {b.Pick("She", "He")} joins from ", ".")).Apply(x => x.LastEndsWith(" joins from ") ? x.Org().Text(".") : x),
        b => b.Person().Text(b.Pick(" joined ", " joined the firm ")).Org().Text($" in {b.N(2005, 2025)} after {b.Pick("ten", "six", "three", "twelve", "eight")} years at ").Org()
            .Text(b.Pick(".", " in ")).Apply(x => x.LastEndsWith(" in ") ? x.City().Text(".") : x)
            .Text(b.Maybe($" {b.Pick("She", "He")} holds a degree from the University of ")).Apply(x => x.LastEndsWith("University of ") ? x.City().Text(".") : x),
        b => b.Person().Text(" (").Country(1).Text(b.Pick(") won the ", ") took gold in the ", ") finished second in the ")).Text(b.Pick("men's 400m", "women's 1500m", "marathon", "time trial", "final"))
            .Text($" in {b.N(1, 59)}:{b.N(10, 59)}, ahead of ").Person().Text(" (").Country(1).Text(")."),
        b => AnySurname(b).Text(b.Pick(" scored twice", " opened the scoring", " was sent off", " equalised")).Text($" in the {b.N(2, 90)}th minute, and ").Person()
            .Text(b.Pick(" added a third.", " saved a penalty.", " came off injured.")),
        // HR, legal, medical.
        b => b.Text(b.Pick("The claimant, ", "The respondent, ", "The applicant, ", "The defendant, ")).Text(b.Pick("Ms ", "Mr ", "Mrs ", "Dr ")).Apply(x => AnySurname(x))
            .Text(b.Pick(", alleges that her line manager, ", ", states that ", ", was employed by ")).Apply(x => x.LastEndsWith(" by ") ? x.Org().Text(b.Pick(" until ", " from ")).Text($"{b.Pick(Months)} {b.N(2010, 2024)}.") : x.Person().Text(b.Pick(", ignored the complaint.", " was present.", ", dismissed her."))),
        b => b.Text(b.Pick("Employee ", "Patient ", "Tenant ", "Candidate ", "Member ")).Apply(x => AnySurname(x)).Text(b.Pick(" was issued a written warning", " was placed on leave", " was referred", " missed the appointment"))
            .Text($" on {b.N(1, 28)} {b.Pick(Months)}. ").Surname().Text(b.Pick("'s manager, ", "'s supervisor, ", "'s GP, Dr ")).Apply(x => x.LastEndsWith("Dr ") ? x.Surname() : x.Person()).Text(b.Pick(", was informed.", ", agreed.", ", has been notified.")),
        b => b.Text(b.Pick("I spoke with ", "Spoke to ", "Assigned to ", "Escalated to ", "cc'd ", "Forwarded to ", "As discussed with ", "Handed over to ", "Per ", "Looping in ",
            "Still waiting to hear from ", "Got a reply from ", "Message from ", "Approval pending from ", "Feedback came from "))
            .Apply(x => x.N(0, 2) switch { 0 => AnyFirstName(x), 1 => x.Person(), _ => x.Title().Surname() }).Text(b.Pick(" in ", " (", " from ", "'s team", "'s email", "")).Apply(x =>
                x.LastEndsWith(" in ") ? x.Text(x.Pick(Departments)).Text(".") : x.LastEndsWith(" (") ? x.Text(x.Pick(Departments)).Text(").") : x.LastEndsWith(" from ") ? x.Org().Text(".") : x.Text(".")),
        b => b.Text(b.Pick("The contract owner (", "The approver (", "Your account manager (", "The data controller (")).Person().Text(b.Pick(") has approved the change.", ") will contact you.", ") signed off on ")).Text(b.Pick(Weekdays)).Text("."),
        b => b.Text(b.Pick("Referred by Dr ", "Seen by Dr ", "Reviewed by Nurse ", "Discharged by Dr ")).Surname().Text(b.Pick(" at ", " in ", " to ")).Text(b.Pick("Cardiology", "A&E", "Oncology", "the Outpatient Clinic", "Radiology"))
            .Text(b.Pick(". ", ", ")).Text(b.Pick("Next of kin: ", "Emergency contact: ", "GP: Dr ")).Apply(x => x.LastEndsWith("Dr ") ? x.Surname() : x.Person().Text(x.Pick(" (daughter)", " (husband)", " (wife)", ""))),
        // Chat and SMS: first names and surnames alone, lower-cased names, names that are also words.
        b => b.Text(b.Pick("I think ", "Apparently ", "Did you know ", "Not sure if ", "Turns out ")).Apply(x => AnyFirstName(x)).Text(b.Pick(" already sent it", " is off on ", " moved to ", " has the keys"))
            .Apply(x => x.LastEndsWith(" on ") ? x.Text(x.Pick(Weekdays)) : x.LastEndsWith(" to ") ? x.City() : x).Text(b.Pick(".", "?", " 🙂", "")),
        b => b.Text(b.Pick("ask ", "check with ", "ping ", "tell ", "thanks ")).Apply(x => LowerName(x)).Text(b.Pick(" about the ", " re the ", ", the ")).Text(b.Pick(Products)).Text(b.Pick(" login", " file", " invite", " thing")),
        b => b.Text($"[{b.N(8, 18):00}:{b.N(0, 59):00}] ").Apply(x => LowerName(x)).Text(": ").Text(b.Pick("did ", "has ", "can ")).Apply(x => x.N(0, 1) == 0 ? AnyFirstName(x) : LowerName(x))
            .Text(b.Pick(" sign the NDA?", " seen the Jira ticket?", " call back", " send the deck for Monday?")),
        b => b.Text(b.Pick("Hi ", "Hello ", "Thanks ", "Morning ", "Dear ")).Apply(x => AnyFirstName(x)).Text(b.Pick(",\n", ", ", " -\n")).Text(b.Utterance()).Text(b.Pick("\n", " ")).Text(b.Pick("Thanks, ", "Best, ", "Cheers, ", "- ")).Apply(x => AnyFirstName(x)),
        b => b.Apply(x => AnyFirstName(x)).Text(" ").Apply(x => AnySurname(x)).Text(b.Pick(" joined the ", " leads the ", " moved from the ")).Text(b.Pick(Departments)).Text(b.Pick(" team in ", " team last ")).Text(b.Pick(Months)).Text("."),
        // Departments and people in one roster.
        b => b.Apply(x => { var lines = x.N(2, 4); for (var i = 0; i < lines; i++) { if (i > 0) x.Text("\n"); x.Text(x.Pick(Departments)).Text(x.Pick(": ", " - ", "\t")).Person().Text(x.Maybe(", " + x.Pick(JobTitles), 0.4)); } return x; }),
        // Places that are also first names, in place contexts; addresses with a town, a state code and a postcode after the street.
        b => b.Text(b.Pick("Our office in ", "The conference in ", "I flew from ", "Relocating to ", "Branch: ", "Venue: ", "Based in ")).Add(T.Location, b.Pick(NamePlaces))
            .Text(b.Pick(" is closed on ", " starts on ", " to ", ", ", " and ")).Apply(x => x.LastEndsWith(" on ") ? x.Text(x.Pick(Weekdays)).Text(".")
                : x.N(0, 1) == 0 ? x.Add(T.Location, x.Pick(NamePlaces)).Text(".") : x.City().Text(".")),
        b => b.Apply(x => x.N(0, 1) == 0 ? x.Person() : x.Org()).Text(b.Pick(", ", "\n")).Street().Text(", ").Apply(x => x.N(0, 3) == 0 ? x.Add(T.Location, x.Pick(NamePlaces)) : x.City())
            .Text(b.Pick(", ", " ")).Text(b.Pick(b.F.Address.StateAbbr(), b.Pick("NSW", "VIC", "QLD", "OH", "TX", "GA", "ON", "BC"), "")).Text(" ").Text(b.F.Address.ZipCode()),
        b => b.Text(b.Pick("Our ", "The ")).City().Text(b.Pick(" office has moved to ", " team now sits at ", " warehouse is at ")).Street().Text(b.Pick(".", ", next to the ", " - parking behind the building."))
            .Apply(x => x.LastEndsWith("next to the ") ? x.Org().Text(" building.") : x),
        b => b.Text(b.Pick("Supplier: ", "Vendor: ", "Remit to: ", "Payee: ")).Org().Text(b.Pick("\n", ", ")).Street().Text(", ").City().Text(b.Pick("\nAttn: ", "\nContact: ", "\nSold to: ")).Person(),
        // Negatives: capitalised non-names in the same layouts.
        b => b.Text(b.Pick("The ", "Our ", "Your ", "Ask the ", "Contact the ")).Text(b.Pick(JobTitles)).Text(b.Pick(" approved the ", " will review the ", " owns the ", " signed off the "))
            .Text(b.Pick(Subjects)).Text(b.Pick(" on ", " before ", " by ")).Text(b.Pick(Weekdays)).Text(b.Pick(".", ", copying " + b.Pick(Departments) + ".")),
        b => b.Text(b.Pick("Please raise it with ", "Send invoices to ", "This sits with ", "Questions go to ")).Text(b.Pick(Departments)).Text(b.Pick(" or ", " and ", ", not ")).Text(b.Pick(Departments))
            .Text(b.Pick(".", " via " + b.Pick(Products) + ".", " (" + b.Pick(BusinessAcronyms) + ").")),
        b => b.Text(b.Pick("Project ", "Team ", "Operation ", "Programme ")).Text(b.Pick(CodeNames)).Text(b.Pick(" kick-off is on ", " go-live moved to ", " demo is on ", " stand-up starts ")).Text(b.Pick(Weekdays))
            .Text(b.Pick(" in Meeting Room " + b.N(1, 12), " on " + b.Pick(Products), ", see the " + b.Pick(Products) + " page", ".")),
        b => b.Text(b.Pick("Agenda\n", "AGENDA\n", "Minutes\n", "Agenda:\n")).Apply(x => { var n = x.N(3, 5); for (var i = 1; i <= n; i++) x.Text($"{i}. {x.Pick(Subjects)}\n"); return x; })
            .Text(b.Pick("Next meeting: ", "Date: ")).Text($"{b.Pick(Weekdays)} {b.N(1, 28)} {b.Pick(Months)}"),
        b => b.Text(b.Pick("Open it in ", "Export it to ", "I shared it on ", "Upload the file to ", "My ", "The ")).Text(b.Pick(Products)).Text(b.Pick(" keeps crashing.", " link is broken.", " before the ", " by "))
            .Text(b.Pick(BusinessAcronyms)).Text(b.Pick(".", " please.", " deadline.")),
        b => b.Text(b.Pick("Menu: ", "Today's specials: ", "Lunch order: ")).Text(string.Join(", ", Enumerable.Range(0, b.N(2, 4)).Select(_ => b.Pick(
            "Caesar Salad", "Margherita Pizza", "Chicken Tikka Masala", "Eggs Benedict", "Beef Wellington", "Club Sandwich", "French Onion Soup", "Greek Salad", "Victoria Sponge",
            "Chocolate Fudge Cake", "Fish and Chips", "Pad Thai", "Earl Grey", "Americano", "Flat White")))).Text("."),
        // Capitalised sentence starts that are no name ("Even though", "Will you", "Mine is"), nationality adjectives before a currency.
        b => b.Text(b.Pick(SentenceStarts)).Text(" ").Text(b.LowerUtterance()),
        b => b.Text(b.Pick("I changed ", "Can I hold ", "Why was I charged for ", "Convert my ", "Do you support ")).Text(b.Pick(CurrencyNames))
            .Text(b.Pick(" into ", " and ", " or ")).Text(b.Pick(CurrencyNames)).Text(b.Pick("?", ".", " today.")),
        // Appointments and call-backs in the letter languages: capitalised nouns (German), weekdays, months, times and
        // phone numbers right after words, none of them a street or a name.
        b => b.Text(b.N(0, 5) switch
        {
            0 => $"{b.Pick("Wir bestätigen", "Bitte notieren Sie", "Wir verschieben")} {b.Pick("Ihren Termin", "die Besprechung", "Ihre Lieferung", "den Rückruf")} am {b.Pick("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag")}, {b.N(1, 28)}. {b.Pick("März", "Juni", "Oktober", "Mai")} um {b.N(8, 18)}:{b.Pick("00", "15", "30", "45")} Uhr.",
            1 => $"{b.Pick("Rufen Sie uns unter", "Erreichbar unter", "Bei Fragen unter")} {b.F.Phone.PhoneNumber()} {b.Pick("an.", "erreichbar.", "von Montag bis Freitag.")}",
            2 => $"{b.Pick("Votre rendez-vous est confirmé", "La livraison est prévue", "Rappelez-moi")} {b.Pick("le", "jeudi", "mardi")} {b.N(1, 28)} {b.Pick("juin", "mars", "octobre")} à {b.N(8, 18)}h{b.Pick("00", "30")}{b.Pick(".", $" au {b.F.Phone.PhoneNumber()}.")}",
            3 => $"{b.Pick("Su cita queda confirmada", "Llámame", "La entrega llegará")} el {b.Pick("lunes", "viernes", "")} {b.N(1, 28)} de {b.Pick("junio", "marzo", "octubre")} a las {b.N(8, 18)}:{b.Pick("00", "30")}{b.Pick(".", $", tel. {b.F.Phone.PhoneNumber()}.")}",
            4 => $"{b.Pick("Zadzwoń do mnie pod numer", "Proszę o kontakt pod numerem", "Bel me op", "Chiamami al")} {b.F.Phone.PhoneNumber()} {b.Pick("po 15:00.", "jutro.", "morgen.", "domani.", "")}",
            _ => $"{b.Pick("Uw afspraak staat op", "Il tuo appuntamento è")} {b.Pick("maandag", "vrijdag", "lunedì", "venerdì")} {b.N(1, 28)} {b.Pick("juni", "maart", "giugno", "marzo")} {b.Pick("om", "alle")} {b.N(8, 18)}:{b.Pick("00", "30")}.",
        }),
        // Sign-offs of a team rather than a person, in English and the languages of the letters: all O, so that a
        // sign-off followed by a capitalised line is not read as "Regards,\nName".
        b => b.Text(b.Pick(
            "Kind regards,\nThe Finance Team", "Best wishes,\nCustomer Success", "Thanks,\nIT Service Desk", "Regards,\nAccounts Payable",
            "Mit freundlichen Grüßen\nIhr Vertriebsteam", "Viele Grüße,\nDie Buchhaltung", "Bien à vous,\nL'équipe commerciale", "Cordialement,\nLe Service Comptabilité",
            "Un saludo,\nEquipo de Ventas", "Atentamente,\nAtención al Cliente", "Distinti saluti,\nIl Team Amministrazione", "Met vriendelijke groet,\nTeam Facturatie",
            "Z poważaniem,\nDział Obsługi Klienta", "S pozdravem,\nZákaznické oddělení", "С уважением,\nОтдел продаж", "С наилучшими пожеланиями, Команда поддержки",
            "З повагою,\nВідділ продажів", "Med vänliga hälsningar,\nEkonomiavdelningen")),
        b => b.Text(b.Pick(Months)).Text(b.Pick(" is busy. ", " works. ", " close is tight. ")).Text(b.Pick(Weekdays)).Text(b.Pick(" is out", " works for me", " is a bank holiday")).Text(b.Pick(", ", ". "))
            .Text(b.Pick("FYI", "TBC", "ETA " + b.Pick(Weekdays), "Per the SLA", "KPIs attached")).Text("."),
    ];

    /// <summary>From, an optional Sent line, To with one or two people, now and then Cc with a list, and a subject.</summary>
    private static Builder MailHeader(Builder b)
    {
        HeaderPerson(b.Text("From: "));
        b.Text(b.Maybe($"\nSent: {Date(b)} {b.N(7, 18)}:{b.N(10, 59)}", 0.6)).Text("\nTo: ");
        HeaderPerson(b);
        if (b.N(0, 1) == 0)
            HeaderPerson(b.Text("; "));
        if (b.N(0, 1) == 0)
            NameList(b.Text("\nCc: "), 1, 3);
        return b.Text("\nSubject: ").Text(b.Pick("", "RE: ", "Re: ", "FW: ", "Fwd: ")).Text(b.Pick(Subjects));
    }

    /// <summary>A header and two to four rows of comma- or tab-separated people, towns and companies; the department column stays O.</summary>
    private static Builder CsvRows(Builder b)
    {
        var tab = b.N(0, 2) == 0;
        var sep = tab ? "\t" : b.Pick(",", ";");
        var quoted = !tab && b.N(0, 3) == 0;
        b.Text(string.Join(sep, b.Pick("name", "Name", "NAME", "full_name", "Contact"), b.Pick("department", "Department", "team"), b.Pick("city", "City", "office", "Location"), b.Pick("company", "Company", "account")));
        var rows = b.N(2, 4);
        for (var i = 0; i < rows; i++)
        {
            b.Text("\n");
            if (quoted)
                b.Text("\"");
            b.Person();
            if (quoted)
                b.Text("\"");
            b.Text(sep).Text(b.Pick(Departments)).Text(sep).City().Text(sep).Org();
        }
        return b;
    }
}
