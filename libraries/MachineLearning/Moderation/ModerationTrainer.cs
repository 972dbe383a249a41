using System.Diagnostics;
using System.Text.Json;
using SpecialistPlatform.MachineLearning.Features;
using SpecialistPlatform.MachineLearning.Models;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.MachineLearning.Moderation;

/// <summary>What a moderation training run produced and measured on its validation data.</summary>
public sealed record ModerationTrainingResult(
    ModerationModel Model,
    IReadOnlyList<ModerationCategoryReport> Validation,
    int TrainingExamples,
    int ValidationExamples,
    TimeSpan Elapsed);

public static class ModerationTrainer
{
    public static ModerationTrainingResult Train(ModerationData data, ModerationTrainingOptions options,
        Action<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options.Validate();
        var stopwatch = Stopwatch.StartNew();
        if (data.Training.Count == 0 || data.Validation.Count == 0)
        {
            throw new ArgumentException("Moderation training needs training and validation examples.", nameof(data));
        }

        progress?.Invoke(new TrainingProgress("featurising", 0));
        var texts = data.Training.Select(e => e.Text).ToArray();
        // Segments are parts of training texts, so they bring no new n-gram; left out of the space, they leave it
        // (and with it every other head) as it is without them.
        var space = SoftmaxTrainer.BuildSpace(options.Features, data.Training.Where(e => !ModerationDataset.IsSegment(e) && !ModerationDataset.IsRequest(e)).Select(e => e.Text).ToArray(),
            options.Linear.MinCount, cancellationToken);
        var rows = SoftmaxTrainer.Vectorize(space, texts, cancellationToken);

        var categories = ModerationCategories.All;
        // One job per component: each category's own (whole texts and windows), and for a category that scores
        // segments, its segment component (lines and sentences only).
        // And for such a category, its request component (ordinary requests against clean contexts' segments).
        var jobs = categories.Select((_, c) => (Category: c, Kind: Part.Whole))
            .Concat(categories.Select((_, c) => (Category: c, Kind: Part.Segment)).Where(j => ScoresSegments(categories[j.Category], options)))
            .Concat(categories.Select((_, c) => (Category: c, Kind: Part.Request)).Where(j => ScoresSegments(categories[j.Category], options) && options.RequestWeights.Any(w => w != 0)))
            .ToArray();
        var components = new LinearComponent[categories.Count];
        var segmentComponents = new LinearComponent?[categories.Count];
        var requestComponents = new LinearComponent?[categories.Count];
        var done = 0;
        // Components are independent, so training them in parallel cannot change any of them.
        Parallel.For(0, jobs.Length, new ParallelOptions { CancellationToken = cancellationToken }, j =>
        {
            var (c, kind) = jobs[j];
            Func<ModerationExample, bool> included = kind switch
            {
                Part.Whole => e => !ModerationDataset.IsSegment(e) && !ModerationDataset.IsRequest(e),
                Part.Segment => ModerationDataset.IsSegment,
                _ => e => ModerationDataset.IsRequest(e) || ModerationDataset.IsContextSegment(e),
            };
            var (vectors, labels) = HeadData(data.Training, rows, categories[c], options.MinPositiveShare, included);
            if (labels.Distinct().Count() < 2)
            {
                throw new ArgumentException($"The training data has no {(labels.Contains(1) ? "negative" : "positive")} {kind.ToString().ToLowerInvariant()} example of '{categories[c]}'.", nameof(data));
            }
            var component = SoftmaxTrainer.Train(space, vectors, labels, 2, options.Linear, options.Seed + 7919 * c + kind switch { Part.Segment => 104729, Part.Request => 130363, _ => 0 },
                cancellationToken: cancellationToken);
            switch (kind)
            {
                case Part.Segment:
                    segmentComponents[c] = component;
                    break;
                case Part.Request:
                    requestComponents[c] = component;
                    break;
                default:
                    components[c] = component;
                    break;
            }
            progress?.Invoke(new TrainingProgress("training", 0.1 + 0.8 * Interlocked.Increment(ref done) / jobs.Length));
        });

        progress?.Invoke(new TrainingProgress("calibrating", 0.9));
        // Margins without the segments first; each segment's margin and novelty apart, so that the novelty weight can
        // be chosen on validation without scoring the texts again.
        var uncalibrated = new ModerationModel(space,
            categories.Select((c, i) => new ModerationHead(c, components[i], PlattScaling.Identity, 0.5, options.Targets[c], WindowWords(c, options))).ToArray(), new ModelMetadata());
        var segmentHeads = categories.Select((c, i) => segmentComponents[i] is null ? null
            : new ModerationHead(c, components[i], PlattScaling.Identity, 0.5, options.Targets[c], WindowWords(c, options), segmentComponents[i], 0, requestComponents[i])).ToArray();
        var margins = new float[data.Validation.Count][];
        var segmentParts = new (float Margin, float Novelty, float Request)[]?[categories.Count][];
        for (var c = 0; c < categories.Count; c++)
        {
            segmentParts[c] = new (float, float, float)[]?[data.Validation.Count];
        }
        Parallel.For(0, data.Validation.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            margins[i] = uncalibrated.Margins(data.Validation[i].Text);
            for (var c = 0; c < categories.Count; c++)
            {
                if (segmentHeads[c] is { } head)
                {
                    segmentParts[c][i] = uncalibrated.SegmentParts(data.Validation[i].Text, head);
                }
            }
        });
        var noveltyWeights = new float[categories.Count];
        var requestWeights = new float[categories.Count];

        var heads = new ModerationHead[categories.Count];
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["training_examples"] = data.Training.Count,
            ["validation_examples"] = data.Validation.Count,
            ["feature_rows"] = space.Rows,
        };
        for (var c = 0; c < categories.Count; c++)
        {
            var category = categories[c];
            var judged = Enumerable.Range(0, data.Validation.Count).Where(i => data.Validation[i].Label(category) is not null).ToArray();
            var positive = judged.Select(i => data.Validation[i].Label(category)!.Value).ToArray();
            var sources = options.ThresholdSources.GetValueOrDefault(category);
            var chosenOn = Enumerable.Range(0, judged.Length).Where(k => ModerationTrainingOptions.FromSources(data.Validation[judged[k]].Source, sources)).ToArray();
            (float[] Margins, PlattScaling Calibration, double[] After, ThresholdChoice Choice) Fit(float noveltyWeight, float requestWeight)
            {
                var categoryMargins = judged.Select(i => segmentParts[c][i] is { } parts
                    ? parts.Aggregate(margins[i][c], (m, p) => Math.Max(m, ModerationHead.SegmentScore(p.Margin, p.Novelty, p.Request, noveltyWeight, requestWeight)))
                    : margins[i][c]).ToArray();
                var calibration = PlattScaling.Fit(categoryMargins, positive);
                var after = categoryMargins.Select(m => (double)calibration.Probability(m)).ToArray();
                var choice = ThresholdSelector.Choose(options.Targets[category], chosenOn.Select(k => after[k]).ToArray(), chosenOn.Select(k => positive[k]).ToArray());
                return (categoryMargins, calibration, after, choice);
            }
            // The novelty and request weights of a head that scores segments: the pair whose threshold, chosen for the
            // head's target on validation, catches the most (ties go to the smaller request weight, then the smaller
            // novelty weight; 0 is a candidate of each).
            var fit = Fit(0, 0);
            if (segmentComponents[c] is not null)
            {
                var requestCandidates = requestComponents[c] is null ? [0f] : options.RequestWeights.Append(0f).Distinct().Order().ToArray();
                foreach (var requestWeight in requestCandidates)
                {
                    foreach (var noveltyWeight in options.NoveltyWeights.Append(0f).Distinct().Order())
                    {
                        if (noveltyWeight == 0 && requestWeight == 0)
                        {
                            continue;
                        }
                        var candidate = Fit(noveltyWeight, requestWeight);
                        metrics[string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{category}_recall_at_weights_{noveltyWeight}_{requestWeight}")] = candidate.Choice.Point.Recall;
                        if (candidate.Choice.Point.Recall > fit.Choice.Point.Recall)
                        {
                            fit = candidate;
                            noveltyWeights[c] = noveltyWeight;
                            requestWeights[c] = requestWeight;
                        }
                    }
                }
                metrics[$"{category}_novelty_weight"] = noveltyWeights[c];
                metrics[$"{category}_request_weight"] = requestWeights[c];
            }
            var (categoryMarginsChosen, calibration, after, choice) = fit;
            var before = categoryMarginsChosen.Select(m => (double)PlattScaling.Identity.Probability(m)).ToArray();
            // A request component that validation gave no weight is left out of the model.
            heads[c] = new ModerationHead(category, components[c], calibration, choice.Point.Threshold, options.Targets[category], WindowWords(category, options), segmentComponents[c],
                noveltyWeights[c], requestWeights[c] != 0 ? requestComponents[c] : null, requestWeights[c]);
            metrics[$"{category}_threshold"] = choice.Point.Threshold;
            metrics[$"{category}_target_met"] = choice.TargetMet ? 1 : 0;
            metrics[$"{category}_ece_before_calibration"] = ModerationEvaluator.BinaryEce(before, positive);
        }
        var model = new ModerationModel(space, heads, new ModelMetadata
        {
            Task = ModerationArtifact.Task,
            TrainingDataSha256 = IntentTrainer.DataSha256(Canonical(data.Training), Canonical(data.Validation)),
            HyperParametersJson = JsonSerializer.Serialize(new
            {
                options.Seed, options.Features, options.Linear, options.MinPositiveShare, options.InjectionWindowWords, options.InjectionSegments, options.NoveltyWeights, options.RequestWeights, options.ThresholdSources,
                Targets = options.Targets.ToDictionary(kv => kv.Key, kv => kv.Value.Describe()),
            }),
            Metrics = metrics,
        });
        var report = ModerationEvaluator.Evaluate(model, data.Validation, cancellationToken);
        foreach (var r in report)
        {
            metrics[$"{r.Category}_validation_auprc"] = r.AveragePrecision;
            metrics[$"{r.Category}_validation_precision"] = r.AtThreshold.Precision;
            metrics[$"{r.Category}_validation_recall"] = r.AtThreshold.Recall;
            metrics[$"{r.Category}_validation_false_positive_rate"] = r.AtThreshold.FalsePositiveRate;
            metrics[$"{r.Category}_validation_macro_f1"] = r.AtThreshold.MacroF1;
            metrics[$"{r.Category}_ece_after_calibration"] = r.ExpectedCalibrationError;
        }
        progress?.Invoke(new TrainingProgress("done", 1));
        return new ModerationTrainingResult(model, report, data.Training.Count, data.Validation.Count, stopwatch.Elapsed);
    }

    private enum Part
    {
        Whole,
        Segment,
        Request,
    }

    private static int WindowWords(string category, ModerationTrainingOptions options) =>
        category == ModerationCategories.Injection ? options.InjectionWindowWords : 0;

    private static bool ScoresSegments(string category, ModerationTrainingOptions options) =>
        options.InjectionSegments && WindowWords(category, options) > 0;

    /// <summary>The texts judged on a category, with the rare positives repeated up to the minimum share (in a fixed order).</summary>
    private static (List<SparseVector> Vectors, List<int> Labels) HeadData(IReadOnlyList<ModerationExample> examples, SparseVector[] rows, string category, double minPositiveShare,
        Func<ModerationExample, bool> included)
    {
        var vectors = new List<SparseVector>();
        var labels = new List<int>();
        var positives = new List<SparseVector>();
        for (var i = 0; i < examples.Count; i++)
        {
            if (examples[i].Label(category) is not { } label || !included(examples[i]))
            {
                continue;
            }
            vectors.Add(rows[i]);
            labels.Add(label ? 1 : 0);
            if (label)
            {
                positives.Add(rows[i]);
            }
        }
        var negatives = labels.Count - positives.Count;
        if (positives.Count > 0 && positives.Count < minPositiveShare * labels.Count)
        {
            var wanted = (int)Math.Ceiling(minPositiveShare * negatives / (1 - minPositiveShare));
            for (var k = positives.Count; k < wanted; k++)
            {
                vectors.Add(positives[k % positives.Count]);
                labels.Add(1);
            }
        }
        return (vectors, labels);
    }

    /// <summary>Each example as "text, tab, the categories it belongs to / those it is judged on" for the data hash.</summary>
    private static IEnumerable<LabeledExample> Canonical(IEnumerable<ModerationExample> examples) =>
        examples.Select(e => new LabeledExample(e.Text,
            string.Join(",", e.Labels.Where(l => l.Value).Select(l => l.Key).Order(StringComparer.Ordinal)) + "/"
            + string.Join(",", e.Labels.Keys.Order(StringComparer.Ordinal))));
}
