namespace SpecialistPlatform.Gateway.Overview;

/// <summary>
/// A window [From, To) cut into what the rollups answer and what the raw trail must: the whole UTC days
/// [FirstWholeDay, EndWholeDay) come from the per-day rollups; the partial day before them (<see cref="Head"/>) and
/// after them (<see cref="Tail"/>) from the audit records themselves. A window that reaches the present reads today
/// whole from its rollup, since nothing is recorded after now: the default window (7 whole UTC days up to now) reads
/// the rollups alone.
/// </summary>
public sealed record RollupWindow(
    DateOnly FirstWholeDay, DateOnly EndWholeDay, (DateTimeOffset From, DateTimeOffset To) Head, (DateTimeOffset From, DateTimeOffset To) Tail)
{
    public static RollupWindow Of(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var fromDay = DateOnly.FromDateTime(from.UtcDateTime);
        var firstWholeDay = StartOf(fromDay) == from ? fromDay : fromDay.AddDays(1);
        var reachesNow = to >= now;
        var endWholeDay = reachesNow ? DateOnly.FromDateTime(now.UtcDateTime).AddDays(1) : DateOnly.FromDateTime(to.UtcDateTime);
        if (firstWholeDay >= endWholeDay)
        {
            // Within one day (or two partial ones): all raw.
            return new RollupWindow(firstWholeDay, firstWholeDay, (from, to), (to, to));
        }

        var tail = reachesNow ? (to, to) : (StartOf(endWholeDay), to);
        return new RollupWindow(firstWholeDay, endWholeDay, (from, StartOf(firstWholeDay)), tail);
    }

    private static DateTimeOffset StartOf(DateOnly day) => new(day, TimeOnly.MinValue, TimeSpan.Zero);
}
