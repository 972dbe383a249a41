using SpecialistPlatform.MachineLearning.Sequence;

namespace SpecialistPlatform.MachineLearning.Tests;

public sealed class SpanTaggerTests
{
    private static readonly Lazy<SpanTaggerTrainingResult> Trained = new(() =>
        SpanTaggerTrainer.Train(SyntheticSlots.Generate(300, seed: 1), SyntheticSlots.Generate(80, seed: 2), SyntheticSlots.FastOptions()));

    [Fact]
    public void Learns_a_synthetic_slot_task()
    {
        var result = Trained.Value;

        result.Model.Labels.ShouldBe(["date", "name", "people", "time"]);
        result.Validation.ShouldNotBeNull();
        result.Validation.Overall.F1.ShouldBeGreaterThan(0.97);
        result.Model.Metadata.Metrics["validation_f1"].ShouldBe(result.Validation.Overall.F1);
    }

    [Fact]
    public void Finds_exact_spans_with_offsets_and_confidence_in_unseen_text()
    {
        var model = Trained.Value.Model;

        var spans = model.Predict("book a table for six guests on saturday at 8:30 pm");

        spans.Select(s => (s.Label, s.Text)).ShouldBe([("people", "six guests"), ("date", "saturday"), ("time", "8:30 pm")]);
        foreach (var span in spans)
        {
            "book a table for six guests on saturday at 8:30 pm"[span.Start..span.End].ShouldBe(span.Text);
            span.Confidence.ShouldBeInRange(0.5, 1.0);
        }
        model.Predict("just the weather please").ShouldBeEmpty();
        model.Predict("").ShouldBeEmpty();
    }

    [Fact]
    public void Confidence_is_lower_for_an_unfamiliar_span_than_for_a_familiar_one()
    {
        var model = Trained.Value.Model;

        var familiar = model.Predict("book a table for 2 people on friday at 7pm").Single(s => s.Label == "time");
        var odd = model.Predict("book a table for 2 people on friday at quarter-ish maybe").Where(s => s.Label == "time").ToArray();

        familiar.Confidence.ShouldBeGreaterThan(0.9);
        if (odd.Length > 0)
        {
            odd[0].Confidence.ShouldBeLessThan(familiar.Confidence);
        }
    }

    [Fact]
    public void Same_data_and_seed_give_identical_weights()
    {
        var data = SyntheticSlots.Generate(120, seed: 3);

        var a = SpanTaggerTrainer.Train(data, null, SyntheticSlots.FastOptions(seed: 11)).Model;
        var b = SpanTaggerTrainer.Train(data, null, SyntheticSlots.FastOptions(seed: 11)).Model;

        SpanTaggerArtifact.Serialize(a).ShouldBe(SpanTaggerArtifact.Serialize(b));
    }

    [Fact]
    public void Batch_prediction_matches_one_at_a_time()
    {
        var model = Trained.Value.Model;
        var inputs = SyntheticSlots.Generate(50, seed: 9).Select(e => (e.Text, e.RequestedSlots)).ToArray();

        var batch = model.PredictBatch(inputs);

        for (var i = 0; i < inputs.Length; i++)
        {
            batch[i].ShouldBe(model.Predict(inputs[i].Text, inputs[i].RequestedSlots));
        }
    }

    [Fact]
    public void Scores_exact_spans_per_slot_and_overall()
    {
        SpanExample[] gold =
        [
            new("for 2 at 7pm", [new LabeledSpan("people", 4, 5), new LabeledSpan("time", 9, 12)]),
            new("tomorrow", [new LabeledSpan("date", 0, 8)]),
        ];
        IReadOnlyList<PredictedSpan>[] predicted =
        [
            [new PredictedSpan("people", 4, 5, "2", 0.9), new PredictedSpan("time", 6, 12, "at 7pm", 0.8)],
            [new PredictedSpan("date", 0, 8, "tomorrow", 0.9)],
        ];

        var evaluation = SpanEvaluation.Score(gold, predicted);

        evaluation.Overall.ShouldBe(new SpanScore(2, 1, 1));
        evaluation.Overall.F1.ShouldBe(2.0 / 3, 1e-12);
        evaluation.PerSlot["time"].ShouldBe(new SpanScore(0, 1, 1));
        evaluation.PerSlot["people"].F1.ShouldBe(1.0);
        SpanEvaluation.OverlapScore(gold, predicted).ShouldBe(new SpanScore(3, 0, 0));
    }

    [Fact]
    public void Rejects_training_data_without_spans()
    {
        Should.Throw<ArgumentException>(() => SpanTaggerTrainer.Train([new SpanExample("hello there", [])], null, new SpanTaggerOptions()));
    }

    [Fact]
    public void Span_edges_keep_the_punctuation_training_spans_end_with_and_trim_the_rest()
    {
        (IReadOnlyList<SpanToken>, IReadOnlyList<LabeledSpan>) Example(string text, params LabeledSpan[] spans) => (SpanTokenizer.Tokenize(text), spans);
        var edges = SpanEdges.Learn(
        [
            Example("at 7 p.m.", new LabeledSpan("time", 3, 9)),
            Example("8 p.m. then", new LabeledSpan("time", 0, 6)),
            Example("friday, please", new LabeledSpan("date", 0, 7)),
        ]);
        var tokens = SpanTokenizer.Tokenize("on friday, at 9 p.m.");

        edges.Ends.ShouldBe(new Dictionary<string, string> { ["time"] = "." });
        edges.Trim(tokens, 1, 2, "date").ShouldBe((1, 1));
        edges.Trim(tokens, 4, 8, "time").ShouldBe((4, 8));
        edges.Trim(tokens, 2, 2, "date").ShouldBeNull();
    }

    [Fact]
    public void Small_training_sets_get_enough_epochs_for_the_minimum_number_of_updates()
    {
        var options = SyntheticSlots.FastOptions() with { Epochs = 2, MinUpdates = 500 };

        var model = SpanTaggerTrainer.Train(SyntheticSlots.Generate(50, seed: 3), null, options).Model;

        System.Text.Json.Nodes.JsonNode.Parse(model.Metadata.HyperParametersJson)!["epochs"]!.GetValue<int>().ShouldBe(10);
    }

    [Fact]
    public void Tokenizer_splits_digits_from_letters_and_keeps_offsets()
    {
        var tokens = SpanTokenizer.Tokenize("Table for 4, at 7pm on the 23rd!");

        tokens.Select(t => t.Text).ShouldBe(["Table", "for", "4", ",", "at", "7", "pm", "on", "the", "23", "rd", "!"]);
        tokens.ShouldAllBe(t => "Table for 4, at 7pm on the 23rd!".Substring(t.Start, t.End - t.Start) == t.Text);
    }
}

public sealed class LinearChainCrfTests
{
    [Fact]
    public void Scaled_probability_space_span_probabilities_match_the_log_space_ones()
    {
        const int tags = 5;
        const int n = 6;
        var rng = new Random(3);
        var emissions = Enumerable.Range(0, n * tags).Select(_ => rng.NextDouble() * 8 - 4).ToArray();
        var transitions = Enumerable.Range(0, (tags + 1) * tags).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        var allowed = LinearChainCrf.AllowedMatrix(tags);
        var alpha = new double[n * tags];
        var beta = new double[n * tags];
        var logZ = LinearChainCrf.ForwardBackward(n, tags, emissions, transitions, allowed, alpha, beta);
        var exp = LinearChainCrf.ExpTransitions(tags, transitions, allowed);
        var psi = new double[n * tags];
        var alphaHat = new double[n * tags];
        var betaHat = new double[n * tags];
        var scales = new double[n];
        LinearChainCrf.ScaledForwardBackward(n, tags, emissions, exp, TagNeighbours.From(allowed, tags), psi, alphaHat, betaHat, scales);

        for (var first = 0; first < n; first++)
        {
            for (var last = first; last < n; last++)
            {
                for (var label = 0; label < 2; label++)
                {
                    LinearChainCrf.ScaledSpanProbability(n, tags, exp, psi, alphaHat, betaHat, scales, first, last, label)
                        .ShouldBe(LinearChainCrf.SpanProbability(n, tags, emissions, transitions, allowed, alpha, beta, logZ, first, last, label), 1e-9);
                }
            }
        }
    }

    [Fact]
    public void Forward_backward_over_allowed_neighbours_equals_the_sum_over_every_tag_bit_for_bit()
    {
        const int tags = 9;
        const int n = 12;
        var rng = new Random(5);
        var emissions = Enumerable.Range(0, n * tags).Select(_ => rng.NextDouble() * 20 - 10).ToArray();
        var transitions = Enumerable.Range(0, (tags + 1) * tags).Select(_ => (float)(rng.NextDouble() * 6 - 3)).ToArray();
        var allowed = LinearChainCrf.AllowedMatrix(tags);
        var exp = LinearChainCrf.ExpTransitions(tags, transitions, allowed);
        var everyTag = TagNeighbours.From(Enumerable.Repeat(true, allowed.Length).ToArray(), tags);
        (double[] Alpha, double[] Beta, double[] Scales) Run(TagNeighbours neighbours)
        {
            var alpha = new double[n * tags];
            var beta = new double[n * tags];
            var scales = new double[n];
            LinearChainCrf.ScaledForwardBackward(n, tags, emissions, exp, neighbours, new double[n * tags], alpha, beta, scales);
            return (alpha, beta, scales);
        }

        var sparse = Run(TagNeighbours.From(allowed, tags));
        var dense = Run(everyTag);

        sparse.Alpha.ShouldBe(dense.Alpha);
        sparse.Beta.ShouldBe(dense.Beta);
        sparse.Scales.ShouldBe(dense.Scales);
        TagNeighbours.From(allowed, tags).Before[2].ShouldBe([1, 2]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(9)]
    [InlineData(13)]
    public void Vectorized_viterbi_and_forward_backward_equal_the_scalar_loops_bit_for_bit(int tags)
    {
        var rng = new Random(tags);
        var allowed = LinearChainCrf.AllowedMatrix(tags);
        var neighbours = TagNeighbours.From(allowed, tags);
        for (var round = 0; round < 200; round++)
        {
            var n = rng.Next(1, 40);
            // Wide emissions (some far below the rest) and exact ties (a copied value) exercise the maxima and underflows.
            var emissions = Enumerable.Range(0, n * tags).Select(_ => rng.Next(4) == 0 ? -60 + rng.NextDouble() : rng.NextDouble() * 20 - 10).ToArray();
            if (n * tags > 2)
                emissions[1] = emissions[2];
            var transitions = Enumerable.Range(0, (tags + 1) * tags).Select(_ => (float)(rng.NextDouble() * 6 - 3)).ToArray();
            var exp = LinearChainCrf.ExpTransitions(tags, transitions, allowed);

            (int[] Path, double[] Score, int[] Back) Decode(bool vectorized)
            {
                var (score, back, path) = (new double[n * tags], new int[n * tags], new int[n]);
                LinearChainCrf.Viterbi(n, tags, emissions, transitions, allowed, score, back, path, vectorized);
                return (path, score, back);
            }
            (double[] Psi, double[] Alpha, double[] Beta, double[] Scales) Marginals(bool vectorized)
            {
                var (psi, alpha, beta, scales) = (new double[n * tags], new double[n * tags], new double[n * tags], new double[n]);
                LinearChainCrf.ScaledForwardBackward(n, tags, emissions, exp, neighbours, psi, alpha, beta, scales, vectorized);
                return (psi, alpha, beta, scales);
            }

            var (scalarPath, scalarScore, scalarBack) = Decode(false);
            var (vectorPath, vectorScore, vectorBack) = Decode(true);
            vectorPath.ShouldBe(scalarPath);
            vectorBack.Skip(tags).ShouldBe(scalarBack.Skip(tags));
            Bits(vectorScore).ShouldBe(Bits(scalarScore));
            var scalar = Marginals(false);
            var vector = Marginals(true);
            Bits(vector.Alpha).ShouldBe(Bits(scalar.Alpha));
            Bits(vector.Beta).ShouldBe(Bits(scalar.Beta));
            Bits(vector.Scales).ShouldBe(Bits(scalar.Scales));
        }
    }

    private static long[] Bits(double[] values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
