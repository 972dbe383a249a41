using System.Text.RegularExpressions;
using SpecialistPlatform.Evaluation.Reports;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.MachineLearning.Cascade;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.MachineLearning.Tests;

public sealed class EvaluationReportTests
{
    private static EvaluationRun CalibrationRun(bool assumed)
    {
        var examples = Enumerable.Range(1, 40)
            .Select(i => new CascadeExample(i % 3 == 0 ? "<b>card</b>" : "top_up", i / 41.0, false, i > 8, assumed ? 0.831 : i % 5 == 0 ? 0 : 1))
            .ToArray();
        var prices = new CascadePrices(0.01, 2.0);
        var sweep = CascadeCalibrator.Sweep(examples, prices);
        var chosen = CascadeCalibrator.Choose(sweep, new TargetAccuracy(0.9))!;
        return new EvaluationRun
        {
            Kind = "calibration",
            Task = "intent",
            ModelName = "banking77",
            ModelVersion = "0123456789ab",
            ModelSha256 = new string('a', 64),
            DatasetSha256 = new string('b', 64),
            DatasetRows = examples.Length,
            DatasetSource = "holdout.csv",
            MetricsJson = ReportJson.Serialize(new Dictionary<string, object?>
            {
                ["specialist_accuracy"] = 0.8,
                ["frontier_accuracy"] = CascadeCalibrator.FrontierOnly(examples, prices).CombinedAccuracy,
                ["goal"] = "cheapest threshold with combined accuracy >= 0.9",
                ["target_accuracy"] = 0.9,
                ["chosen_threshold"] = chosen.Threshold,
                ["chosen_escalation_rate"] = chosen.EscalationRate,
                ["chosen_combined_accuracy"] = chosen.CombinedAccuracy,
                ["chosen_kept_accuracy"] = chosen.KeptAccuracy,
            }),
            PerClassJson = ReportJson.Serialize(CascadeCalibrator.PerClass(examples, chosen.Threshold)),
            SweepJson = ReportJson.Serialize(sweep),
            ReliabilityJson = ReportJson.Serialize(CascadeCalibrator.Reliability(examples.Select(e => e.Confidence).ToArray(), examples.Select(e => e.SpecialistCorrect).ToArray())),
            ConfusionsJson = ReportJson.Serialize(new[] { new ConfusedPair("<b>card</b>", "top_up", 3) }),
            SpecialistCostPer1k = 0.01,
            FrontierCostPer1k = 2.0,
            CascadeCostPer1k = chosen.CostPer1k,
            EscalationThreshold = chosen.Threshold,
            FrontierAccuracyAssumed = assumed,
            LatencyP50Ms = 0.1,
            LatencyP95Ms = 0.4,
            LatencyP99Ms = 0.6,
            Notes = assumed ? "frontier accuracy assumed (83.10%), no predictions file" : null,
        };
    }

    [Fact]
    public void Calibration_report_has_the_sweep_reliability_and_cost_charts_inline()
    {
        var html = EvaluationReport.Render(CalibrationRun(assumed: false));

        Regex.Matches(html, "<svg ").Count.ShouldBe(3);
        html.ShouldContain("id=\"sweep-chart\"");
        html.ShouldContain("id=\"reliability-chart\"");
        html.ShouldContain("id=\"cost-chart\"");
        html.ShouldContain("<polyline class=\"curve\"");
        html.ShouldContain("specialist only");
        html.ShouldContain("frontier only");
        html.ShouldContain("class=\"chosen-row\"");
        html.ShouldContain("Most confused pairs");
        html.ShouldNotContain(EvaluationReport.AssumedBannerId);
    }

    [Fact]
    public void Assumed_frontier_accuracy_gets_a_banner()
    {
        var html = EvaluationReport.Render(CalibrationRun(assumed: true));

        html.ShouldContain($"id=\"{EvaluationReport.AssumedBannerId}\"");
        html.ShouldContain("Frontier accuracy assumed, not measured.");
        html.ShouldContain("83.10%");
        html.ShouldContain("frontier only (assumed)");
    }

    [Fact]
    public void Report_is_self_contained_and_escapes_labels()
    {
        var html = EvaluationReport.Render(CalibrationRun(assumed: true));

        html.ShouldNotContain("<script");
        html.ShouldNotContain("<link");
        html.ShouldNotContain(" src=");
        html.ShouldNotContain("href=");
        html.ShouldNotContain("<b>card</b>");
        html.ShouldContain("&lt;b&gt;card&lt;/b&gt;");
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldEndWith("</html>");
    }

    [Fact]
    public void Evaluation_run_without_a_sweep_renders_its_reliability_and_confusions()
    {
        var run = CalibrationRun(assumed: false);
        var evaluation = new EvaluationRun
        {
            Kind = "intent-eval",
            Task = "intent",
            ModelVersion = run.ModelVersion,
            ModelSha256 = run.ModelSha256,
            DatasetSha256 = run.DatasetSha256,
            DatasetRows = run.DatasetRows,
            MetricsJson = """{"accuracy": 0.9, "accuracy_argmax": 0.91, "macro_f1": 0.88, "ece": 0.02}""",
            // Postgres jsonb reorders keys (shortest first), as here.
            PerClassJson = """[{"f1": 0.82, "count": 12, "label": "top_up", "accuracy": 0.75, "precision": 0.9}]""",
            ReliabilityJson = run.ReliabilityJson,
            ConfusionsJson = run.ConfusionsJson,
        };

        var html = EvaluationReport.Render(evaluation);

        Regex.Matches(html, "<svg ").Count.ShouldBe(1);
        html.ShouldContain("id=\"reliability-chart\"");
        html.ShouldContain("Model evaluation");
        html.ShouldContain("90.00%");
        html.ShouldContain("<tr><td>top_up</td><td class=\"num\">12</td><td class=\"num\">75.00%</td>");
        html.IndexOf("<th>gold label</th>", StringComparison.Ordinal).ShouldBeLessThan(html.IndexOf("<th>F1</th>", StringComparison.Ordinal));
    }
}
