using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// US DEA registration numbers (Presidio's MEDICAL_LICENSE): a registrant-type letter, a letter (or 9), seven
/// digits with the DEA check digit. One random candidate in ten passes the check, so the base score is
/// moderate and medical context raises it.
/// </summary>
public sealed partial class MedicalLicenseRecognizer() : PatternRecognizer(
    PersonalDataTypes.MedicalLicense,
    new ContextWords(["dea", "license", "licence", "prescriber", "prescription", "physician", "doctor", "dr", "md",
        "medical", "registration", "practitioner", "pharmacy", "clinic", "nurse"]),
    contextBoost: 0.3)
{
    [GeneratedRegex(@"(?<![\w\-])[ABCDEFGHJKLMPRSTUX][A-Z9][0-9]{7}(?![\w\-])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Dea();

    protected override IEnumerable<Regex> Patterns => [Dea()];

    protected override Candidate? Validate(string text, Match match) =>
        Checksums.DeaNumber(match.Value) ? Candidate.Of(match, 0.6) : null;
}
