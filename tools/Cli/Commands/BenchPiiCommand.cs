using System.CommandLine;
using System.Diagnostics;
using System.Text;
using SpecialistPlatform.Cli.Pii;
using SpecialistPlatform.Compliance.Detection;
using SpecialistPlatform.MachineLearning.Training;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist bench pii [--megabytes 4] [--texts 2000] [--seed 7] [--passes 5] [--warmup 2] [--model DIR|none]</summary>
internal static class BenchPiiCommand
{
    /// <summary>How many mixed texts the first, cold measurement detects (issue 16: under 3 s with the process start).</summary>
    public const int MixedTexts = 1500;

    public static Command Build()
    {
        var megabytes = new Option<int>("--megabytes") { Description = "Size of the email-like throughput text (MB of UTF-16 chars / 2^20).", DefaultValueFactory = _ => 4 };
        var texts = new Option<int>("--texts") { Description = "Number of 1 KB texts for the latency percentiles.", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Seed for the synthetic text.", DefaultValueFactory = _ => 7 };
        var passesOption = new Option<int>("--passes") { Description = "Timed passes per measurement after warm-up (best and median are reported).", DefaultValueFactory = _ => 5 };
        var warmupOption = new Option<int>("--warmup") { Description = "Untimed warm-up passes over the whole text before the timed ones.", DefaultValueFactory = _ => 2 };
        var model = PiiModelOption.Create();
        var command = new Command("pii", "Benchmark personal-data detection: steady-state single-core MB/s on email-like text (after warm-up; the cold first pass apart), p50/p99 latency of 1 KB texts, memory.") { megabytes, texts, seed, passesOption, warmupOption, model };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, () =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var mb = parseResult.GetValue(megabytes);
            var n = parseResult.GetValue(texts);
            var passes = parseResult.GetValue(passesOption);
            var warmups = parseResult.GetValue(warmupOption);
            if (mb < 1 || n < 10 || passes < 1 || warmups < 0)
                throw new UsageException("--megabytes must be at least 1, --texts at least 10, --passes at least 1 and --warmup at least 0.");
            var loading = Stopwatch.StartNew();
            var detector = PersonalDataDetector.Create([], tagger: PiiModelOption.Resolve(parseResult, model));
            loading.Stop();
            var generator = new SyntheticPiiGenerator(parseResult.GetValue(seed));

            // Issue 16's bar, measured first so that nothing before it warms anything up: 1,500 mixed texts (e-mails,
            // chats, forms, invoices ...), one at a time as a service gets them, timed from the process's start.
            var generating = Stopwatch.StartNew();
            var mixed = generator.Generate(MixedTexts).Select(s => s.FullText).ToList();
            generating.Stop();
            var detecting = Stopwatch.StartNew();
            var mixedFindings = 0;
            foreach (var sample in mixed)
                mixedFindings += detector.Detect(sample).Count;
            detecting.Stop();
            var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
            output.WriteLine($"{MixedTexts:N0} mixed texts ({mixedFindings:N0} findings): {Number(sinceStart.TotalSeconds, "0.00")} s since the process started "
                + $"(runtime and CLI start, {Number(loading.Elapsed.TotalSeconds, "0.00")} s creating the detector and loading the model, {Number(generating.Elapsed.TotalSeconds, "0.00")} s generating the texts, "
                + $"{Number(detecting.Elapsed.TotalSeconds, "0.00")} s detecting: {Number(detecting.Elapsed.TotalMilliseconds / MixedTexts, "0.00")} ms a text)");

            var samples = mixed.Concat(generator.Generate(4000 - MixedTexts).Select(s => s.FullText)).ToList();

            var big = new StringBuilder(mb << 20);
            for (var i = 0; big.Length < mb << 20; i++)
                big.Append(samples[i % samples.Count]).Append("\n\n");
            var text = big.ToString(0, mb << 20);

            var bytes = Encoding.UTF8.GetByteCount(text);
            var slice = text[..Math.Min(text.Length, 1 << 20)];
            var sliceBytes = Encoding.UTF8.GetByteCount(slice);

            // The first pass pays what a long-running service pays once: JIT (tier 0, then tier 1 after enough
            // calls), constructing the generated regexes, filling the tagger's word cache. Reported on its own.
            var cold = PassTime.Of(() => detector.DetectChunked(slice, PersonalDataDetector.DefaultChunkSize));
            for (var i = 0; i < warmups; i++)
                detector.DetectChunked(text, PersonalDataDetector.DefaultChunkSize);

            // Steady state: sequential passes on this thread (maxDegreeOfParallelism 1 runs the chunks inline).
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var found = detector.DetectChunked(text, PersonalDataDetector.DefaultChunkSize, maxDegreeOfParallelism: 1).Count;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var sequential = PassTime.Repeat(passes, () => detector.DetectChunked(text, PersonalDataDetector.DefaultChunkSize, maxDegreeOfParallelism: 1));
            cancellationToken.ThrowIfCancellationRequested();

            var parallelClock = Stopwatch.StartNew();
            detector.DetectChunked(text, PersonalDataDetector.DefaultChunkSize, maxDegreeOfParallelism: Environment.ProcessorCount);
            parallelClock.Stop();

            var oneKb = new List<string>(n);
            var builder = new StringBuilder();
            for (var i = 0; oneKb.Count < n; i++)
            {
                builder.Append(samples[i % samples.Count]).Append(' ');
                if (builder.Length >= 1024)
                {
                    oneKb.Add(builder.ToString(0, 1024));
                    builder.Clear();
                }
            }
            foreach (var sample in oneKb)
                detector.Detect(sample);
            var latencies = new double[n];
            for (var i = 0; i < n; i++)
            {
                var start = Stopwatch.GetTimestamp();
                detector.Detect(oneKb[i]);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            Array.Sort(latencies);

            // Per recognizer over the slice cut into the detector's chunk size, the inputs the detector hands them,
            // so that the breakdown and the detector's own time measure the same work.
            var chunks = slice.Chunk(PersonalDataDetector.DefaultChunkSize).Select(c => new string(c)).ToList();
            var perRecognizer = detector.Recognizers
                .Select(r => (r.Name, Time: PassTime.Repeat(passes, () => chunks.ForEach(c => r.Recognize(c).Count()))))
                .ToList();
            var wholeSlice = PassTime.Repeat(passes, () => detector.DetectChunked(slice, PersonalDataDetector.DefaultChunkSize));
            var recognizersSum = perRecognizer.Sum(r => r.Time.BestCpuMs);

            var cpu = ThreadCpuClock.IsPerThread ? "thread CPU" : "process CPU";
            string PerCpuSecond(double ms, long inputBytes) => Number(inputBytes / 1e3 / ms, "0.00");
            var process = Process.GetCurrentProcess();
            output.WriteLine($"cores: {Environment.ProcessorCount}, recognizers: {detector.Recognizers.Count}, text: {mb} Mi chars email-like ({bytes / 1e6:0.0} MB UTF-8), {found} findings");
            output.WriteLine($"first (cold) pass, 1 Mi chars: {Number(cold.CpuMs, "0")} ms {cpu} ({PerCpuSecond(cold.CpuMs, sliceBytes)} MB/s), {Number(cold.WallMs, "0")} ms wall (JIT, regex construction, word cache)");
            output.WriteLine($"throughput, 1 thread, {passes} passes after {warmups} warm-up passes: best {PerCpuSecond(sequential.BestCpuMs, bytes)}, median {PerCpuSecond(sequential.MedianCpuMs, bytes)} MB/s per {cpu} second; "
                + $"wall best {PerCpuSecond(sequential.BestWallMs, bytes)}, median {PerCpuSecond(sequential.MedianWallMs, bytes)} MB/s; "
                + $"process CPU (with GC and JIT threads) median {PerCpuSecond(sequential.MedianProcessCpuMs, bytes)} MB/s");
            output.WriteLine($"throughput, {Environment.ProcessorCount} threads: {Number(bytes / 1e6 / parallelClock.Elapsed.TotalSeconds, "0.00")} MB/s wall (chunks in parallel, one pass)");
            output.WriteLine($"1 KB texts ({n}, after one untimed pass over them): p50 {Number(IntentEvaluator.Percentile(latencies, 0.50), "0.000")} ms, p99 {Number(IntentEvaluator.Percentile(latencies, 0.99), "0.000")} ms, max {Number(latencies[^1], "0.000")} ms wall");
            output.WriteLine($"memory:                 {Number(allocated / (double)bytes, "0.0")} bytes allocated per input byte, peak working set {process.PeakWorkingSet64 / (1 << 20)} MiB, GC heap {GC.GetTotalMemory(false) / (1 << 20)} MiB");
            output.WriteLine($"1 Mi chars, best of {passes} by {cpu}: detector {Number(wholeSlice.BestCpuMs, "0")} ms = recognizers on 64K chunks {Number(recognizersSum, "0")} ms + chunk overlap, filtering, overlap resolution {Number(wholeSlice.BestCpuMs - recognizersSum, "0")} ms; per recognizer: "
                + string.Join(", ", perRecognizer.OrderByDescending(r => r.Time.BestCpuMs).Select(r => $"{r.Name} {Number(r.Time.BestCpuMs, "0.0")} ms")));
            return Task.FromResult(0);
        }));
        return command;
    }

}
