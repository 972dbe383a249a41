using SpecialistPlatform.Compliance.Detection.Evaluation;

namespace SpecialistPlatform.Compliance.Detection.Tests;

public class EvaluationTests
{
    [Fact]
    public void Spans_match_at_half_overlap_and_scores_follow()
    {
        PiiEvaluator.Iou(0, 10, 5, 15).ShouldBe(5 / 15.0);
        PiiEvaluator.Iou(0, 10, 0, 10).ShouldBe(1);
        var samples = new[]
        {
            new PresidioSample("mail a@b.com and call 555", [
                new PresidioSpan("EMAIL_ADDRESS", null, 5, 12),
                new PresidioSpan("PHONE_NUMBER", null, 22, 25),
            ]),
        };
        IReadOnlyList<Finding> Predict(string _) =>
        [
            new Finding("EMAIL_ADDRESS", 5, 11, 0.9, "t"),   // IoU 6/7: a match
            new Finding("US_SSN", 21, 25, 0.9, "t"),         // right place, wrong type
        ];
        var report = PiiEvaluator.Evaluate(samples, Predict, ["EMAIL_ADDRESS", "US_SSN"]);
        var email = report.PerType.Single(s => s.Type == "EMAIL_ADDRESS");
        (email.Precision, email.Recall).ShouldBe((1.0, 1.0));
        report.PerType.Single(s => s.Type == "PHONE_NUMBER").Recall.ShouldBe(0);
        report.PerType.Single(s => s.Type == "US_SSN").Precision.ShouldBe(0);
        report.TypeAgnostic.TruePositives.ShouldBe(2);
        report.TypeAgnostic.F1.ShouldBe(1);
        report.SupportedTypesOnly.Gold.ShouldBe(1);
        report.UnsupportedGoldTypes.ShouldBe(["PHONE_NUMBER"]);
    }

    [Fact]
    public void F2_weights_recall_over_precision()
    {
        var scores = new EntityScores("X", Gold: 10, Predicted: 5, TruePositives: 5);
        scores.Precision.ShouldBe(1);
        scores.Recall.ShouldBe(0.5);
        scores.F1.ShouldBe(2 * 0.5 / 1.5, 1e-9);
        scores.F2.ShouldBe(5 * 0.5 / (4 + 0.5), 1e-9);
    }

    [Fact]
    public void Reads_json_arrays_and_jsonl_with_code_point_offsets()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                {"full_text": "😀 mail a@b.com", "spans": [{"entity_type": "EMAIL_ADDRESS", "start_position": 7, "end_position": 14}]}
                {"full_text": "none", "spans": []}
                """);
            var samples = PresidioDataset.Read(path);
            samples.Count.ShouldBe(2);
            var (type, start, end) = samples[0].Utf16Spans().Single();
            samples[0].FullText[start..end].ShouldBe("a@b.com");
            type.ShouldBe("EMAIL_ADDRESS");

            PresidioDataset.Write(path, samples);
            PresidioDataset.Read(path).Select(s => s.FullText).ShouldBe(["😀 mail a@b.com", "none"]);

            File.WriteAllText(path, """[{"full_text": "abc", "spans": [{"entity_type": "X", "start_position": 2, "end_position": 9}]}]""");
            Should.Throw<ArgumentException>(() => PresidioDataset.Read(path)).Message.ShouldContain("outside");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
