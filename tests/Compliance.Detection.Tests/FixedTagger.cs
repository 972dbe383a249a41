namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>Stands in for the learned tagger: fixed findings under its name, scored as the tagger scores (0.85 x probability).</summary>
internal sealed class FixedTagger(params (string Value, string Type, double Probability)[] spans) : IRecognizer
{
    public string Name => "entity-tagger";

    public IReadOnlyCollection<string> SupportedTypes => [PersonalDataTypes.Person, PersonalDataTypes.Location, PersonalDataTypes.Organization, PersonalDataTypes.StreetAddress];

    public IEnumerable<Finding> Recognize(string text) =>
        spans.Select(s =>
        {
            var start = text.IndexOf(s.Value, StringComparison.Ordinal);
            return new Finding(s.Type, start, start + s.Value.Length, 0.85 * s.Probability, Name);
        }).ToList();
}
