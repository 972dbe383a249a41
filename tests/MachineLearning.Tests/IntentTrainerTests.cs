using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Models;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.MachineLearning.Tests;

public sealed class IntentTrainerTests
{
    [Fact]
    public void Learns_a_small_synthetic_dataset()
    {
        var result = IntentTrainer.Train(SyntheticIntents.Generate(40, seed: 1), null, SyntheticIntents.FastOptions());
        var unseen = SyntheticIntents.Generate(10, seed: 99);

        var evaluation = IntentEvaluator.Evaluate(result.Model, unseen);

        evaluation.ArgmaxAccuracy.ShouldBeGreaterThan(0.9);
        result.Model.Predict("hello, my card has not arrived yet").Label.ShouldBe("card_arrival");
        result.Model.Predict("what is the exchange rate for dollars?").Label.ShouldBe("exchange_rate");
    }

    [Fact]
    public void Classifies_out_of_scope_query_as_oos()
    {
        var model = IntentTrainer.Train(SyntheticIntents.Generate(40, seed: 1), null, SyntheticIntents.FastOptions()).Model;

        var prediction = model.Predict("tell me a joke about the weather");

        prediction.Label.ShouldBe("oos");
        prediction.OutOfScope.ShouldBeTrue();
    }

    [Fact]
    public void Same_data_and_seed_give_identical_model_bytes()
    {
        var data = SyntheticIntents.Generate(30, seed: 3);

        var first = ModelArtifact.Serialize(IntentTrainer.Train(data, null, SyntheticIntents.FastOptions(seed: 11)).Model);
        var second = ModelArtifact.Serialize(IntentTrainer.Train(data, null, SyntheticIntents.FastOptions(seed: 11)).Model);
        var otherSeed = ModelArtifact.Serialize(IntentTrainer.Train(data, null, SyntheticIntents.FastOptions(seed: 12)).Model);

        second.ShouldBe(first);
        otherSeed.ShouldNotBe(first);
    }

    [Fact]
    public void Ensemble_of_components_is_deterministic_too()
    {
        var data = SyntheticIntents.Generate(30, seed: 3);
        var options = IntentPresets.Create("ensemble") with { Seed = 5, Linear = new LinearTrainingOptions { Epochs = 3 } };

        var first = ModelArtifact.Serialize(IntentTrainer.Train(data, null, options).Model);
        var second = ModelArtifact.Serialize(IntentTrainer.Train(data, null, options).Model);

        second.ShouldBe(first);
    }

    [Fact]
    public void Every_named_preset_is_valid_and_the_default_has_two_regularised_mlps()
    {
        foreach (var name in IntentPresets.Names)
        {
            IntentPresets.Create(name).Validate();
        }
        var standard = IntentPresets.Create(IntentPresets.Default);
        standard.Components.Count.ShouldBe(2);
        standard.MlpComponents.Count.ShouldBe(2);
        standard.Mlp.InputDropout.ShouldBeGreaterThan(0f);
        Should.Throw<ArgumentException>(() => IntentPresets.Create("no-such-preset"));
    }

    [Fact]
    public void Stratified_split_holds_out_a_share_of_every_label()
    {
        var data = SyntheticIntents.Generate(20, seed: 4);

        var (train, validation) = IntentTrainer.StratifiedSplit(data, 0.1, seed: 42);

        validation.Count.ShouldBe(2 * SyntheticIntents.Labels.Count);
        validation.GroupBy(e => e.Label).ShouldAllBe(g => g.Count() == 2);
        (train.Count + validation.Count).ShouldBe(data.Count);
    }

    [Fact]
    public void Rejects_data_with_a_single_label()
    {
        var data = Enumerable.Range(0, 10).Select(i => new LabeledExample($"text {i}", "only")).ToArray();

        Should.Throw<ArgumentException>(() => IntentTrainer.Train(data, null, SyntheticIntents.FastOptions()))
            .Message.ShouldContain("at least two labels");
    }
}

public sealed class CalibrationTests
{
    [Fact]
    public void Temperature_scaling_lowers_ece_of_an_overconfident_model()
    {
        // Logits that put ~99% on the top class while the top class is right only 70% of the time.
        var rng = new Random(0);
        var logits = new List<float[]>();
        var labels = new List<int>();
        for (var i = 0; i < 2000; i++)
        {
            var gold = rng.Next(4);
            var top = rng.NextDouble() < 0.7 ? gold : (gold + 1 + rng.Next(3)) % 4;
            var row = new float[4];
            for (var c = 0; c < 4; c++)
            {
                row[c] = (float)(rng.NextDouble() * 0.5);
            }
            row[top] += 5f;
            logits.Add(row);
            labels.Add(gold);
        }

        var before = Calibration.ExpectedCalibrationError(logits, labels, 1.0);
        var temperature = Calibration.FitTemperature(logits, labels);
        var after = Calibration.ExpectedCalibrationError(logits, labels, temperature);

        before.ShouldBeGreaterThan(0.2);
        temperature.ShouldBeGreaterThan(1.0);
        after.ShouldBeLessThan(0.05);
    }

    [Fact]
    public void Ece_is_zero_when_confidence_matches_accuracy()
    {
        var confidences = Enumerable.Repeat(0.75, 8).ToArray();
        var correct = new[] { true, true, true, false, true, true, true, false };

        Calibration.ExpectedCalibrationError(confidences, correct).ShouldBe(0, 1e-12);
    }

    [Fact]
    public void Threshold_balances_in_scope_accuracy_and_oos_recall()
    {
        // In-scope texts are confident (0.8-0.9), out-of-scope ones are not (0.2-0.4).
        double[] top = [0.9, 0.85, 0.8, 0.88, 0.3, 0.2, 0.4];
        bool[] topIsOos = [false, false, false, false, false, false, false];
        bool[] correct = [true, true, true, true, false, false, false];
        bool[] goldOos = [false, false, false, false, true, true, true];

        var threshold = OutOfScopeThreshold.Choose(top, topIsOos, correct, goldOos, 0.01);

        threshold.ShouldBeGreaterThan(0.4);
        threshold.ShouldBeLessThan(0.8);
    }

    [Fact]
    public void Threshold_without_oos_examples_costs_at_most_the_allowed_accuracy()
    {
        double[] top = [0.95, 0.9, 0.3, 0.35, 0.92, 0.5];
        bool[] topIsOos = new bool[6];
        bool[] correct = [true, true, false, false, true, true];
        bool[] goldOos = new bool[6];

        var threshold = OutOfScopeThreshold.Choose(top, topIsOos, correct, goldOos, 0.0);

        threshold.ShouldBe((0.35 + 0.5) / 2, 1e-9);
    }
}
