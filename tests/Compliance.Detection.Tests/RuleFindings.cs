namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>What the rules alone (every built-in recognizer, no tagger) find in a text, as the values of one type, in order.</summary>
internal static class RuleFindings
{
    private static readonly PersonalDataDetector Rules = new(PersonalDataDetector.AllRecognizers());

    public static List<string> Values(string text, string type) =>
        Rules.Detect(text).Where(f => f.Type == type).Select(f => f.ValueIn(text)).ToList();
}
