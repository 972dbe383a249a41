using System.Text.Json;
using SpecialistPlatform.Data.Entities;
using SpecialistPlatform.Evaluation.Reports;
using SpecialistPlatform.Evaluation.ShadowWindows;

namespace SpecialistPlatform.MachineLearning.Tests;

public sealed class ShadowWindowSummaryTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 7, 0, 0, TimeSpan.Zero);

    private static FrontierComparison Comparison(string router, double confidence, string? frontier, decimal cost = 0.002m, double? latency = 400, string? problem = null) =>
        new()
        {
            JobId = Guid.NewGuid(),
            TenantId = "acme",
            Kind = "support-ticket",
            ModelVersion = "abcdef012345",
            SpecialistLabel = router,
            SpecialistConfidence = confidence,
            FrontierLabel = frontier,
            FrontierModel = frontier is null ? null : "openai:gpt-test",
            Agreed = router == frontier,
            Cost = frontier is null ? 0 : cost,
            FrontierLatencyMs = latency,
            Problem = problem,
            CreatedAt = Start.AddMinutes(5),
        };

    [Fact]
    public void Window_measures_agreement_cost_and_confusions_against_the_frontier_and_leaves_out_unanswered_jobs()
    {
        FrontierComparison[] comparisons =
        [
            Comparison("card_arrival", 0.95, "card_arrival"),
            Comparison("card_arrival", 0.90, "card_arrival"),
            Comparison("top_up", 0.40, "card_arrival"),
            Comparison("top_up", 0.99, "top_up", latency: null),
            Comparison("top_up", 0.70, null, problem: "over the daily budget"),
        ];

        var run = ShadowWindowSummary.Summarise("acme", "abcdef012345", new ShadowModel("banking77", "sha", 0.5), Start, Start.AddHours(1), comparisons);

        run.Kind.ShouldBe(ShadowWindowSummary.RunKind);
        run.TenantId.ShouldBe("acme");
        run.DatasetRows.ShouldBe(5);
        using var metrics = JsonDocument.Parse(run.MetricsJson);
        metrics.RootElement.GetProperty("judged").GetInt32().ShouldBe(4);
        metrics.RootElement.GetProperty("agreement").GetDouble().ShouldBe(0.75);
        // At the registered 0.5 the unsure disagreement goes to the frontier: everything kept agrees.
        metrics.RootElement.GetProperty("chosen_escalation_rate").GetDouble().ShouldBe(0.25);
        metrics.RootElement.GetProperty("chosen_combined_accuracy").GetDouble().ShouldBe(1.0);
        run.FrontierCostPer1k!.Value.ShouldBe(2.0, 1e-9);
        run.CascadeCostPer1k!.Value.ShouldBe(0.5, 1e-9);
        run.LatencyP50Ms.ShouldBe(400);
        run.ConfusionsJson.ShouldContain("\"gold\":\"card_arrival\",\"predicted\":\"top_up\",\"count\":1");
        run.Notes!.ShouldContain("1 unanswered: over the daily budget");

        var html = EvaluationReport.Render(run);
        html.ShouldContain("Shadow evaluation against the frontier");
        html.ShouldContain($"id=\"{EvaluationReport.FrontierReferenceBannerId}\"");
        html.ShouldContain("id=\"sweep-chart\"");
        html.ShouldNotContain(EvaluationReport.AssumedBannerId);
    }

    [Fact]
    public void Windows_are_aligned_to_the_epoch_so_every_instance_cuts_time_the_same_way()
    {
        ShadowWindowCloser.WindowStartOf(new DateTimeOffset(2026, 11, 25, 7, 42, 13, TimeSpan.Zero), TimeSpan.FromHours(1))
            .ShouldBe(new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero));
        ShadowWindowCloser.WindowStartOf(new DateTimeOffset(2026, 11, 25, 9, 42, 13, TimeSpan.FromHours(2)), TimeSpan.FromMinutes(15))
            .ShouldBe(new DateTimeOffset(2026, 11, 25, 7, 30, 0, TimeSpan.Zero));
    }
}
