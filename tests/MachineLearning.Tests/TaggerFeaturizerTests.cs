using System.Text;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.MachineLearning.Tests;

/// <summary>Taggers with their own feature sets, and pruning: what the personal-data tagger relies on in the ML core.</summary>
public sealed class TaggerFeaturizerTests
{
    /// <summary>The slot features under another name: enough to check that the name travels with the model.</summary>
    private sealed class RenamedFeatures : ITaggerFeaturizer
    {
        public string FeatureSet => "renamed-slots/1";

        public ulong[][] Extract(string text, IReadOnlyList<SpanToken> tokens, IReadOnlyList<string> requestedSlots) =>
            TaggerFeatures.Extract(text, tokens, requestedSlots);
    }

    [Fact]
    public void A_model_with_its_own_feature_set_loads_only_with_those_features()
    {
        var options = SyntheticSlots.FastOptions() with { Featurizer = new RenamedFeatures() };
        var model = SpanTaggerTrainer.Train(SyntheticSlots.Generate(120, seed: 5), null, options).Model;
        var bytes = SpanTaggerArtifact.Serialize(model);

        Encoding.UTF8.GetString(bytes).ShouldContain("\"FeatureSet\":\"renamed-slots/1\"");
        Should.Throw<ModelFormatException>(() => SpanTaggerArtifact.Deserialize(bytes)).Message.ShouldContain("renamed-slots/1");
        var loaded = SpanTaggerArtifact.Deserialize(bytes, new RenamedFeatures());
        foreach (var example in SyntheticSlots.Generate(20, seed: 9))
            loaded.Predict(example.Text).ShouldBe(model.Predict(example.Text));
    }

    [Fact]
    public void Slot_tagger_files_do_not_name_a_feature_set()
    {
        var model = SpanTaggerTrainer.Train(SyntheticSlots.Generate(120, seed: 5), null, SyntheticSlots.FastOptions()).Model;

        Encoding.UTF8.GetString(SpanTaggerArtifact.Serialize(model)).ShouldNotContain("FeatureSet");
    }

    [Fact]
    public void The_flat_key_list_holds_the_same_keys_as_the_per_token_arrays()
    {
        const string text = "table for 4 at 7pm tomorrow, name is Ana";
        var tokens = SpanTokenizer.Tokenize(text);
        ITaggerFeaturizer featurizer = SlotTaggerFeaturizer.Instance;
        var keys = new List<ulong>();
        var ends = new int[tokens.Count];

        featurizer.ExtractInto(text, tokens, ["time"], keys, ends);

        var perToken = featurizer.Extract(text, tokens, ["time"]);
        ends[^1].ShouldBe(keys.Count);
        keys.ShouldBe(perToken.SelectMany(k => k));
        ends.ShouldBe(perToken.Select((_, t) => perToken.Take(t + 1).Sum(k => k.Length)));
    }

    [Fact]
    public void Pruning_drops_rows_with_only_small_weights_and_keeps_the_tagger_working()
    {
        var data = SyntheticSlots.Generate(150, seed: 5);
        var full = SpanTaggerTrainer.Train(data, null, SyntheticSlots.FastOptions()).Model;
        var pruned = SpanTaggerTrainer.Train(data, null, SyntheticSlots.FastOptions() with { PruneBelow = 0.05 }).Model;

        pruned.FeatureRows.ShouldBeLessThan(full.FeatureRows);
        pruned.Metadata.HyperParametersJson.ShouldContain("pruneBelow");
        full.Metadata.HyperParametersJson.ShouldNotContain("pruneBelow");
        var validation = SyntheticSlots.Generate(40, seed: 8);
        SpanEvaluation.Evaluate(pruned, validation).Overall.F1.ShouldBeGreaterThan(0.8 * SpanEvaluation.Evaluate(full, validation).Overall.F1);
    }

    [Fact]
    public void The_weights_of_a_key_add_up_bit_for_bit_to_what_AddWeights_adds()
    {
        var model = SpanTaggerTrainer.Train(SyntheticSlots.Generate(120, seed: 5), null, SyntheticSlots.FastOptions()).Model;
        var tags = model.TagCount;
        var random = new Random(7);
        var known = 0;
        // Every key the model holds, and as many it never saw (random keys).
        foreach (var key in model.Keys.Concat(Enumerable.Range(0, 2000).Select(_ => (ulong)random.NextInt64())))
        {
            var start = Enumerable.Range(0, tags).Select(_ => random.NextDouble() * 10 - 5).ToArray();
            var expected = start.ToArray();
            model.AddWeights([key], expected);
            var weights = model.WeightsOf(key);
            var actual = start.ToArray();
            if (weights is not null)
            {
                known++;
                weights.Length.ShouldBe(tags);
                for (var y = 0; y < tags; y++)
                    actual[y] += weights[y];
            }
            actual.Select(BitConverter.DoubleToInt64Bits).ShouldBe(expected.Select(BitConverter.DoubleToInt64Bits));
        }
        known.ShouldBe(model.Keys.Length);
    }
}
