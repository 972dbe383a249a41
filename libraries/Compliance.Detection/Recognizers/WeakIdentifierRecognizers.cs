using System.Text.RegularExpressions;

namespace SpecialistPlatform.Compliance.Detection.Recognizers;

/// <summary>
/// US driver's licence numbers: the state formats (a letter and 4-14 digits, digits then letters, 9 digits…)
/// have no check digit and look like any reference number, so they score under the threshold unless a word
/// such as "driver", "license" or "DL" sits nearby.
/// </summary>
public sealed partial class UsDriverLicenseRecognizer() : PatternRecognizer(
    PersonalDataTypes.UsDriverLicense,
    new ContextWords(["driver", "drivers", "driving", "license", "licence", "dl", "dmv", "permit", "lic"]),
    contextBoost: 0.5,
    negativeContext: new ContextWords(["order", "invoice", "tracking", "ref", "reference", "ticket", "booking"]),
    contextPenalty: 0.1)
{
    [GeneratedRegex(@"(?<![\w\-])(?:[A-Z]{1,2}[0-9]{4,14}|[0-9]{7,9}[A-Z]{1,2}|[0-9]{2}[A-Z]{3}[0-9]{5,6}|[0-9]{3}[A-Z]{2}[0-9]{4}|[0-9]{7,12})(?![\w\-])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Licence();

    protected override IEnumerable<Regex> Patterns => [Licence()];

    protected override Candidate? Validate(string text, Match match) =>
        Candidate.Of(match, char.IsAsciiLetter(match.Value[0]) || char.IsAsciiLetter(match.Value[^1]) ? 0.15 : 0.05);
}

/// <summary>US passport numbers: nine digits, or a letter and eight digits (next-generation books). Context only.</summary>
public sealed partial class UsPassportRecognizer() : PatternRecognizer(
    PersonalDataTypes.UsPassport,
    new ContextWords(["passport", "travel document", "passport number", "passport no"]),
    contextBoost: 0.55,
    negativeContext: new ContextWords(["order", "invoice", "tracking", "ref", "reference", "ticket"]),
    contextPenalty: 0.05)
{
    [GeneratedRegex(@"(?<![\w\-])(?:[0-9]{9}|[A-Z][0-9]{8})(?![\w\-])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Passport();

    protected override IEnumerable<Regex> Patterns => [Passport()];

    protected override Candidate? Validate(string text, Match match) => Candidate.Of(match, 0.1);
}

/// <summary>US bank account numbers: 8-17 digits. Only bank/account context lifts them over the threshold.</summary>
public sealed partial class UsBankNumberRecognizer() : PatternRecognizer(
    PersonalDataTypes.UsBankNumber,
    new ContextWords(["bank", "account", "acct", "checking", "savings", "routing", "deposit", "direct deposit", "aba", "ach", "wire"]),
    contextBoost: 0.45,
    negativeContext: new ContextWords(["order", "invoice", "tracking", "ref", "reference", "ticket", "phone", "card"]),
    contextPenalty: 0.05)
{
    [GeneratedRegex(@"(?<![\w\-.,])[0-9]{8,17}(?![\w\-]|[.,][0-9])", RegexOptions.CultureInvariant, PatternRecognizer.MatchTimeoutMilliseconds)]
    private static partial Regex Account();

    protected override IEnumerable<Regex> Patterns => [Account()];

    protected override Candidate? Validate(string text, Match match)
    {
        var v = match.Value;
        return v.AsSpan().IndexOfAnyExcept(v[0]) < 0 ? null : Candidate.Of(match, 0.05);
    }
}
