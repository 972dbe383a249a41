using Polly;
using Polly.Retry;
using StackExchange.Redis;

namespace SpecialistPlatform.FrontierEscalation.Frontier;

/// <summary>
/// Redis writes made after a frontier call was paid for (settling its reservation, keeping its outcome): a blip there is
/// waited out, with back-off, rather than failing a job whose text has already left and whose call would otherwise be
/// made, and paid for, again.
/// </summary>
internal static class AfterPaymentRetry
{
    public static readonly ResiliencePipeline Redis = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RedisException>().Handle<TimeoutException>(),
            MaxRetryAttempts = 6,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(200),
        })
        .Build();
}
