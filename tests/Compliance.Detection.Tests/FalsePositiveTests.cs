namespace SpecialistPlatform.Compliance.Detection.Tests;

/// <summary>
/// The checksum-validated types must stay silent on real, personal-data-free customer utterances
/// (banking77 and clinc150 training sets, clinc150 validation set). Runs every utterance when the shared datasets are present.
/// </summary>
public class FalsePositiveTests
{
    private static readonly string DatasetRoot = Environment.GetEnvironmentVariable("SPECIALIST_DATASETS") ?? "/work/shared/datasets";

    [Theory]
    [InlineData("banking77/train.csv")]
    [InlineData("clinc150/train.csv")]
    [InlineData("clinc150/val.csv")]
    public void Checksum_validated_types_find_nothing_in_pii_free_utterances(string file)
    {
        var path = Path.Combine(DatasetRoot, file);
        Assert.SkipUnless(File.Exists(path), $"dataset not present at {path}");
        var detector = PersonalDataDetector.CreateDefault();
        var utterances = FirstCsvFields(File.ReadAllText(path)).Skip(1).ToList();
        utterances.Count.ShouldBeGreaterThan(3000);
        var hits = utterances
            .SelectMany(u => detector.Detect(u, PersonalDataTypes.ChecksumValidated.ToList()).Select(f => $"{f.Type}: {f.ValueIn(u)} in \"{u}\""))
            .ToList();
        hits.ShouldBeEmpty();
    }

    /// <summary>The first field of each CSV record (RFC 4180 quoting; quoted fields may span lines).</summary>
    private static IEnumerable<string> FirstCsvFields(string csv)
    {
        var field = new System.Text.StringBuilder();
        var column = 0;
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else if (column == 0)
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                column++;
            }
            else if (c == '\n')
            {
                yield return field.ToString();
                field.Clear();
                column = 0;
            }
            else if (c != '\r' && column == 0)
            {
                field.Append(c);
            }
        }
        if (field.Length > 0)
            yield return field.ToString();
    }
}
