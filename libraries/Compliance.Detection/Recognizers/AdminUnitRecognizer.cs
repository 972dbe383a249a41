using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// Administrative units named by their type word, as LOCATION: a capitalised name before Oblast, Krai, Voivodeship,
/// Province, Prefecture, County, District, Governorate, Canton, Municipality, Parish, Raion or Okrug ("Lviv Oblast",
/// "Harris County", "Aichi Prefecture"); "County Cork" (the Irish order); romanised Korean and Japanese units
/// ("Gangnam-gu", "Minato-ku", "Suwon-si", "Yeoksam-dong", "Gyeonggi-do"); Vietnamese units ("Quận 1", "Phường Bến Nghé",
/// "Huyện Củ Chi"); Indonesian ones ("Kecamatan Menteng", "Kabupaten Bogor"). The type word makes these places the
/// name list cannot hold (every county of every country). Guards: "Region" and "Department" only after a known place
/// ("Kurdistan Region"), since "Sales Region" and "Police Department" are parts of organisations; a generic first word
/// ("Sales", "Customer", "School", "Central" ...) never counts; a capitalised word right after ("Orange County Choppers")
/// makes it a name, scored 0.4 so that a tagger ORGANIZATION wins.
/// </summary>
public sealed partial class AdminUnitRecognizer() : PatternRecognizer(PersonalDataTypes.Location, new ContextWords([]), contextBoost: 0)
{
    [GeneratedRegex(@"(?<![\w\-.@/])(?<name>\p{Lu}[\p{L}'’]+(?:[ \-]\p{Lu}[\p{L}'’]+){0,2})[ ](?<unit>Oblast|oblast|Krai|krai|Kray|Voivodeship|voivodeship|Province|Prefecture|prefecture|County|District|Governorate|governorate|Canton|canton|Municipality|Parish|Raion|raion|Okrug|okrug|Region|Department)(?![\w\-])",
        RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex NameThenUnit();

    [GeneratedRegex(@"(?<![\w\-.@/])(?:County|Co\.)[ ](?:Antrim|Armagh|Carlow|Cavan|Clare|Cork|Derry|Donegal|Down|Dublin|Fermanagh|Galway|Kerry|Kildare|Kilkenny|Laois|Leitrim|Limerick|Longford|Louth|Mayo|Meath|Monaghan|Offaly|Roscommon|Sligo|Tipperary|Tyrone|Waterford|Westmeath|Wexford|Wicklow|Durham)(?![\w\-])",
        RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex IrishCounty();

    [GeneratedRegex(@"(?<![\w\-.@/])\p{Lu}[a-zōū]{2,}(?:-[a-z]{2,})?-(?:gu|ku|shi|si|dong|do|gun|eup|myeon|ken)(?![\w\-])",
        RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex EastAsianUnit();

    [GeneratedRegex(@"(?<![\w\-.@/])(?:(?:Quận|Phường|Huyện|Tỉnh|Thị xã)[ ](?:[0-9]{1,2}|\p{Lu}\p{L}+(?:[ ]\p{Lu}\p{L}+){0,2})|(?:Quan|Phuong)[ ][0-9]{1,2}|(?:Kecamatan|Kabupaten|Kelurahan|Provinsi)[ ]\p{Lu}\p{L}+(?:[ ]\p{Lu}\p{L}+)?)(?![\w\-])",
        RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex SoutheastAsianUnit();

    protected override IEnumerable<Regex> Patterns => [NameThenUnit(), IrishCounty(), EastAsianUnit(), SoutheastAsianUnit()];

    /// <summary>First words that make "X District" or "X County" a part of an organisation or a generic phrase.</summary>
    private static readonly FrozenSet<string> GenericWords = new[]
    {
        "Sales", "Customer", "Customers", "Client", "School", "Schools", "Water", "Fire", "Police", "Health", "Tax", "Postal", "Federal", "Special",
        "Historic", "Historical", "Financial", "Administrative", "Metropolitan", "Autonomous", "Capital", "Business", "Service", "Services", "Delivery",
        "Shipping", "Central", "Northern", "Southern", "Eastern", "Western", "North", "South", "East", "West", "Northeast", "Northwest", "Southeast",
        "Southwest", "Upper", "Lower", "Inner", "Outer", "Our", "Your", "Their", "His", "Her", "This", "That", "The", "Each", "Every", "Any", "Which",
        "Congressional", "Electoral", "Judicial", "Court", "Wine", "Lake", "Home", "Local", "Regional", "National", "State", "City", "Town", "Rural",
        "Urban", "Border", "Coastal", "Military", "Sanitation", "Library", "Park", "Parks", "Transit", "Irrigation", "Hospital", "Utility", "Census",
        "Voting", "Polling", "Shopping", "Theater", "Theatre", "Arts", "Garment", "Light", "Red", "Meatpacking", "Retail", "Design", "Fashion", "Market",
        "Support", "Marketing", "Engineering", "Finance", "Legal", "Security", "Training", "Operations", "Product", "Development", "Research", "Region",
        "District", "County", "Province", "Each", "Same", "Other", "Another", "New", "Old", "My", "A", "An", "In", "Of", "For", "From", "To", "At",
        "Europe", "Asia", "Africa", "America", "Pacific", "Atlantic", "Mediterranean", "Arctic", "Antarctic", "Nordic", "Baltic", "Alpine", "Test",
    }.ToFrozenSet(StringComparer.Ordinal);

    protected override Candidate? Validate(string text, Match match)
    {
        var nameGroup = match.Groups["name"];
        if (!nameGroup.Success)
            return match.Value.StartsWith("Tae-", StringComparison.Ordinal) ? null : Candidate.Of(match, 0.6); // "Tae-kwon-do"
        // The name is the longest run of its last words that is a known place ("Los Angeles County"), else its last
        // word, so that a sentence's first word or a title before it stays out ("Visit Harris County").
        var words = nameGroup.Value.Split(' ');
        var name = words[^1];
        var known = false;
        for (var k = 0; k < words.Length; k++)
        {
            var candidate = string.Join(' ', words[k..]);
            if (KnownPlaceRecognizer.IsKnownPlace(candidate))
            {
                name = candidate;
                known = true;
                break;
            }
        }
        var start = nameGroup.Index + nameGroup.Length - name.Length;
        if (GenericWords.Contains(name.Split('-')[0]))
            return null;
        var unit = match.Groups["unit"].Value;
        if (unit is "Region" or "Department" && !known)
            return null;
        var end = match.Index + match.Length;
        // A capitalised word right after makes the whole a name ("Orange County Choppers", "Kent County Council").
        if (end + 1 < text.Length && text[end] == ' ' && char.IsUpper(text[end + 1]))
            return new Candidate(start, end, 0.4);
        return new Candidate(start, end, known ? 0.65 : 0.6);
    }
}
