using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SpecialistPlatform.MachineLearning.Sequence;

/// <summary>Hyper-parameters of the CRF tagger.</summary>
public sealed record SpanTaggerOptions
{
    public int Seed { get; init; } = 42;

    public int Epochs { get; init; } = 15;

    /// <summary>
    /// Small data sets get more epochs, so that training makes at least this many updates (examples x epochs):
    /// 15 passes over 221 examples leave SGD far from converged. 0 keeps <see cref="Epochs"/> whatever the size.
    /// </summary>
    public int MinUpdates { get; init; } = 8000;

    /// <summary>Initial SGD step size; it then decays as 1 / (lambda * (t0 + t)).</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>L2 coefficient C over the whole training set (the objective is NLL + C/2 |w|^2); 0 disables it.</summary>
    public double L2 { get; init; } = 0.3;

    /// <summary>
    /// Share of a token's features left out of each training step (seeded), so that general features
    /// (shapes, word classes, context) carry weight and not only the rare words that identify an example.
    /// </summary>
    /// <remarks>
    /// Null (the default) sets it from the data: <see cref="AutoDropoutFactor"/> times the Good-Turing estimate of
    /// the unseen share of feature occurrences (singleton features / all occurrences), capped at 0.75. The
    /// weights are not rescaled, so this also shifts weight from transitions to the token evidence: much for small
    /// data sets, whose test texts are full of unseen features, little for large ones.
    /// </remarks>
    public double? FeatureDropout { get; init; }

    /// <summary>Models trained with seeds Seed, Seed + 1, ... whose weights are averaged (in parallel; deterministic).</summary>
    public int Members { get; init; } = 3;

    /// <summary>Multiplier of the Good-Turing unseen share when <see cref="FeatureDropout"/> is automatic.</summary>
    public double AutoDropoutFactor { get; init; } = 7.0;

    /// <summary>The <see cref="TaggerFeatures"/> version to train with (earlier versions reproduce earlier models).</summary>
    public int FeatureVersion { get; init; } = TaggerFeatures.Version;

    /// <summary>Trim predicted spans of punctuation that no (or one) training span of the slot starts or ends with (<see cref="SpanEdges"/>).</summary>
    public bool TrimSpanEdges { get; init; } = true;

    /// <summary>Features seen fewer times than this in training are dropped.</summary>
    public int MinFeatureCount { get; init; } = 1;

    /// <summary>
    /// After training, feature rows whose largest absolute weight is below this are removed (0 keeps all). A row
    /// that small barely moves any score, but every row costs memory and cache misses while tagging.
    /// </summary>
    public double PruneBelow { get; init; }

    /// <summary>The features to train with; null means the slot tagger's (<see cref="TaggerFeatures"/>).</summary>
    public ITaggerFeaturizer? Featurizer { get; init; }
}

public sealed record SpanTaggerTrainingResult(
    SpanTagger Model,
    TimeSpan Elapsed,
    int TrainingExamples,
    int ValidationExamples,
    int SpansDropped,
    SpanEvaluation? Validation);

/// <summary>
/// Trains a linear-chain CRF by L2-regularised SGD on the log-likelihood, one sentence at a time in a seeded shuffled
/// order. Featurising runs on all cores (each sentence independently, so it cannot change results); the
/// updates are sequential, so the same data, options and seed give the same weights (on the same CPU).
/// </summary>
public static class SpanTaggerTrainer
{
    private sealed record Sequence(int[][] Rows, int[] Gold);

    public static SpanTaggerTrainingResult Train(IReadOnlyList<SpanExample> training, IReadOnlyList<SpanExample>? validation,
        SpanTaggerOptions options, Action<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(training);
        if (training.Count == 0)
        {
            throw new ArgumentException("There are no training examples.");
        }
        if (options.Epochs < 1 || options.LearningRate <= 0 || options.L2 < 0 || options.MinFeatureCount < 1 || options.FeatureDropout is < 0 or >= 1 || options.AutoDropoutFactor < 0 || options.Members < 1 || options.MinUpdates < 0)
        {
            throw new ArgumentException("Epochs and min feature count must be at least 1, the learning rate positive and L2 non-negative.");
        }
        if (!TaggerFeatures.IsSupported(options.FeatureVersion))
        {
            throw new ArgumentException($"Feature version {options.FeatureVersion} is unknown: versions 1 to {TaggerFeatures.Version} exist.");
        }
        var stopwatch = Stopwatch.StartNew();
        var labels = training.SelectMany(e => e.Spans).Select(s => s.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (labels.Length == 0)
        {
            throw new ArgumentException("The training examples have no spans, so there is nothing to learn.");
        }
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var tags = 2 * labels.Length + 1;
        var featurizer = options.Featurizer ?? SlotTaggerFeaturizer.For(options.FeatureVersion);

        var featurised = new (ulong[][] Features, int[] Gold, int Dropped)[training.Count];
        var tokenised = new List<SpanToken>[training.Count];
        Parallel.For(0, training.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var example = training[i];
            var tokens = tokenised[i] = SpanTokenizer.Tokenize(example.Text);
            var (gold, dropped) = GoldTags(tokens, example.Spans, labelIndex);
            featurised[i] = (featurizer.Extract(example.Text, tokens, example.RequestedSlots), gold, dropped);
        });

        // Rows in order of first appearance in data order: deterministic whatever the threads did.
        var counts = new Dictionary<ulong, int>();
        var order = new List<ulong>();
        foreach (var (features, _, _) in featurised)
        {
            foreach (var token in features)
            {
                foreach (var key in token)
                {
                    if (counts.TryGetValue(key, out var c))
                    {
                        counts[key] = c + 1;
                    }
                    else
                    {
                        counts[key] = 1;
                        order.Add(key);
                    }
                }
            }
        }
        var keys = order.Where(k => counts[k] >= options.MinFeatureCount).ToArray();
        var rowOf = new Dictionary<ulong, int>(keys.Length);
        for (var r = 0; r < keys.Length; r++)
        {
            rowOf[keys[r]] = r;
        }
        var sequences = featurised
            .Where(f => f.Gold.Length > 0)
            .Select(f => new Sequence(f.Features.Select(t => t.Where(rowOf.ContainsKey).Select(k => rowOf[k]).ToArray()).ToArray(), f.Gold))
            .ToArray();

        // Not rescaled: training sees weaker evidence than prediction will, which is what a text with unseen words
        // gives; the default rate is the Good-Turing estimate of the share of feature occurrences that are unseen.
        var singletons = counts.Values.Count(c => c == 1);
        var occurrences = counts.Values.Sum(c => (long)c);
        var unseenMass = occurrences == 0 ? 0 : (double)singletons / occurrences;
        var dropout = options.FeatureDropout ?? Math.Min(0.75, options.AutoDropoutFactor * unseenMass);
        // Members differ only in seed; each is sequential, so running them in parallel cannot change a result,
        // and their weights are averaged in member order.
        var epochs = Math.Max(options.Epochs, sequences.Length == 0 ? 0 : (int)Math.Ceiling((double)options.MinUpdates / sequences.Length));
        var members = new (float[] Weights, float[] Transitions)[options.Members];
        var done = new double[options.Members];
        Parallel.For(0, options.Members, new ParallelOptions { CancellationToken = cancellationToken }, m =>
            members[m] = TrainMember(sequences, keys.Length, tags, options, epochs, dropout, options.Seed + m, finished =>
            {
                done[m] = finished;
                progress?.Invoke(done.Sum() / ((double)epochs * options.Members));
            }, cancellationToken));
        var weights = members[0].Weights;
        var transitions = members[0].Transitions;
        for (var m = 1; m < members.Length; m++)
        {
            for (var i = 0; i < weights.Length; i++)
            {
                weights[i] += members[m].Weights[i];
            }
            for (var i = 0; i < transitions.Length; i++)
            {
                transitions[i] += members[m].Transitions[i];
            }
        }
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= members.Length;
        }
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] /= members.Length;
        }

        if (options.PruneBelow > 0)
        {
            (keys, weights) = Pruned(keys, weights, tags, options.PruneBelow);
        }

        var metadata = new SpanTaggerMetadata
        {
            TrainingDataSha256 = DataSha256(training, validation),
            HyperParametersJson = JsonSerializer.Serialize(new
            {
                model = "linear-chain-crf",
                tagScheme = "BIO",
                featureVersion = options.FeatureVersion,
                seed = options.Seed,
                epochs,
                minUpdates = options.MinUpdates,
                trimSpanEdges = options.TrimSpanEdges,
                learningRate = options.LearningRate,
                l2 = options.L2,
                minFeatureCount = options.MinFeatureCount,
                members = options.Members,
                featureDropout = dropout,
                unseenFeatureShare = unseenMass,
            }),
        };
        if (options.PruneBelow > 0)
        {
            // Only when used, so that the header of an unpruned model is what it was before pruning existed.
            var hyper = System.Text.Json.Nodes.JsonNode.Parse(metadata.HyperParametersJson)!.AsObject();
            hyper["pruneBelow"] = options.PruneBelow;
            metadata = metadata with { HyperParametersJson = hyper.ToJsonString() };
        }
        var edges = options.TrimSpanEdges ? SpanEdges.Learn(training.Select((e, i) => ((IReadOnlyList<SpanToken>)tokenised[i], e.Spans))) : null;
        var model = new SpanTagger(labels, keys, weights, transitions, metadata, featurizer, edges);
        var elapsed = stopwatch.Elapsed;

        SpanEvaluation? evaluation = null;
        if (validation is { Count: > 0 })
        {
            evaluation = SpanEvaluation.Evaluate(model, validation, cancellationToken);
            var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal)
            {
                ["validation_precision"] = evaluation.Overall.Precision,
                ["validation_recall"] = evaluation.Overall.Recall,
                ["validation_f1"] = evaluation.Overall.F1,
                ["validation_examples"] = validation.Count,
            };
            foreach (var (label, score) in evaluation.PerSlot)
            {
                metrics[$"validation_f1_{label}"] = score.F1;
            }
            model = new SpanTagger(labels, keys, weights, transitions, metadata with { Metrics = metrics }, featurizer, edges);
        }
        var dropped = featurised.Sum(f => f.Dropped);
        return new SpanTaggerTrainingResult(model, elapsed, training.Count, validation?.Count ?? 0, dropped, evaluation);
    }

    /// <summary>One SGD run over the sequences with its own seed (shuffle order and dropout masks).</summary>
    private static (float[] Weights, float[] Transitions) TrainMember(Sequence[] sequences, int rows, int tags, SpanTaggerOptions options,
        int epochs, double dropout, int seed, Action<double>? progress, CancellationToken cancellationToken)
    {
        // SGD with L2 (as CRFsuite's l2sgd): the weights are scale * v, so the decay every step costs O(1);
        // the step size falls as 1 / (lambda * (t0 + t)), starting at the learning rate.
        var v = new double[rows * tags];
        var tv = new double[(tags + 1) * tags];
        var scale = 1.0;
        var lambda = options.L2 / sequences.Length;
        var t0 = lambda > 0 ? 1.0 / (lambda * options.LearningRate) : 0;
        var step = 0L;
        var allowed = LinearChainCrf.AllowedMatrix(tags);
        var neighbours = TagNeighbours.From(allowed, tags);
        var random = new Random(seed);
        var indices = Enumerable.Range(0, sequences.Length).ToArray();
        var maxLength = sequences.Length == 0 ? 0 : sequences.Max(s => s.Gold.Length);
        var alpha = new double[maxLength * tags];
        var beta = new double[maxLength * tags];
        var psi = new double[maxLength * tags];
        var scales = new double[maxLength];
        var emissions = new double[maxLength * tags];
        var marginals = new double[maxLength * tags];
        var transitions = new float[(tags + 1) * tags];
        var transitionGrad = new double[transitions.Length];

        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(indices);
            for (var s = 0; s < indices.Length; s++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var eta = lambda > 0 ? 1.0 / (lambda * (t0 + step)) : options.LearningRate;
                step++;
                var sequence = sequences[indices[s]];
                var n = sequence.Gold.Length;
                var rowsAt = dropout > 0 ? Dropped(sequence.Rows, dropout, random) : sequence.Rows;
                Array.Clear(emissions, 0, n * tags);
                for (var t = 0; t < n; t++)
                {
                    foreach (var r in rowsAt[t])
                    {
                        for (var y = 0; y < tags; y++)
                        {
                            emissions[t * tags + y] += v[r * tags + y];
                        }
                    }
                    for (var y = 0; y < tags; y++)
                    {
                        emissions[t * tags + y] *= scale;
                    }
                }
                for (var i = 0; i < transitions.Length; i++)
                {
                    transitions[i] = (float)(scale * tv[i]);
                }
                // Probability space with per-step scaling: no exponentials in the T x T loops.
                var expTransitions = LinearChainCrf.ExpTransitions(tags, transitions, allowed);
                LinearChainCrf.ScaledForwardBackward(n, tags, emissions, expTransitions, neighbours, psi, alpha, beta, scales);
                for (var t = 0; t < n; t++)
                {
                    for (var y = 0; y < tags; y++)
                    {
                        marginals[t * tags + y] = alpha[t * tags + y] * beta[t * tags + y];
                    }
                    marginals[t * tags + sequence.Gold[t]] -= 1;
                }

                // Transitions: expected minus observed counts (start row included; marginals at t = 0 hold p - gold).
                Array.Clear(transitionGrad);
                for (var y = 0; y < tags; y++)
                {
                    transitionGrad[tags * tags + y] += marginals[y];
                }
                for (var t = 1; t < n; t++)
                {
                    for (var p = 0; p < tags; p++)
                    {
                        var a = alpha[(t - 1) * tags + p] / scales[t];
                        if (a == 0)
                        {
                            continue;
                        }
                        for (var y = 0; y < tags; y++)
                        {
                            if (allowed[p * tags + y])
                            {
                                transitionGrad[p * tags + y] += a * expTransitions[p * tags + y] * psi[t * tags + y] * beta[t * tags + y];
                            }
                        }
                    }
                    transitionGrad[sequence.Gold[t - 1] * tags + sequence.Gold[t]] -= 1;
                }

                // L2 decay of every weight at once, then the sparse gradient step.
                scale *= 1 - eta * lambda;
                if (scale < 1e-9)
                {
                    for (var i = 0; i < v.Length; i++)
                    {
                        v[i] *= scale;
                    }
                    for (var i = 0; i < tv.Length; i++)
                    {
                        tv[i] *= scale;
                    }
                    scale = 1;
                }
                var gain = eta / scale;
                for (var t = 0; t < n; t++)
                {
                    foreach (var r in rowsAt[t])
                    {
                        for (var y = 0; y < tags; y++)
                        {
                            v[r * tags + y] -= gain * marginals[t * tags + y];
                        }
                    }
                }
                for (var i = 0; i < tv.Length; i++)
                {
                    if (allowed[i])
                    {
                        tv[i] -= gain * transitionGrad[i];
                    }
                }
            }
            progress?.Invoke(epoch + 1.0);
        }
        var weights = new float[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            weights[i] = (float)(scale * v[i]);
        }
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] = (float)(scale * tv[i]);
        }

        return (weights, transitions);
    }

    private static (ulong[] Keys, float[] Weights) Pruned(ulong[] keys, float[] weights, int tags, double threshold)
    {
        var keptKeys = new List<ulong>(keys.Length);
        var keptWeights = new List<float>(weights.Length);
        for (var r = 0; r < keys.Length; r++)
        {
            var row = weights.AsSpan(r * tags, tags);
            var max = 0.0;
            foreach (var w in row)
            {
                max = Math.Max(max, Math.Abs(w));
            }
            if (max >= threshold)
            {
                keptKeys.Add(keys[r]);
                keptWeights.AddRange(row);
            }
        }
        return (keptKeys.ToArray(), keptWeights.ToArray());
    }

    private static int[][] Dropped(int[][] rows, double dropout, Random random)
    {
        var kept = new int[rows.Length][];
        for (var t = 0; t < rows.Length; t++)
        {
            kept[t] = rows[t].Where(_ => random.NextDouble() >= dropout).ToArray();
        }
        return kept;
    }

    /// <summary>BIO tags for the tokens; a span that overlaps an earlier one (or covers no token) is dropped and counted.</summary>
    internal static (int[] Tags, int Dropped) GoldTags(IReadOnlyList<SpanToken> tokens, IReadOnlyList<LabeledSpan> spans, IReadOnlyDictionary<string, int> labelIndex)
    {
        var tags = new int[tokens.Count];
        var dropped = 0;
        foreach (var span in spans.OrderBy(s => s.Start).ThenBy(s => s.End))
        {
            if (!labelIndex.TryGetValue(span.Label, out var label))
            {
                dropped++;
                continue;
            }
            var covered = new List<int>();
            for (var t = 0; t < tokens.Count; t++)
            {
                if (tokens[t].Start < span.End && tokens[t].End > span.Start)
                {
                    covered.Add(t);
                }
            }
            if (covered.Count == 0 || covered.Any(t => tags[t] != 0))
            {
                dropped++;
                continue;
            }
            tags[covered[0]] = 2 * label + 1;
            foreach (var t in covered.Skip(1))
            {
                tags[t] = 2 * label + 2;
            }
        }
        return (tags, dropped);
    }

    /// <summary>SHA-256 over the examples used, training then validation, each "text\tlabel:start-end,...\trequested\n" in UTF-8.</summary>
    internal static string DataSha256(IReadOnlyList<SpanExample> training, IReadOnlyList<SpanExample>? validation)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var example in training.Concat(validation ?? []))
        {
            var line = example.Text + "\t"
                + string.Join(",", example.Spans.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Label}:{s.Start}-{s.End}")))
                + "\t" + string.Join(",", example.RequestedSlots) + "\n";
            hash.AppendData(Encoding.UTF8.GetBytes(line));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
