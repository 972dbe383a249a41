using System.Diagnostics;
using SpecialistPlatform.MachineLearning.Cascade;
using SpecialistPlatform.MachineLearning.Sequence;
using SpecialistPlatform.MachineLearning.Training;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>
/// The span tagger. The extraction service escalates a result whose least confident span is below the threshold, so
/// that is an utterance's confidence here too (1 when the tagger finds nothing: "nothing to extract" carries no span
/// probability); an utterance counts as right only when every span is exact (slot, start and end). The frontier's
/// answer is right when its slots and texts are the gold ones.
/// </summary>
internal static class ExtractCalibration
{
    public const string TaggerFileName = "tagger.bin";
    private const string Missed = "(missed)", Spurious = "(nothing)";

    public static CalibrationInput Prepare(string modelPath, string dataPath, string? format, bool holdout, string? predictionsFile, double? assumed,
        CancellationToken cancellationToken)
    {
        if (holdout)
        {
            throw new UsageException("--holdout is for intent models; for a span tagger pass its validation file (train extract writes validation.jsonl beside the model).");
        }

        var gold = ReadData(dataPath, format);
        var measured = Measure(modelPath, gold, cancellationToken);
        var frontier = predictionsFile is null ? null : FrontierPredictions.Join(predictionsFile, measured.Examples);
        var cascade = gold.Select((e, i) => new CascadeExample(
            SlotSet(e.Spans.Select(s => s.Label)), measured.Confidences[i], false, measured.Correct[i],
            CalibrationInput.FrontierCorrect(frontier, assumed, i, measured.Examples[i].Label))).ToArray();
        return new CalibrationInput(measured.Model, measured.Examples, dataPath, frontier, cascade, measured.Metrics(), measured.Reliability,
            measured.Confusions, measured.LatencyP50Ms, measured.LatencyP95Ms, measured.LatencyP99Ms);
    }

    /// <summary>The labelled spans calibration (and `frontier predict`) run on; the format must be given.</summary>
    public static List<SpanExample> ReadData(string dataPath, string? format) =>
        format is null
            ? throw new UsageException("--task extract needs --format restaurant8k, nlupp or jsonl for --data.")
            : ExtractOptions.ReadAll([dataPath], SpanDataReader.ParseFormat(format));

    /// <summary>Tags every example and measures what an evaluation run keeps: exact spans, utterances fully right,
    /// confidence against correctness, the worst confusions and one-text latency.</summary>
    public static SpanMeasurement Measure(string modelPath, IReadOnlyList<SpanExample> gold, CancellationToken cancellationToken)
    {
        var modelFile = ModelFile.Read(modelPath, TaggerFileName);
        var tagger = SpanTaggerArtifact.Deserialize(modelFile.Bytes);
        var examples = gold.Select(e => new LabeledExample(e.Text, FrontierPredictions.CanonicalSlots(e.Spans.Select(s => (s.Label, e.Text[s.Start..s.End])))))
            .ToArray();
        var predicted = tagger.PredictBatch(gold.Select(e => (e.Text, e.RequestedSlots)).ToArray(), cancellationToken);
        var confidences = predicted.Select(p => p.Count == 0 ? 1 : p.Min(s => s.Confidence)).ToArray();
        var correct = gold.Select((e, i) => Exact(e, predicted[i])).ToArray();
        var (p50, p95, p99) = Latency(tagger, gold);
        return new SpanMeasurement(modelFile, gold, examples, predicted, confidences, correct, SpanEvaluation.Score(gold, predicted),
            SpanEvaluation.OverlapScore(gold, predicted), CascadeCalibrator.Reliability(confidences, correct), Confusions(gold, predicted), p50, p95, p99);
    }

    private static bool Exact(SpanExample gold, IReadOnlyList<PredictedSpan> predicted) =>
        gold.Spans.Count == predicted.Count
        && gold.Spans.All(g => predicted.Any(p => p.Label == g.Label && p.Start == g.Start && p.End == g.End));

    /// <summary>The gold slots an utterance holds, as the "class" the per-class table groups by (e.g. "date+people").</summary>
    private static string SlotSet(IEnumerable<string> labels) =>
        labels.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray() is { Length: > 0 } set ? string.Join("+", set) : "(no slots)";

    /// <summary>Gold slot against what the tagger put on the same text: another slot, a misplaced boundary counted as the
    /// slot itself, nothing (missed); and spans where the gold has none.</summary>
    private static IReadOnlyList<ConfusedPair> Confusions(IReadOnlyList<SpanExample> gold, IReadOnlyList<PredictedSpan>[] predicted)
    {
        var counts = new Dictionary<(string Gold, string Predicted), int>();
        for (var i = 0; i < gold.Count; i++)
        {
            foreach (var g in gold[i].Spans.Where(g => !predicted[i].Any(p => p.Label == g.Label && p.Start == g.Start && p.End == g.End)))
            {
                var overlapping = predicted[i].FirstOrDefault(p => p.Start < g.End && g.Start < p.End);
                var key = (g.Label, overlapping is null ? Missed : overlapping.Label == g.Label ? g.Label + " (boundary)" : overlapping.Label);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }

            foreach (var p in predicted[i].Where(p => !gold[i].Spans.Any(g => p.Start < g.End && g.Start < p.End)))
            {
                var key = (Spurious, p.Label);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts.Select(c => new ConfusedPair(c.Key.Gold, c.Key.Predicted, c.Value))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Gold, StringComparer.Ordinal).ThenBy(c => c.Predicted, StringComparer.Ordinal)
            .Take(20).ToArray();
    }

    /// <summary>One utterance at a time on one thread, as the service tags a job, after a warm-up pass.</summary>
    private static (double P50, double P95, double P99) Latency(SpanTagger tagger, IReadOnlyList<SpanExample> gold)
    {
        foreach (var e in gold.Take(100))
        {
            tagger.Predict(e.Text, e.RequestedSlots);
        }

        var times = new double[gold.Count];
        for (var i = 0; i < gold.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            tagger.Predict(gold[i].Text, gold[i].RequestedSlots);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return (IntentEvaluator.Percentile(times, 0.50), IntentEvaluator.Percentile(times, 0.95), IntentEvaluator.Percentile(times, 0.99));
    }
}

/// <summary>A span tagger measured on labelled examples (see <see cref="ExtractCalibration.Measure"/>).</summary>
internal sealed record SpanMeasurement(
    ModelFile Model,
    IReadOnlyList<SpanExample> Gold,
    LabeledExample[] Examples,
    IReadOnlyList<PredictedSpan>[] Predicted,
    double[] Confidences,
    bool[] Correct,
    SpanEvaluation Spans,
    SpanScore Overlap,
    IReadOnlyList<ReliabilityBin> Reliability,
    IReadOnlyList<ConfusedPair> Confusions,
    double LatencyP50Ms,
    double LatencyP95Ms,
    double LatencyP99Ms)
{
    public Dictionary<string, object?> Metrics() => new()
    {
        ["specialist_accuracy"] = Correct.Count(c => c) / (double)Correct.Length,
        ["span_precision"] = Spans.Overall.Precision,
        ["span_recall"] = Spans.Overall.Recall,
        ["span_f1"] = Spans.Overall.F1,
        ["overlap_f1"] = Overlap.F1,
        ["confidence"] = "least confident span per utterance (1 when none is found)",
    };

    /// <summary>Per slot, for the report's table: gold spans, precision, recall (as "accuracy"), F1.</summary>
    public object PerSlot() => Spans.PerSlot
        .Select(s => new { label = s.Key, count = s.Value.Gold, precision = s.Value.Precision, accuracy = s.Value.Recall, f1 = s.Value.F1 })
        .OrderBy(s => s.f1).ThenBy(s => s.label, StringComparer.Ordinal)
        .ToArray();
}
