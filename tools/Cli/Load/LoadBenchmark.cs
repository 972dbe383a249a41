using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace SpecialistPlatform.Cli.Load;

/// <summary>What to throw at a running platform.</summary>
public sealed record LoadSettings(
    Uri Gateway, string ApiKey, Uri RabbitMq, int Jobs, double Rate, string Kind, TimeSpan CompletionTimeout, int Concurrency);

/// <summary>What came back: rates, latency percentiles (milliseconds) and every kind of error, counted.</summary>
public sealed record LoadReport(
    int Submitted, int Accepted, IReadOnlyDictionary<string, int> Rejected, double SubmitSeconds, double OfferedRate,
    int Finished, IReadOnlyDictionary<string, int> FinishedByStatus, int NotFinished, double SustainedJobsPerSecond,
    Percentiles SubmitLatency, Percentiles EndToEndLatency);

public sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = values.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Percentiles(At(0.50), At(0.95), At(0.99), sorted[^1]);
    }
}

/// <summary>
/// Open-loop load through the gateway (<see cref="OpenLoop"/>), and each job's end is observed from the
/// platform's own JobFinished/JobFailed events on a private queue bound to their exchanges, not by polling, so
/// measuring adds no load to the gateway or the database.
/// </summary>
public static class LoadBenchmark
{
    // MassTransit publishes each event type to a fanout exchange named after the message type.
    private static readonly string[] OutcomeExchanges =
        ["SpecialistPlatform.Contracts.Jobs:JobFinished", "SpecialistPlatform.Contracts.Jobs:JobFailed"];

    // Varied banking-support texts so nothing downstream sees the same input twice in a row.
    internal static readonly string[] Texts =
    [
        "I still have not received my new card, it has been two weeks.",
        "Why was I charged a fee for withdrawing cash at the ATM yesterday?",
        "My transfer to my landlord has been pending since Monday.",
        "How do I top up my account with Apple Pay?",
        "There is a payment of £20.50 on my statement I don't recognise.",
        "Can I change the PIN of my card at a cash machine?",
        "The exchange rate you applied to my card payment in euros looks wrong.",
        "Please close my account, I am moving abroad next month.",
    ];

    public static async Task<LoadReport> RunAsync(LoadSettings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        var submittedAt = new ConcurrentDictionary<Guid, long>();
        var finishedAt = new ConcurrentDictionary<Guid, (long At, string Status)>();
        var submitLatencies = new ConcurrentBag<double>();
        var rejected = new ConcurrentDictionary<string, int>();

        await using var connection = await new ConnectionFactory { Uri = settings.RabbitMq }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken)).QueueName;
        foreach (var exchange in OutcomeExchanges)
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, exchange, "", cancellationToken: cancellationToken);
        }

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var now = Stopwatch.GetTimestamp();
            using var envelope = JsonDocument.Parse(delivery.Body);
            var message = envelope.RootElement.GetProperty("message");
            var status = message.TryGetProperty("status", out var s) ? s.GetString() ?? "?" : "Failed";
            finishedAt.TryAdd(message.GetProperty("jobId").GetGuid(), (now, status));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, consumer, cancellationToken);

        using var http = OpenLoop.GatewayClient(settings.Gateway, settings.ApiKey, settings.Concurrency);

        progress($"submitting {settings.Jobs} '{settings.Kind}' jobs at {settings.Rate:0} jobs/s to {settings.Gateway}");
        var start = Stopwatch.GetTimestamp();
        await OpenLoop.RunAsync(settings.Rate, settings.Concurrency, settings.Jobs,
            i => SubmitOneAsync(http, settings.Kind, Texts[i % Texts.Length], submittedAt, submitLatencies, rejected, cancellationToken),
            cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var submitSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        progress($"submitted in {submitSeconds:0.0} s; waiting up to {settings.CompletionTimeout.TotalSeconds:0} s for the jobs to finish");

        var deadline = Stopwatch.GetTimestamp() + (long)(settings.CompletionTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && submittedAt.Keys.Any(id => !finishedAt.ContainsKey(id)))
        {
            await Task.Delay(100, cancellationToken);
        }

        var ours = submittedAt.Keys.Where(finishedAt.ContainsKey).ToList();
        var endToEnd = ours.Select(id => Stopwatch.GetElapsedTime(submittedAt[id], finishedAt[id].At).TotalMilliseconds).ToList();
        var lastFinish = ours.Count == 0 ? start : ours.Max(id => finishedAt[id].At);
        var sustained = ours.Count / Math.Max(1e-9, Stopwatch.GetElapsedTime(start, lastFinish).TotalSeconds);
        return new LoadReport(
            settings.Jobs, submittedAt.Count, rejected, submitSeconds, settings.Jobs / submitSeconds,
            ours.Count, ours.GroupBy(id => finishedAt[id].Status).ToDictionary(g => g.Key, g => g.Count()),
            submittedAt.Count - ours.Count, sustained,
            Percentiles.Of(submitLatencies), Percentiles.Of(endToEnd));
    }

    private static async Task SubmitOneAsync(
        HttpClient http, string kind, string text, ConcurrentDictionary<Guid, long> submittedAt, ConcurrentBag<double> latencies,
        ConcurrentDictionary<string, int> rejected, CancellationToken cancellationToken)
    {
        var sentAt = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.PostAsJsonAsync("/api/v1/jobs", new { kind, text }, cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(sentAt).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                rejected.AddOrUpdate($"HTTP {(int)response.StatusCode}", 1, (_, n) => n + 1);
                return;
            }

            var accepted = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            submittedAt[accepted.GetProperty("jobId").GetGuid()] = sentAt;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            rejected.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
        }
    }
}
