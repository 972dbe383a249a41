using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SpecialistPlatform.Cli.Commands;

/// <summary>
/// CPU time of the calling thread. Benchmarks divide by it rather than by wall time (which counts the time the
/// thread waits for a core on a shared machine) or by the process's CPU time (which also counts the GC and the
/// JIT's background threads). Linux only (<c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>); elsewhere
/// <see cref="Now"/> falls back to the process's CPU time and <see cref="IsPerThread"/> says so.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clockId, out TimeSpec time);

    public static bool IsPerThread => OperatingSystem.IsLinux();

    public static TimeSpan Now()
    {
        if (!IsPerThread)
            return Process.GetCurrentProcess().TotalProcessorTime;
        ClockGetTime(ClockThreadCpuTimeId, out var time);
        return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);
    }
}
