using System.Buffers.Binary;
using System.Security.Cryptography;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Features;
using SpecialistPlatform.MachineLearning.Models;
using SpecialistPlatform.MachineLearning.Text;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.MachineLearning.Tests;

public sealed class ModelComponentTests
{
    private static IntentTrainingOptions MlpOnly(int seed = 7) => SyntheticIntents.FastOptions(seed) with
    {
        Components = [],
        MlpComponents = [new FeatureOptions { HashBits = 16 }],
        Mlp = new MlpTrainingOptions { Dimension = 16, Hidden = 32, Epochs = 10, LearningRate = 0.05f },
    };

    private static IntentTrainingOptions Mixed(int seed) => SyntheticIntents.FastOptions(seed) with
    {
        Components = [new FeatureOptions { HashBits = 16, Idf = true, WordTrigrams = true }],
        MlpComponents = [new FeatureOptions { HashBits = 16, CharNgramsAcrossWords = true }],
        Linear = new LinearTrainingOptions { Epochs = 6, AverageLastEpochs = 3, LearningRateDecay = 0.1f },
        Mlp = new MlpTrainingOptions { Dimension = 16, Hidden = 32, Epochs = 5, LearningRate = 0.05f },
    };

    [Fact]
    public void Mlp_component_alone_learns_the_synthetic_intents()
    {
        var model = IntentTrainer.Train(SyntheticIntents.Generate(40, seed: 1), null, MlpOnly()).Model;

        var evaluation = IntentEvaluator.Evaluate(model, SyntheticIntents.Generate(10, seed: 99));

        model.Components.ShouldHaveSingleItem().ShouldBeOfType<MlpComponent>();
        evaluation.ArgmaxAccuracy.ShouldBeGreaterThan(0.9);
        model.Predict("hello, my card has not arrived yet").Label.ShouldBe("card_arrival");
    }

    [Fact]
    public void Mlp_with_input_dropout_and_label_smoothing_learns_and_is_byte_identical_for_the_same_seed()
    {
        var data = SyntheticIntents.Generate(40, seed: 1);
        IntentTrainingOptions Regularised(int seed) => MlpOnly(seed) with
        {
            Mlp = MlpOnly(seed).Mlp with { Epochs = 20, InputDropout = 0.5f, LabelSmoothing = 0.1f },
        };

        var model = IntentTrainer.Train(data, null, Regularised(7)).Model;
        var again = IntentTrainer.Train(data, null, Regularised(7)).Model;
        var withoutDropout = IntentTrainer.Train(data, null, MlpOnly(7)).Model;

        IntentEvaluator.Evaluate(model, SyntheticIntents.Generate(10, seed: 99)).ArgmaxAccuracy.ShouldBeGreaterThan(0.9);
        ModelArtifact.Serialize(again).ShouldBe(ModelArtifact.Serialize(model));
        ModelArtifact.Serialize(withoutDropout).ShouldNotBe(ModelArtifact.Serialize(model));
    }

    [Fact]
    public void Linear_component_with_feature_dropout_learns_the_synthetic_intents()
    {
        var options = SyntheticIntents.FastOptions() with { Linear = new LinearTrainingOptions { Epochs = 5, FeatureDropout = 0.3f } };
        var model = IntentTrainer.Train(SyntheticIntents.Generate(40, seed: 1), null, options).Model;

        IntentEvaluator.Evaluate(model, SyntheticIntents.Generate(10, seed: 99)).ArgmaxAccuracy.ShouldBeGreaterThan(0.9);
    }

    [Theory]
    [InlineData(-0.1f, 0f)]
    [InlineData(1f, 0f)]
    [InlineData(0f, 1f)]
    public void Dropout_or_label_smoothing_outside_0_to_1_is_rejected(float dropout, float smoothing)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new MlpTrainingOptions { InputDropout = dropout, LabelSmoothing = smoothing }.Validate());
    }

    [Fact]
    public void Hinge_loss_component_learns_the_synthetic_intents()
    {
        var options = SyntheticIntents.FastOptions() with { Linear = new LinearTrainingOptions { Epochs = 5, Loss = LinearLoss.Hinge } };
        var model = IntentTrainer.Train(SyntheticIntents.Generate(40, seed: 1), null, options).Model;

        IntentEvaluator.Evaluate(model, SyntheticIntents.Generate(10, seed: 99)).ArgmaxAccuracy.ShouldBeGreaterThan(0.9);
    }

    [Fact]
    public void Mixed_linear_and_mlp_ensemble_is_byte_identical_for_the_same_seed()
    {
        var data = SyntheticIntents.Generate(30, seed: 3);

        var first = ModelArtifact.Serialize(IntentTrainer.Train(data, null, Mixed(seed: 11)).Model);
        var second = ModelArtifact.Serialize(IntentTrainer.Train(data, null, Mixed(seed: 11)).Model);
        var otherSeed = ModelArtifact.Serialize(IntentTrainer.Train(data, null, Mixed(seed: 12)).Model);

        second.ShouldBe(first);
        otherSeed.ShouldNotBe(first);
    }

    [Fact]
    public void Mixed_ensemble_with_idf_round_trips_through_the_artifact()
    {
        var model = IntentTrainer.Train(SyntheticIntents.Generate(30, seed: 3), null, Mixed(seed: 5)).Model;

        var loaded = ModelArtifact.Deserialize(ModelArtifact.Serialize(model));

        loaded.Components.Select(c => c.Kind).ShouldBe([LinearComponent.KindName, MlpComponent.KindName]);
        loaded.Components[0].Space.Idf.ShouldNotBeNull();
        foreach (var text in new[] { "where is my card", "tell me a joke", "top up failed", "" })
        {
            loaded.Probabilities(text).ShouldBe(model.Probabilities(text));
        }
    }

    [Fact]
    public void Version_1_model_files_are_rejected_with_the_version_named()
    {
        var bytes = ModelArtifact.Serialize(IntentTrainer.Train(SyntheticIntents.Generate(10, seed: 3), null, SyntheticIntents.FastOptions()).Model);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), 1);
        SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32), bytes.AsSpan(bytes.Length - 32));

        var message = Should.Throw<ModelFormatException>(() => ModelArtifact.Deserialize(bytes)).Message;

        message.ShouldContain("version 1");
        message.ShouldContain($"versions 2 to {ModelArtifact.FormatVersion}");
    }

    [Fact]
    public void Predictions_are_the_same_in_parallel_and_one_at_a_time()
    {
        var model = IntentTrainer.Train(SyntheticIntents.Generate(30, seed: 3), null, Mixed(seed: 5)).Model;
        var texts = SyntheticIntents.Generate(20, seed: 8).Select(e => e.Text).ToArray();

        var batch = model.PredictBatch(texts);

        batch.ShouldBe(texts.Select(model.Predict).ToArray());
    }

    [Fact]
    public void Idf_gives_a_word_in_every_text_less_weight_than_a_rare_one()
    {
        var texts = new[] { "card one", "card two", "card three", "card four" };
        var options = new FeatureOptions { HashBits = 16, Idf = true, WordBigrams = false, CharNgramMin = 0 };
        var space = SoftmaxTrainer.BuildSpace(options, texts, minCount: 1);

        var vector = space.Vectorize("card one");

        vector.Count.ShouldBe(2);
        var card = vector.Values[0];
        var one = vector.Values[1];
        one.ShouldBeGreaterThan(card);
        (card * card + one * one).ShouldBe(1f, 1e-5);
    }

    [Fact]
    public void Word_trigrams_and_cross_word_character_ngrams_add_features()
    {
        const string text = "my card has not arrived";
        var plain = new FeatureHasher(new FeatureOptions { HashBits = 20 }).Transform(text);
        var trigrams = new FeatureHasher(new FeatureOptions { HashBits = 20, WordTrigrams = true }).Transform(text);
        var across = new FeatureHasher(new FeatureOptions { HashBits = 20, WordUnigrams = false, WordBigrams = false, CharNgramsAcrossWords = true }).Transform(text);
        var within = new FeatureHasher(new FeatureOptions { HashBits = 20, WordUnigrams = false, WordBigrams = false }).Transform(text);

        trigrams.Count.ShouldBe(plain.Count + 5); // one per word position, the last ending at the sentence marker
        across.Count.ShouldBeGreaterThan(within.Count);
    }

    [Theory]
    [InlineData("Where's my CARD?? It hasn't   arrived\tyet")]
    [InlineData("  I paid $5 + tip; rate <= 1.2 | ok ~ `quoted` ^caret_under-score  ")]
    [InlineData("dogs' toys 'quoted' don't x'y 'a")]
    [InlineData("tab\tand\u007Fdelete\u0001control")]
    public void Ascii_fast_path_matches_the_general_unicode_path(string text)
    {
        // A trailing no-break space is not ASCII (so the general path runs) and normalises away.
        TextNormalizer.Normalize(text).ShouldBe(TextNormalizer.Normalize(text + "\u00A0"));
        var normalized = TextNormalizer.Normalize(text);
        var general = TextNormalizer.Tokenize(normalized + " \u00E9");
        general.RemoveAt(general.Count - 1);

        TextNormalizer.Tokenize(normalized).ShouldBe(general);
    }
    [Fact]
    public void Members_reusing_a_featurised_block_get_the_same_vectors_as_alone()
    {
        var texts = SyntheticIntents.Generate(5, seed: 4).Select(e => e.Text).ToArray();
        var full = SoftmaxTrainer.BuildSpace(new FeatureOptions { HashBits = 16 }, texts, minCount: 1);
        var chars = SoftmaxTrainer.BuildSpace(new FeatureOptions { HashBits = 16, WordUnigrams = false, WordBigrams = false, CharNgramMax = 4 }, texts, minCount: 1);
        var words = SoftmaxTrainer.BuildSpace(new FeatureOptions { HashBits = 16, CharNgramMin = 0, CharNgramMax = 0 }, texts, minCount: 1);

        foreach (var text in texts)
        {
            var alone = full.Vectorize(new string(text.AsSpan()));
            words.Vectorize(text);
            chars.Vectorize(text);
            var afterOthers = full.Vectorize(text);

            afterOthers.Indices.ShouldBe(alone.Indices);
            afterOthers.Values.ShouldBe(alone.Values);
            chars.Vectorize(text).Values.ShouldBe(chars.Vectorize(new string(text.AsSpan())).Values);
        }
    }
}
