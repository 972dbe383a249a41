using System.Diagnostics;
using SpecialistPlatform.MachineLearning.Models;

namespace SpecialistPlatform.MachineLearning.Training;

/// <summary>Inference speed of a model.</summary>
/// <param name="Texts">Distinct texts cycled through.</param>
/// <param name="LatencySamples">Single-text predictions timed.</param>
/// <param name="LatencyP50Microseconds">Median time of one <see cref="IntentModel.Predict"/> call on one thread, featurising included.</param>
/// <param name="BestOf5P50Microseconds">
/// Median over texts of the fastest of 5 calls on the same text (each on a fresh copy of the string, so
/// nothing cached for the text is reused): the cost without preemption by other processes on a shared machine.
/// </param>
/// <param name="ThroughputTextsPerSecond">Texts per second with every core predicting.</param>
/// <param name="ThroughputThreads">Degree of parallelism used for the throughput run.</param>
/// <param name="EncoderStage">With an encoder stage: the share of the texts it runs for and the latency of each path.</param>
public sealed record IntentBenchmarkResult(
    int Texts,
    int LatencySamples,
    double LatencyP50Microseconds,
    double LatencyP99Microseconds,
    double LatencyMeanMicroseconds,
    double BestOf5P50Microseconds,
    double BestOf5P99Microseconds,
    double ThroughputTextsPerSecond,
    int ThroughputThreads,
    EncoderStageLatency? EncoderStage);

/// <summary>How an encoder stage shares the work: single-text latencies split by whether the stage ran.</summary>
/// <param name="Share">Share of the distinct benchmark texts the stage runs for.</param>
public sealed record EncoderStageLatency(
    double Share,
    double EnsembleOnlyP50Microseconds,
    double EnsembleOnlyP99Microseconds,
    double WithStageP50Microseconds,
    double WithStageP99Microseconds);

public static class IntentBenchmark
{
    /// <summary>A few everyday queries for when no data file is given.</summary>
    public static IReadOnlyList<string> DefaultTexts { get; } =
    [
        "I am still waiting on my card?",
        "What can I do if my card still hasn't arrived after 2 weeks?",
        "how do i top up my account with a bank transfer",
        "why was I charged an extra fee for withdrawing cash",
        "my card payment was declined at the supermarket, what's wrong",
        "what is the exchange rate for euros to dollars today",
        "can you tell me how to say 'thank you' in french",
        "set an alarm for 7 am tomorrow",
        "what's the weather going to be like in boston this weekend",
        "I think someone stole my phone and my card, please freeze everything",
        "how long does a transfer to another country take",
        "cancel my last transaction",
        "Is there a limit on how much I can top up?",
        "play some relaxing jazz",
        "what is the meaning of life",
        "I need to change my PIN",
    ];

    /// <summary>
    /// Times single predictions one after another on the calling thread (after a warm-up), cycling through
    /// the texts until both <paramref name="minSamples"/> and <paramref name="minSeconds"/> are reached,
    /// then measures throughput with every core for at least <paramref name="minSeconds"/>.
    /// </summary>
    public static IntentBenchmarkResult Run(IntentModel model, IReadOnlyList<string> texts, double minSeconds = 2.0, int minSamples = 2000, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0)
        {
            throw new ArgumentException("The benchmark needs at least one text.", nameof(texts));
        }
        // Which texts the encoder stage runs for, so the timings below can be split by path.
        var stageRuns = model.EncoderStage is null ? null : texts.Select(model.EncoderStageRunsFor).ToArray();
        return Run(text => model.Predict(text), texts, stageRuns, minSeconds, minSamples, cancellationToken);
    }

    /// <summary>
    /// The same measurements for any scorer of one text (the moderation model's), with no encoder-stage split.
    /// </summary>
    public static IntentBenchmarkResult Run(Action<string> score, IReadOnlyList<string> texts, double minSeconds = 2.0, int minSamples = 2000, CancellationToken cancellationToken = default) =>
        Run(score, texts, null, minSeconds, minSamples, cancellationToken);

    private static IntentBenchmarkResult Run(Action<string> predict, IReadOnlyList<string> texts, bool[]? stageRuns, double minSeconds, int minSamples, CancellationToken cancellationToken)
    {
        if (texts.Count == 0)
        {
            throw new ArgumentException("The benchmark needs at least one text.", nameof(texts));
        }
        for (var i = 0; i < Math.Max(texts.Count, 500); i++)
        {
            predict(texts[i % texts.Count]); // JIT and caches warm before timing
        }

        var samples = new List<double>();
        var ensembleOnly = new List<double>();
        var withStage = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; samples.Count < minSamples || clock.Elapsed.TotalSeconds < minSeconds; i++)
        {
            if ((i & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var text = texts[i % texts.Count];
            var start = Stopwatch.GetTimestamp();
            predict(text);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            samples.Add(elapsed);
            if (stageRuns is not null)
            {
                (stageRuns[i % texts.Count] ? withStage : ensembleOnly).Add(elapsed);
            }
        }
        var sorted = samples.ToArray();
        Array.Sort(sorted);

        var best = new double[Math.Min(Math.Max(texts.Count, 200), 2000)];
        for (var i = 0; i < best.Length; i++)
        {
            best[i] = double.MaxValue;
            for (var repeat = 0; repeat < 5; repeat++)
            {
                var copy = new string(texts[i % texts.Count].AsSpan());
                var start = Stopwatch.GetTimestamp();
                predict(copy);
                best[i] = Math.Min(best[i], Stopwatch.GetElapsedTime(start).TotalMicroseconds);
            }
        }
        Array.Sort(best);

        var threads = Environment.ProcessorCount;
        var done = 0L;
        clock.Restart();
        while (clock.Elapsed.TotalSeconds < minSeconds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = Math.Max(texts.Count, 1024);
            Parallel.For(0, batch, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
                i => predict(texts[i % texts.Count]));
            done += batch;
        }
        var throughput = done / clock.Elapsed.TotalSeconds;

        return new IntentBenchmarkResult(
            texts.Count,
            sorted.Length,
            IntentEvaluator.Percentile(sorted, 0.50),
            IntentEvaluator.Percentile(sorted, 0.99),
            sorted.Average(),
            IntentEvaluator.Percentile(best, 0.50),
            IntentEvaluator.Percentile(best, 0.99),
            throughput,
            threads,
            stageRuns is null ? null : new EncoderStageLatency(
                stageRuns.Count(r => r) / (double)texts.Count,
                Percentile(ensembleOnly, 0.50), Percentile(ensembleOnly, 0.99),
                Percentile(withStage, 0.50), Percentile(withStage, 0.99)));
    }

    private static double Percentile(List<double> samples, double q)
    {
        if (samples.Count == 0)
        {
            return double.NaN;
        }
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        return IntentEvaluator.Percentile(sorted, q);
    }
}
