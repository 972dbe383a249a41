using System.Numerics.Tensors;
using System.Security.Cryptography;
using System.Text;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Encoders;
using SpecialistPlatform.MachineLearning.Models;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.MachineLearning.Tests;

/// <summary>The pretrained sentence encoder and the intent model's encoder stage (docs/decisions/0014).</summary>
public sealed class EncoderStageTests
{
    // Gate 1: the stage runs for every text short of certainty, so these tests exercise it whatever the ensemble says.
    private static readonly Lazy<IntentTrainingResult> Trained = new(() => Train(seed: 7));

    private static IntentTrainingResult Train(int seed) =>
        IntentTrainer.Train(SyntheticIntents.Generate(25, seed: 5), null,
            SyntheticIntents.FastOptions(seed) with { EncoderStage = new EncoderStageOptions { Epochs = 5, Hidden = 32, Gate = 1f } });

    private static readonly string[] Probes =
    [
        "my card still has not turned up",
        "what will I get for 100 euros in dollars",
        "is it going to rain tomorrow",
        "",
        "Ünïcode café, naïve résumé — 東京 🚀",
        string.Join(' ', Enumerable.Repeat("transfer money to my friend", 2_000)),
    ];

    [Fact]
    public void MiniLM_gives_unit_vectors_that_do_not_depend_on_the_other_texts_of_a_batch()
    {
        var encoder = MiniLmSentenceEncoder.Shared;
        var together = encoder.Encode(Probes);

        together.Length.ShouldBe(Probes.Length);
        encoder.Dimension.ShouldBe(384);
        encoder.WeightsSha256.Length.ShouldBe(64);
        for (var i = 0; i < Probes.Length; i++)
        {
            together[i].Length.ShouldBe(384);
            TensorPrimitives.Norm(together[i]).ShouldBe(1f, 1e-4);
            var alone = encoder.Encode([Probes[i]])[0];
            TensorPrimitives.Distance(alone, together[i]).ShouldBeLessThan(1e-5f, $"text {i}");
        }
    }

    [Fact]
    public void MiniLM_places_a_paraphrase_nearer_than_an_unrelated_request()
    {
        var v = MiniLmSentenceEncoder.Shared.Encode(["I am still waiting for my new card", "my card has not arrived yet", "set an alarm for seven tomorrow"]);

        var paraphrase = TensorPrimitives.CosineSimilarity(v[0], v[1]);
        var unrelated = TensorPrimitives.CosineSimilarity(v[0], v[2]);

        paraphrase.ShouldBeGreaterThan(0.5f);
        paraphrase.ShouldBeGreaterThan(unrelated + 0.3f);
    }

    [Fact]
    public void The_stage_runs_below_its_gate_and_records_how_often_it_ran()
    {
        var result = Trained.Value;
        var stage = result.Model.EncoderStage.ShouldNotBeNull();

        stage.Encoder.Name.ShouldBe(MiniLmSentenceEncoder.EncoderName);
        stage.Temperature.ShouldBeGreaterThan(0);
        result.Metrics["encoder_stage_share"].ShouldBeGreaterThan(0);
        result.Metrics.ContainsKey("validation_accuracy_ensemble_only").ShouldBeTrue();
        var text = Probes[0];
        var ensembleProbabilities = result.Model.EnsembleProbabilities(result.Model.Logits(text));
        stage.Runs(ensembleProbabilities).ShouldBeTrue();
        result.Model.EncoderStageRunsFor(text).ShouldBeTrue();
        result.Model.Probabilities(text).ShouldNotBe(ensembleProbabilities);
    }

    [Fact]
    public void Batch_predictions_equal_single_ones()
    {
        var model = Trained.Value.Model;

        var batch = model.PredictBatch(Probes);

        for (var i = 0; i < Probes.Length; i++)
        {
            var single = model.Predict(Probes[i]);
            batch[i].Label.ShouldBe(single.Label);
            batch[i].Confidence.ShouldBe(single.Confidence, 1e-5f);
        }
    }

    [Fact]
    public void A_model_with_a_stage_round_trips_and_retraining_gives_the_same_bytes()
    {
        var model = Trained.Value.Model;
        var bytes = ModelArtifact.Serialize(model);

        var loaded = ModelArtifact.Deserialize(bytes);

        var stage = loaded.EncoderStage.ShouldNotBeNull();
        stage.Gate.ShouldBe(1f);
        stage.Temperature.ShouldBe(model.EncoderStage!.Temperature);
        foreach (var text in Probes)
        {
            loaded.Probabilities(text).ShouldBe(model.Probabilities(text));
        }
        ModelArtifact.Serialize(loaded).ShouldBe(bytes);
        ModelArtifact.Serialize(Train(seed: 7).Model).ShouldBe(bytes);
    }

    [Fact]
    public void A_model_trained_with_other_encoder_weights_is_refused_with_the_reason()
    {
        var bytes = ModelArtifact.Serialize(Trained.Value.Model);
        var sha = Encoding.UTF8.GetBytes(MiniLmSentenceEncoder.Shared.WeightsSha256);
        var at = bytes.AsSpan().IndexOf(sha);
        at.ShouldBeGreaterThan(0);
        Encoding.UTF8.GetBytes(new string('0', 64)).CopyTo(bytes, at);
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32), bytes.AsSpan(bytes.Length - 32));

        var message = Should.Throw<ModelFormatException>(() => ModelArtifact.Deserialize(bytes)).Message;

        message.ShouldContain("other weights");
        message.ShouldContain("retrain");
    }

    [Fact]
    public void Unknown_encoders_are_refused_before_training()
    {
        var options = SyntheticIntents.FastOptions() with { EncoderStage = new EncoderStageOptions { Encoder = "bert-huge" } };

        Should.Throw<ArgumentException>(() => IntentTrainer.Train(SyntheticIntents.Generate(5, seed: 1), null, options))
            .Message.ShouldContain("bert-huge");
    }
}
