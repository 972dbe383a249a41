using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// US social security numbers, AAA-GG-SSSS: never area 000, 666 or 900-999, group 00 or serial 0000, nor
/// the numbers famously printed in advertising. Dashed or spaced forms score as likely; nine bare digits
/// only count with context ("SSN", "social security") nearby.
/// </summary>
public sealed partial class UsSsnRecognizer() : PatternRecognizer(
    PersonalDataTypes.UsSsn,
    new ContextWords(["ssn", "ssns", "social", "social security", "security number", "ssa", "taxpayer", "tin", "itin"]),
    contextBoost: 0.4)
{
    private static readonly HashSet<string> Advertised = ["078051120", "219099999", "123456789"];

    [GeneratedRegex(@"(?<![\w\-.])(?<area>[0-9]{3})(?<sep>[ \-.]?)(?<group>[0-9]{2})\k<sep>(?<serial>[0-9]{4})(?![\w]|[\-.][0-9])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Ssn();

    protected override IEnumerable<Regex> Patterns => [Ssn()];

    protected override Candidate? Validate(string text, Match match)
    {
        var area = match.Groups["area"].Value;
        var group = match.Groups["group"].Value;
        var serial = match.Groups["serial"].Value;
        if (!IsValid(area, group, serial))
            return null;
        return Candidate.Of(match, match.Groups["sep"].Value switch
        {
            "-" => 0.6,
            " " => 0.4,
            "." => 0.3,
            _ => 0.1,
        });
    }

    public static bool IsValid(string area, string group, string serial) =>
        area is not ("000" or "666") && area[0] != '9' && group != "00" && serial != "0000"
        && !Advertised.Contains(area + group + serial);
}
