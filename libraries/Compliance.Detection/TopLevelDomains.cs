using System.Collections.Frozen;

namespace SpecialistPlatform.Compliance.Detection;

/// <summary>
/// A public-suffix-ish view of top-level domains: the delegated country codes and the generic TLDs people
/// actually write. Enough to tell "example.co.uk" from "report.final" without shipping the whole PSL.
/// </summary>
public static class TopLevelDomains
{
    public static readonly FrozenSet<string> Generic = FrozenSet.ToFrozenSet(
    [
        "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "mobi", "app", "dev", "io",
        "ai", "cloud", "online", "site", "tech", "store", "shop", "blog", "email", "xyz", "top", "club", "page",
        "agency", "company", "solutions", "services", "digital", "media", "network", "systems", "global", "world",
        "team", "work", "life", "live", "news", "health", "bank", "law", "legal", "finance", "money", "insurance",
        "london", "berlin", "paris", "nyc", "aero", "coop", "museum", "travel", "jobs", "tel", "asia", "cat", "eu",
        "academy", "center", "consulting", "design", "energy", "group", "host", "institute", "international",
        "limited", "ltd", "management", "marketing", "partners", "software", "studio", "support", "technology",
        "today", "tools", "university", "ventures", "website", "zone", "mail", "me", "example", "test",
        "biz", "church", "city", "codes", "community", "computer", "data", "deals", "domains", "education",
        "events", "expert", "farm", "fund", "games", "guru", "holdings", "house", "land", "link", "ltd", "market",
        "photography", "plus", "press", "run", "school", "social", "space", "systems", "tips", "tv", "video", "wiki",
        "google", "amazon", "microsoft", "apple", "local", "localhost", "onion", "arpa",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>ISO 3166 country-code TLDs in the root zone, plus uk, eu, ac, su.</summary>
    public static readonly FrozenSet<string> CountryCodes = FrozenSet.ToFrozenSet(
        ("ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz "
         + "ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk "
         + "fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq "
         + "ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh "
         + "mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk "
         + "pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz "
         + "tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw")
        .Split(' '), StringComparer.OrdinalIgnoreCase);

    /// <summary>Country codes that are also everyday file extensions or abbreviations ("main.py", "setup.sh").</summary>
    public static readonly FrozenSet<string> Ambiguous = FrozenSet.ToFrozenSet(
        ["py", "sh", "md", "pl", "rs", "ps", "so", "cs", "js", "ts", "cc", "im", "am", "pm", "mr", "ms", "st", "dr", "gz", "mo"],
        StringComparer.OrdinalIgnoreCase);

    public static bool IsKnown(string tld) => Generic.Contains(tld) || CountryCodes.Contains(tld);
}
