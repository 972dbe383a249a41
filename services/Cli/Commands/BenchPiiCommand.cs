using System.CommandLine;
using System.Diagnostics;
using System.Text;
using SpecialistPlatform.Cli.Pii;
using SpecialistPlatform.Compliance.Detection;
using SpecialistPlatform.MachineLearning.Training;
using static SpecialistPlatform.Cli.Commands.CommonOptions;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>specialist bench pii [--megabytes 4] [--texts 2000] [--seed 7] [--model DIR|none]</summary>
internal static class BenchPiiCommand
{
    public static Command Build()
    {
        var megabytes = new Option<int>("--megabytes") { Description = "Size of the email-like throughput text (MB of UTF-16 chars / 2^20).", DefaultValueFactory = _ => 4 };
        var texts = new Option<int>("--texts") { Description = "Number of 1 KB texts for the latency percentiles.", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Seed for the synthetic text.", DefaultValueFactory = _ => 7 };
        var model = PiiModelOption.Create();
        var command = new Command("pii", "Benchmark personal-data detection: single-core MB/s on email-like text, p50/p99 latency of 1 KB texts, memory.") { megabytes, texts, seed, model };
        command.SetAction((parseResult, cancellationToken) => CliApp.Guard(parseResult, () =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var mb = parseResult.GetValue(megabytes);
            var n = parseResult.GetValue(texts);
            if (mb < 1 || n < 10)
                throw new UsageException("--megabytes must be at least 1 and --texts at least 10.");
            var detector = PersonalDataDetector.Create([], tagger: PiiModelOption.Resolve(parseResult, model));
            var generator = new SyntheticPiiGenerator(parseResult.GetValue(seed));
            var samples = generator.Generate(4000).Select(s => s.FullText).ToList();

            var big = new StringBuilder(mb << 20);
            for (var i = 0; big.Length < mb << 20; i++)
                big.Append(samples[i % samples.Count]).Append("\n\n");
            var text = big.ToString(0, mb << 20);

            // Warm-up: JIT tiering of the generated regexes needs a few passes before timings settle.
            for (var i = 0; i < 3; i++)
                detector.DetectChunked(text[..Math.Min(text.Length, 1 << 20)], PersonalDataDetector.DefaultChunkSize);

            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var found = detector.DetectChunked(text, PersonalDataDetector.DefaultChunkSize, maxDegreeOfParallelism: 1).Count;
            clock.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            var bytes = Encoding.UTF8.GetByteCount(text);
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
            var latencies = new double[n];
            for (var i = 0; i < n; i++)
            {
                var start = Stopwatch.GetTimestamp();
                detector.Detect(oneKb[i]);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            Array.Sort(latencies);

            var perRecognizer = new List<(string Name, double Seconds)>();
            var slice = text[..Math.Min(text.Length, 1 << 20)];
            foreach (var recognizer in detector.Recognizers)
            {
                var start = Stopwatch.GetTimestamp();
                _ = recognizer.Recognize(slice).Count();
                perRecognizer.Add((recognizer.Name, Stopwatch.GetElapsedTime(start).TotalSeconds));
            }

            var process = Process.GetCurrentProcess();
            output.WriteLine($"cores: {Environment.ProcessorCount}, recognizers: {detector.Recognizers.Count}, text: {mb} Mi chars email-like ({bytes / 1e6:0.0} MB UTF-8), {found} findings");
            output.WriteLine($"throughput, 1 thread:  {Number(bytes / 1e6 / clock.Elapsed.TotalSeconds, "0.00")} MB/s wall, {Number(bytes / 1e6 / cpu.TotalSeconds, "0.00")} MB/s per CPU-second");
            output.WriteLine($"throughput, {Environment.ProcessorCount} threads: {Number(bytes / 1e6 / parallelClock.Elapsed.TotalSeconds, "0.00")} MB/s wall (chunks in parallel)");
            output.WriteLine($"1 KB texts ({n}):      p50 {Number(IntentEvaluator.Percentile(latencies, 0.50), "0.000")} ms, p99 {Number(IntentEvaluator.Percentile(latencies, 0.99), "0.000")} ms, max {Number(latencies[^1], "0.000")} ms");
            output.WriteLine($"memory:                 {Number(allocated / (double)bytes, "0.0")} bytes allocated per input byte, peak working set {process.PeakWorkingSet64 / (1 << 20)} MiB, GC heap {GC.GetTotalMemory(false) / (1 << 20)} MiB");
            output.WriteLine("time per recognizer on 1 Mi chars (without overlap resolution): " + string.Join(", ",
                perRecognizer.OrderByDescending(r => r.Seconds).Select(r => $"{r.Name} {Number(r.Seconds * 1000, "0")} ms")));
            return Task.FromResult(0);
        }));
        return command;
    }

}
