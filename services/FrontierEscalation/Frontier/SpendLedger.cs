using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Frontier;
using StackExchange.Redis;

namespace SpecialistPlatform.FrontierEscalation.Frontier;

/// <summary>
/// What each tenant has spent on frontier calls today and this month, and how many escalations it made this minute, in
/// Redis, so every instance of the service sees the same numbers. Amounts are kept as whole nano-units of the price
/// currency, so the arithmetic is exact.
/// A call first reserves its worst-case cost: one Lua script checks the rate limit and both budgets and adds the
/// amount, atomically, so however many calls race, the reservations never add up past a budget. When the answers are
/// in, the reservation is settled to the actual cost. A reservation that is never settled (the process died with a
/// call in flight, or Redis stayed away) stays counted at its worst case: spend is overstated, never understated.
/// </summary>
public sealed class SpendLedger(IConnectionMultiplexer redis, IOptions<FrontierOptions> options, TimeProvider clock, ILogger<SpendLedger> logger)
{
    private const decimal NanosPerUnit = 1_000_000_000m;

    // KEYS: day total, month total, this minute's escalations. ARGV: amount, daily budget, monthly budget, escalations
    // allowed per minute (0 = no limit). Returns {outcome, value}: {"ok", ""}, {"rate", calls}, {"daily"|"monthly", spent}.
    private static readonly LuaScript Reserve = LuaScript.Prepare("""
        local limit = tonumber(@callsPerMinute)
        if limit > 0 then
          local calls = redis.call('INCR', @minuteKey)
          if calls == 1 then redis.call('EXPIRE', @minuteKey, 120) end
          if calls > limit then return {'rate', tostring(calls)} end
        end
        local amount = tonumber(@amount)
        local day = tonumber(redis.call('GET', @dayKey) or '0')
        local month = tonumber(redis.call('GET', @monthKey) or '0')
        local daily = tonumber(@daily)
        local monthly = tonumber(@monthly)
        if daily > 0 and day + amount > daily then return {'daily', tostring(day)} end
        if monthly > 0 and month + amount > monthly then return {'monthly', tostring(month)} end
        redis.call('INCRBY', @dayKey, @amount)
        redis.call('EXPIRE', @dayKey, 259200)
        redis.call('INCRBY', @monthKey, @amount)
        redis.call('EXPIRE', @monthKey, 3456000)
        return {'ok', ''}
        """);

    private static readonly LuaScript Settle = LuaScript.Prepare("""
        redis.call('INCRBY', @dayKey, @delta)
        redis.call('INCRBY', @monthKey, @delta)
        return 1
        """);

    /// <summary>
    /// Reserves <paramref name="worstCaseCost"/> for <paramref name="tenantId"/> if it fits both budgets and the rate
    /// limit. A Redis failure is thrown: the caller has sent nothing yet and can try again.
    /// </summary>
    public async Task<SpendDecision> ReserveAsync(string tenantId, decimal worstCaseCost)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var (dayKey, monthKey) = Keys(tenantId, now);
        var budget = settings.BudgetFor(tenantId);
        var amount = ToNanos(worstCaseCost);
        var result = (RedisValue[]?)await redis.GetDatabase().ScriptEvaluateAsync(Reserve, new
        {
            dayKey = (RedisKey)dayKey,
            monthKey = (RedisKey)monthKey,
            minuteKey = (RedisKey)$"frontier:{{{tenantId}}}:calls:{now:yyyyMMddHHmm}",
            amount,
            daily = ToNanos(budget.Daily),
            monthly = ToNanos(budget.Monthly),
            callsPerMinute = settings.CallsPerMinutePerTenant,
        }) ?? throw new RedisException("the reservation script returned nothing");
        var spent = FromNanos(result[1]);
        return result[0].ToString() switch
        {
            "ok" => new SpendDecision(new SpendReservation(tenantId, dayKey, monthKey, amount), null),
            "rate" => new SpendDecision(null, $"rate limit: tenant '{tenantId}' reached {settings.CallsPerMinutePerTenant} frontier escalations this minute"),
            "daily" => new SpendDecision(null, Invariant($"over budget: tenant '{tenantId}' has spent or reserved {spent:0.######} of its daily {budget.Daily:0.######} and this call could cost up to {worstCaseCost:0.######}")),
            _ => new SpendDecision(null, Invariant($"over budget: tenant '{tenantId}' has spent or reserved {spent:0.######} of its monthly {budget.Monthly:0.######} and this call could cost up to {worstCaseCost:0.######}")),
        };
    }

    /// <summary>
    /// Replaces the reservation with <paramref name="actualCost"/> (0 gives it all back). Retries while Redis is away;
    /// if it stays away the reservation stays counted and the failure is logged, since the calls were made either way.
    /// </summary>
    public async Task SettleAsync(SpendReservation reservation, decimal actualCost)
    {
        var delta = ToNanos(actualCost) - reservation.Nanos;
        if (delta == 0)
        {
            return;
        }

        try
        {
            await AfterPaymentRetry.Redis.ExecuteAsync(async _ => await redis.GetDatabase().ScriptEvaluateAsync(Settle, new
            {
                dayKey = (RedisKey)reservation.DayKey,
                monthKey = (RedisKey)reservation.MonthKey,
                delta,
            }));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Could not settle a frontier reservation of tenant {Tenant}; its worst case stays counted", reservation.TenantId);
        }
    }

    public async Task<(decimal Day, decimal Month)> SpentAsync(string tenantId)
    {
        var (dayKey, monthKey) = Keys(tenantId, clock.GetUtcNow());
        var values = await redis.GetDatabase().StringGetAsync([dayKey, monthKey]);
        return (FromNanos(values[0]), FromNanos(values[1]));
    }

    // The tenant in braces is a Redis Cluster hash tag: a script's keys must live on one node.
    private static (string Day, string Month) Keys(string tenantId, DateTimeOffset now) =>
        ($"frontier:{{{tenantId}}}:spend:{now:yyyyMMdd}", $"frontier:{{{tenantId}}}:spend:{now:yyyyMM}");

    // Rounded up: a reservation or a cost is never counted as less than it is.
    private static long ToNanos(decimal amount) => (long)decimal.Ceiling(amount * NanosPerUnit);

    private static decimal FromNanos(RedisValue value) =>
        value.IsNullOrEmpty ? 0 : decimal.Parse(value.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture) / NanosPerUnit;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
