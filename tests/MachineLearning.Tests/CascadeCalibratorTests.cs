using SpecialistPlatform.MachineLearning.Cascade;

namespace SpecialistPlatform.MachineLearning.Tests;

public sealed class CascadeCalibratorTests
{
    private static readonly CascadePrices Prices = new(SpecialistPer1k: 0.1, FrontierPer1k: 2.0);

    /// <summary>Ten in-scope texts at confidences 0.1 .. 1.0; the specialist is wrong on the three least confident.</summary>
    private static CascadeExample[] TenExamples(double frontierCorrect = 1.0) => Enumerable.Range(1, 10)
        .Select(i => new CascadeExample(i % 2 == 0 ? "even" : "odd", i / 10.0, OutOfScope: false, SpecialistCorrect: i > 3, frontierCorrect))
        .ToArray();

    [Fact]
    public void Target_accuracy_picks_the_cheapest_threshold_that_escalates_exactly_the_specialists_mistakes()
    {
        var sweep = CascadeCalibrator.Sweep(TenExamples(), Prices);

        var chosen = CascadeCalibrator.Choose(sweep, new TargetAccuracy(1.0)).ShouldNotBeNull();

        chosen.Threshold.ShouldBe(0.35, 1e-9);
        chosen.Escalated.ShouldBe(3);
        chosen.EscalationRate.ShouldBe(0.3, 1e-12);
        chosen.CombinedAccuracy.ShouldBe(1.0, 1e-12);
        chosen.KeptAccuracy.ShouldBe(1.0);
        chosen.CostPer1k.ShouldBe(0.1 + 0.3 * 2.0, 1e-12);
    }

    [Fact]
    public void Max_escalation_rate_picks_the_most_accurate_threshold_within_the_budget()
    {
        var sweep = CascadeCalibrator.Sweep(TenExamples(), Prices);

        var chosen = CascadeCalibrator.Choose(sweep, new MaxEscalationRate(0.2)).ShouldNotBeNull();

        chosen.Threshold.ShouldBe(0.25, 1e-9);
        chosen.Escalated.ShouldBe(2);
        chosen.CombinedAccuracy.ShouldBe(0.9, 1e-12);
    }

    [Fact]
    public void A_fixed_threshold_measures_the_same_point_as_the_sweep()
    {
        var examples = TenExamples(frontierCorrect: 0.5);
        var sweep = CascadeCalibrator.Sweep(examples, Prices);

        var at = CascadeCalibrator.At(examples, 0.35, Prices);

        at.ShouldBe(sweep[3]);
        CascadeCalibrator.At(examples, 0.3, Prices).Escalated.ShouldBe(2); // strictly below the threshold escalates
    }

    [Fact]
    public void Sweep_runs_from_no_escalation_to_escalating_everything()
    {
        var sweep = CascadeCalibrator.Sweep(TenExamples(frontierCorrect: 0.8), Prices);

        sweep.Count.ShouldBe(11);
        sweep[0].Threshold.ShouldBe(0);
        sweep[0].EscalationRate.ShouldBe(0);
        sweep[0].CombinedAccuracy.ShouldBe(0.7, 1e-12);
        sweep[^1].EscalationRate.ShouldBe(1);
        sweep[^1].KeptAccuracy.ShouldBeNull();
        sweep[^1].CombinedAccuracy.ShouldBe(0.8, 1e-12);
        sweep[^1].Threshold.ShouldBeGreaterThan(1.0 - 1e-12);
        sweep.Select(p => p.Threshold).ShouldBeInOrder();
    }

    [Fact]
    public void Assumed_frontier_accuracy_gives_expected_combined_accuracy()
    {
        var sweep = CascadeCalibrator.Sweep(TenExamples(frontierCorrect: 0.831), Prices);

        // Escalating the three mistakes: 7 kept right + 3 x 0.831 expected right.
        sweep[3].CombinedAccuracy.ShouldBe((7 + 3 * 0.831) / 10, 1e-12);
        CascadeCalibrator.FrontierOnly(TenExamples(frontierCorrect: 0.831), Prices).CombinedAccuracy.ShouldBe(0.831, 1e-12);
    }

    [Fact]
    public void Equal_confidences_are_escalated_together()
    {
        var examples = new[]
        {
            new CascadeExample("a", 0.5, false, false, 1),
            new CascadeExample("a", 0.5, false, true, 0),
            new CascadeExample("b", 0.9, false, true, 1),
        };

        var sweep = CascadeCalibrator.Sweep(examples, Prices);

        sweep.Select(p => p.Escalated).ShouldBe([0, 2, 3]);
        sweep[1].Threshold.ShouldBe(0.7, 1e-12);
    }

    [Fact]
    public void Out_of_scope_decisions_are_always_escalated()
    {
        var examples = TenExamples().Append(new CascadeExample("oos", 0.99, OutOfScope: true, SpecialistCorrect: true, 1)).ToArray();

        var sweep = CascadeCalibrator.Sweep(examples, Prices);

        sweep[0].Escalated.ShouldBe(1);
        CascadeCalibrator.Escalates(examples[^1], 0).ShouldBeTrue();
        CascadeCalibrator.Choose(sweep, new MaxEscalationRate(0.05)).ShouldBeNull();
    }

    [Fact]
    public void Unreachable_target_chooses_nothing()
    {
        var sweep = CascadeCalibrator.Sweep(TenExamples(frontierCorrect: 0), Prices);

        CascadeCalibrator.Choose(sweep, new TargetAccuracy(0.95)).ShouldBeNull();
    }

    [Fact]
    public void Per_class_numbers_split_escalation_and_accuracy_by_gold_label()
    {
        var perClass = CascadeCalibrator.PerClass(TenExamples(), threshold: 0.35);

        var odd = perClass.Single(c => c.Label == "odd");   // 0.1, 0.3 escalated (both wrong); 0.5, 0.7, 0.9 kept
        odd.Count.ShouldBe(5);
        odd.EscalationRate.ShouldBe(0.4, 1e-12);
        odd.KeptAccuracy.ShouldBe(1.0);
        odd.SpecialistAccuracy.ShouldBe(0.6, 1e-12);
        odd.CombinedAccuracy.ShouldBe(1.0, 1e-12);
        perClass[0].Label.ShouldBe("odd"); // most escalated first
    }

    [Fact]
    public void Compact_keeps_the_ends_and_the_chosen_point()
    {
        var examples = Enumerable.Range(1, 200).Select(i => new CascadeExample("x", i / 201.0, false, i > 50, 1)).ToArray();
        var sweep = CascadeCalibrator.Sweep(examples, Prices);
        var chosen = sweep[137];

        var rows = CascadeCalibrator.Compact(sweep, 15, chosen);

        rows.Count.ShouldBeInRange(14, 16);
        rows.ShouldContain(sweep[0]);
        rows.ShouldContain(sweep[^1]);
        rows.ShouldContain(chosen);
    }

    [Fact]
    public void Reliability_bins_count_confidence_against_correctness()
    {
        var bins = CascadeCalibrator.Reliability([0.05, 0.95, 0.97, 1.0], [false, true, false, true], bins: 10);

        bins.Count.ShouldBe(10);
        bins[0].Count.ShouldBe(1);
        bins[0].Accuracy.ShouldBe(0);
        bins[9].Count.ShouldBe(3);
        bins[9].Accuracy.ShouldBe(2 / 3.0, 1e-12);
        bins[9].MeanConfidence.ShouldBe((0.95 + 0.97 + 1.0) / 3, 1e-12);
    }

    [Fact]
    public void Empty_data_is_rejected()
    {
        Should.Throw<ArgumentException>(() => CascadeCalibrator.Sweep([], Prices)).Message.ShouldContain("empty");
    }
}
