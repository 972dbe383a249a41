using SpecialistPlatform.Compliance.Detection.Tagging;
using SpecialistPlatform.MachineLearning.Artifacts;
using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.Compliance.Detection.Tests;

public class WordPieceClusterTests
{
    private static WordPieceClusters Small() => new(new Dictionary<string, int>
    {
        ["kow"] = 0, ["##al"] = 1, ["##ska"] = 2, ["anna"] = 3, ["oslo"] = 3, ["ł"] = 4, ["##ó"] = 5,
    }, clusterCount: 8);

    [Fact]
    public void A_word_is_split_greedily_into_pieces_and_reports_its_first_and_last_cluster()
    {
        var clusters = Small();
        clusters.Lookup("kowalska").ShouldBe((1UL, 3UL, 3UL));
        clusters.Lookup("anna").ShouldBe((4UL, 0UL, 1UL));
    }

    [Fact]
    public void Combining_marks_are_dropped_as_the_encoder_tokenizer_drops_them()
    {
        // "kowalská" (precomposed á) and "kowalska" read the same; ł has no decomposition and stays itself.
        Small().Lookup("kowalská").ShouldBe(Small().Lookup("kowalska"));
        Small().Lookup("ł").ShouldBe((5UL, 0UL, 1UL));
    }

    [Fact]
    public void A_word_the_vocabulary_cannot_split_gets_the_unknown_cluster()
    {
        Small().Lookup("xyz").ShouldBe((9UL, 0UL, 0UL));
    }

    [Fact]
    public void The_table_round_trips_and_a_damaged_table_is_refused()
    {
        var clusters = Small();
        var bytes = WordPieceClusters.Serialize(clusters.Pieces, clusters.ClusterCount);
        var read = WordPieceClusters.Read(bytes);
        read.Fingerprint.ShouldBe(clusters.Fingerprint);
        read.Lookup("kowalska").ShouldBe(clusters.Lookup("kowalska"));

        bytes[20] ^= 0x40;
        Should.Throw<ModelFormatException>(() => WordPieceClusters.Read(bytes));
    }

    [Fact]
    public void K_means_is_deterministic_and_separates_distinct_directions()
    {
        var random = new Random(1);
        float[] Near(float x, float y)
        {
            var v = new[] { x + (float)random.NextDouble() * 0.05f, y + (float)random.NextDouble() * 0.05f, 0.01f };
            var norm = MathF.Sqrt(v.Sum(c => c * c));
            return v.Select(c => c / norm).ToArray();
        }
        var vectors = Enumerable.Range(0, 40).Select(i => i < 20 ? Near(1, 0) : Near(0, 1)).ToArray();

        var first = WordPieceClusters.KMeans(vectors, 2, seed: 7);
        WordPieceClusters.KMeans(vectors, 2, seed: 7).ShouldBe(first);
        first.Take(20).Distinct().Count().ShouldBe(1);
        first.Skip(20).Distinct().Count().ShouldBe(1);
        first[0].ShouldNotBe(first[20]);
    }

    [Fact]
    public void Cluster_features_are_added_for_the_token_and_its_neighbours_and_the_feature_set_names_the_table()
    {
        var plain = new EntityFeatures(EntityGazetteer.Default, NegativeUtterances.Vocabulary);
        var withClusters = new EntityFeatures(EntityGazetteer.Default, NegativeUtterances.Vocabulary, Small());
        const string text = "I am Anna Kowalska";
        var tokens = SpanTokenizer.Tokenize(text);

        var without = plain.Extract(text, tokens, []);
        var with = withClusters.Extract(text, tokens, []);

        withClusters.FeatureSet.ShouldContain($"+clusters:8:{Small().Fingerprint}");
        plain.FeatureSet.ShouldNotContain("clusters");
        // "Anna": its own three cluster keys and the clusters of its three neighbours ("I", "am" unknown to the small
        // table still have the unknown cluster; past the end there is none); every plain key is still there, in order.
        with[2].Length.ShouldBe(without[2].Length + 3 + 3);
        with[2].Where(without[2].Contains).ShouldBe(without[2]);
    }
}
