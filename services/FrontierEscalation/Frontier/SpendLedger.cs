using System.Globalization;
using Microsoft.Extensions.Options;
using SpecialistPlatform.Frontier;
using StackExchange.Redis;

namespace SpecialistPlatform.FrontierEscalation.Frontier;

/// <summary>Whether a call may go ahead, and if not, why (the reason the job's NeedsReview shows).</summary>
public sealed record SpendDecision(bool Allowed, string? Reason);

/// <summary>
/// What each tenant has spent on frontier calls today and this month, and how many calls it made this minute, in Redis,
/// so every instance of the service sees the same numbers. A call is allowed only if its worst-case cost (its input
/// estimate plus the maximum answer length) still fits both budgets, so a budget is never overspent by more than the
/// calls in flight at the same moment; the actual cost is added when the answer comes back.
/// </summary>
public sealed class SpendLedger(IConnectionMultiplexer redis, IOptions<FrontierOptions> options, TimeProvider clock)
{
    public async Task<SpendDecision> CheckAsync(string tenantId, decimal worstCaseCost)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var db = redis.GetDatabase();
        if (settings.CallsPerMinutePerTenant > 0)
        {
            var key = $"frontier:calls:{tenantId}:{now:yyyyMMddHHmm}";
            var calls = await db.StringIncrementAsync(key);
            await db.KeyExpireAsync(key, TimeSpan.FromMinutes(2));
            if (calls > settings.CallsPerMinutePerTenant)
            {
                return new SpendDecision(false, $"rate limit: tenant '{tenantId}' reached {settings.CallsPerMinutePerTenant} frontier calls this minute");
            }
        }

        var budget = settings.BudgetFor(tenantId);
        var (day, month) = await SpentAsync(tenantId);
        if (budget.Daily > 0 && day + worstCaseCost > budget.Daily)
        {
            return new SpendDecision(false, Invariant($"over budget: tenant '{tenantId}' has spent {day:0.######} of its daily {budget.Daily:0.######} and this call could cost up to {worstCaseCost:0.######}"));
        }

        if (budget.Monthly > 0 && month + worstCaseCost > budget.Monthly)
        {
            return new SpendDecision(false, Invariant($"over budget: tenant '{tenantId}' has spent {month:0.######} of its monthly {budget.Monthly:0.######} and this call could cost up to {worstCaseCost:0.######}"));
        }

        return new SpendDecision(true, null);
    }

    public async Task AddAsync(string tenantId, decimal cost)
    {
        if (cost <= 0)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var db = redis.GetDatabase();
        var (dayKey, monthKey) = Keys(tenantId, now);
        await db.StringIncrementAsync(dayKey, (double)cost);
        await db.KeyExpireAsync(dayKey, TimeSpan.FromDays(3));
        await db.StringIncrementAsync(monthKey, (double)cost);
        await db.KeyExpireAsync(monthKey, TimeSpan.FromDays(40));
    }

    public async Task<(decimal Day, decimal Month)> SpentAsync(string tenantId)
    {
        var (dayKey, monthKey) = Keys(tenantId, clock.GetUtcNow());
        var values = await redis.GetDatabase().StringGetAsync([dayKey, monthKey]);
        return (Parse(values[0]), Parse(values[1]));
    }

    private static (string Day, string Month) Keys(string tenantId, DateTimeOffset now) =>
        ($"frontier:spend:{tenantId}:{now:yyyyMMdd}", $"frontier:spend:{tenantId}:{now:yyyyMM}");

    private static decimal Parse(RedisValue value) =>
        value.IsNullOrEmpty ? 0 : decimal.Parse(value.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
