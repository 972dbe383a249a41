using System.Diagnostics;

namespace SpecialistPlatform.Cli.Load;

/// <summary>
/// The submission schedule the load and chaos benchmarks share: open loop, so the i-th submission starts at i / rate
/// seconds whatever the platform's speed (a slow platform does not slow the offered rate down, which is what hides
/// latency in closed-loop tools), with at most a given number in flight.
/// </summary>
internal static class OpenLoop
{
    /// <summary>Starts <paramref name="submit"/>(i) on schedule until <paramref name="count"/> have started (no count: until
    /// <paramref name="stop"/>) and waits for every started submission. Stopping starts no more but never abandons one
    /// under way, so no answer (a 202) is missed; the caller decides whether a stop is an error.</summary>
    public static async Task RunAsync(double rate, int concurrency, long? count, Func<long, Task> submit, CancellationToken stop)
    {
        var inFlight = new SemaphoreSlim(concurrency);
        var submissions = new List<Task>();
        var start = Stopwatch.GetTimestamp();
        try
        {
            for (var i = 0L; (count is null || i < count) && !stop.IsCancellationRequested; i++)
            {
                var due = start + (long)(i / rate * Stopwatch.Frequency);
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, stop);
                }

                await inFlight.WaitAsync(stop);
                var index = i;
                submissions.Add(Task.Run(async () =>
                {
                    try
                    {
                        await submit(index);
                    }
                    finally
                    {
                        inFlight.Release();
                    }
                }, CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        await Task.WhenAll(submissions);
    }

    /// <summary>An HTTP client for the gateway with the submitter's key, as many connections as submissions in flight.</summary>
    public static HttpClient GatewayClient(Uri gateway, string apiKey, int concurrency)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency })
        {
            BaseAddress = gateway,
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return http;
    }
}
