using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace SpecialistPlatform.Cli.Load;

/// <summary>
/// The broker's own ceiling on this machine, as the platform uses it: persistent messages of job-like size published
/// with confirms to a durable queue and consumed with acknowledgements, in one process. The load benchmark's job rate
/// reads against this, since every job costs the platform about a dozen such messages.
/// </summary>
public static class BrokerBenchmark
{
    public static async Task<double> RoundTripsPerSecondAsync(Uri rabbitMq, TimeSpan duration, CancellationToken cancellationToken)
    {
        const int maxInFlight = 256;
        var body = new byte[1024];
        Random.Shared.NextBytes(body);
        var queue = "bench-broker-" + Guid.NewGuid().ToString("N")[..8];

        await using var connection = await new ConnectionFactory { Uri = rabbitMq }.CreateConnectionAsync(cancellationToken);
        await using var publisher = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        await using var receiver = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await publisher.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        try
        {
            await receiver.BasicQosAsync(0, 200, false, cancellationToken);
            long received = 0;
            var consumer = new AsyncEventingBasicConsumer(receiver);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                await receiver.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
                Interlocked.Increment(ref received);
            };
            await receiver.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);

            var properties = new BasicProperties { DeliveryMode = DeliveryModes.Persistent, ContentType = "application/json" };
            var start = Stopwatch.GetTimestamp();
            var inFlight = new SemaphoreSlim(maxInFlight);
            var publishes = new List<Task>();
            while (Stopwatch.GetElapsedTime(start) < duration)
            {
                await inFlight.WaitAsync(cancellationToken);
                publishes.Add(PublishAsync());
                if (publishes.Count > 10_000)
                {
                    publishes.RemoveAll(t => t.IsCompleted);
                }
            }

            await Task.WhenAll(publishes);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            return Interlocked.Read(ref received) / elapsed;

            async Task PublishAsync()
            {
                try
                {
                    await publisher.BasicPublishAsync("", queue, mandatory: false, properties, body, cancellationToken);
                }
                finally
                {
                    inFlight.Release();
                }
            }
        }
        finally
        {
            await publisher.QueueDeleteAsync(queue, cancellationToken: CancellationToken.None);
        }
    }
}
