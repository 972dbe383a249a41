using System.Globalization;

namespace SpecialistPlatform.Console.Display;

/// <summary>How the console writes times, durations and money: UTC everywhere, invariant digits, so what one user reads
/// another can paste into a filter.</summary>
public static class Show
{
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? time) => time is { } t ? Time(t) : "";

    /// <summary>The value an &lt;input type="datetime-local"&gt; shows for a UTC time.</summary>
    public static string Input(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? "";

    public static string Ms(double milliseconds) => milliseconds.ToString(milliseconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " ms";

    public static string Money(decimal amount) => amount.ToString(amount != 0 && Math.Abs(amount) < 0.01m ? "0.000000" : "0.00", CultureInfo.InvariantCulture);

    public static string Share(double share) => share.ToString("0.0%", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A form's datetime-local value, which carries no zone, read as UTC (the console writes every time in UTC).</summary>
    public static DateTimeOffset? Utc(DateTime? local) =>
        local is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
